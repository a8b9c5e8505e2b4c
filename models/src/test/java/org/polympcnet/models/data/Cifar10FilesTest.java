package org.polympcnet.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10 binary batches: tiny synthetic ones with the real record layout. */
class Cifar10FilesTest {
    @TempDir
    Path dir;

    /** n records; record r of batch b has label (b + r) % 10 and pixel k = (b * 31 + r * 7 + k) mod 256. */
    static byte[] batch(int b, int n) {
        byte[] out = new byte[n * Cifar10Files.RECORD];
        for (int r = 0; r < n; r++) {
            int off = r * Cifar10Files.RECORD;
            out[off] = (byte) ((b + r) % 10);
            for (int k = 0; k < Cifar10Files.PIXELS; k++) out[off + 1 + k] = (byte) (b * 31 + r * 7 + k);
        }
        return out;
    }

    static void writeBatches(Path d, int perBatch, int test) throws Exception {
        for (int b = 1; b <= 5; b++) TestFiles.write(d.resolve("data_batch_" + b + ".bin"), batch(b, perBatch));
        TestFiles.write(d.resolve("test_batch.bin"), batch(0, test));
    }

    @Test
    void readsBatchesInOrderWithTheRedPlaneFirst() throws Exception {
        writeBatches(dir, 4, 3);
        DatasetSplits s = Datasets.load("cifar10", dir, dir);
        // 20 training records: the last tenth (2) are validation.
        assertEquals(18, s.train().size());
        assertEquals(2, s.validation().size());
        assertEquals(3, s.test().size());
        assertArrayEquals(new int[] {3, 32, 32}, s.train().imageShape());
        assertEquals("airplane", s.train().classNames().get(0));
        assertEquals("truck", s.train().classNames().get(9));
        // Training image 5 is record 1 of data_batch_2.
        assertEquals((2 + 1) % 10, s.train().label(5));
        byte[] px = s.train().imageBytes(5);
        for (int k = 0; k < Cifar10Files.PIXELS; k++) assertEquals((byte) (2 * 31 + 7 + k), px[k]);
        // [C, H, W]: channel 1 (green) row 2 column 3 is record byte 1 + 1024 + 2 * 32 + 3.
        assertEquals(((2 * 31 + 7 + 1024 + 67) & 0xff) / 255f, s.train().image(5)[1024 + 2 * 32 + 3], 0f);
        assertEquals((5 + 3) % 10, s.validation().label(1));
        assertEquals(2, s.test().label(2));
    }

    @Test
    void findsTheBatchesInTheArchiveFolder() throws Exception {
        writeBatches(dir.resolve("cifar-10-batches-bin"), 2, 2);
        assertEquals(10, Datasets.load("cifar-10", dir, dir).train().size() + Datasets.load("cifar10", dir, dir).validation().size());
    }

    @Test
    void aTruncatedBatchOrBadLabelNamesTheFile() throws Exception {
        writeBatches(dir, 2, 2);
        Path third = dir.resolve("data_batch_3.bin");
        byte[] good = Files.readAllBytes(third);
        Files.write(third, Arrays.copyOf(good, good.length - 1));
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("cifar10", dir, dir));
        assertTrue(e.getMessage().contains(third.toString()) && e.getMessage().contains("wrong byte count"), e.getMessage());

        byte[] bad = good.clone();
        bad[Cifar10Files.RECORD] = 10;
        Files.write(third, bad);
        e = assertThrows(DatasetException.class, () -> Datasets.load("cifar10", dir, dir));
        assertTrue(e.getMessage().contains(third.toString()) && e.getMessage().contains("record 1 has label byte 10"), e.getMessage());

        Files.write(third, good);
        Files.delete(dir.resolve("test_batch.bin"));
        e = assertThrows(DatasetException.class, () -> Datasets.load("cifar10", dir, dir));
        assertTrue(e.getMessage().contains("test_batch.bin") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void cifarNeedsADataDirectory() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("cifar10", null, dir));
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
    }
}
