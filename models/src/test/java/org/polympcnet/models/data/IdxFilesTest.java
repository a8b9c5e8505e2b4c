package org.polympcnet.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files as MNIST and Fashion-MNIST ship them, plain and gzipped, and every way they can be broken. */
class IdxFilesTest {
    @TempDir
    Path dir;

    private static void assertNames(DatasetException e, Path file, String what) {
        assertTrue(e.getMessage().contains(file.toString()), "names " + file + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(what), "says '" + what + "': " + e.getMessage());
    }

    @Test
    void readsImagesAndLabelsPlainAndGzipped() throws Exception {
        byte[] images = TestFiles.idxImages(5, 3, 4), labels = TestFiles.idxLabels(5, 10);
        Path plain = TestFiles.write(dir.resolve("a-images"), images);
        Path gz = TestFiles.write(dir.resolve("b-images.gz"), TestFiles.gzip(images));
        for (Path f : new Path[] {plain, gz}) {
            IdxFiles.Images im = IdxFiles.readImages(f);
            assertEquals(5, im.count());
            assertEquals(3, im.rows());
            assertEquals(4, im.cols());
            assertArrayEquals(Arrays.copyOfRange(images, 16, images.length), im.pixels());
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, IdxFiles.readLabels(TestFiles.write(dir.resolve("l.gz"), TestFiles.gzip(labels))));
    }

    @Test
    void loadsTheFourFilesAsSplitsInFileOrder() throws Exception {
        TestFiles.write(dir.resolve(Datasets.TRAIN_IMAGES + ".gz"), TestFiles.gzip(TestFiles.idxImages(30, 6, 5)));
        TestFiles.write(dir.resolve(Datasets.TRAIN_LABELS), TestFiles.idxLabels(30, 10));
        TestFiles.write(dir.resolve(Datasets.TEST_IMAGES), TestFiles.idxImages(7, 6, 5));
        TestFiles.write(dir.resolve(Datasets.TEST_LABELS + ".gz"), TestFiles.gzip(TestFiles.idxLabels(7, 10)));
        DatasetSplits s = Datasets.load("mnist", dir, dir.resolve("unused-cache"));
        // 30 training images: a tenth (3) are the validation split, taken from the end.
        assertEquals(27, s.train().size());
        assertEquals(3, s.validation().size());
        assertEquals(7, s.test().size());
        assertArrayEquals(new int[] {27, 1, 6, 5}, s.train().shape());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), s.train().classNames());
        assertEquals(7, s.validation().label(0));
        assertEquals(9, s.validation().label(2));
        float[] img = s.test().image(2);
        for (int k = 0; k < 30; k++) assertEquals(((2 * 7 + k) & 0xff) / 255f, img[k], 0f);
        assertEquals(((28 * 7) & 0xff) / 255f, s.validation().image(1)[0], 0f);
        assertEquals("mnist", s.test().name());
        assertTrue(s.test().source().contains(dir.toString()));
    }

    @Test
    void sixtyThousandTrainingImagesLeaveFiveThousandForValidation() {
        assertEquals(5_000, Datasets.validationSize(60_000));
        assertEquals(5_000, Datasets.validationSize(50_000));
        assertEquals(1_000, Datasets.validationSize(10_000));
        assertEquals(0, Datasets.validationSize(9));
    }

    @Test
    void badMagicNamesTheFile() throws Exception {
        byte[] images = TestFiles.idxImages(2, 2, 2);
        ByteBuffer.wrap(images).putInt(0x00000801);
        Path f = TestFiles.write(dir.resolve("images"), images);
        assertNames(assertThrows(DatasetException.class, () -> IdxFiles.readImages(f)), f, "magic number 0x00000801");
        Path labels = TestFiles.write(dir.resolve("labels"), TestFiles.idxImages(2, 2, 2));
        assertNames(assertThrows(DatasetException.class, () -> IdxFiles.readLabels(labels)), labels, "not an IDX label file");
    }

    @Test
    void truncatedFilesNameTheFile() throws Exception {
        byte[] images = TestFiles.idxImages(4, 3, 3);
        Path cut = TestFiles.write(dir.resolve("cut"), Arrays.copyOf(images, images.length - 5));
        assertNames(assertThrows(DatasetException.class, () -> IdxFiles.readImages(cut)), cut, "truncated");
        Path header = TestFiles.write(dir.resolve("header"), Arrays.copyOf(images, 10));
        assertNames(assertThrows(DatasetException.class, () -> IdxFiles.readImages(header)), header, "truncated");
        Path empty = TestFiles.write(dir.resolve("empty"), new byte[0]);
        assertNames(assertThrows(DatasetException.class, () -> IdxFiles.readImages(empty)), empty, "truncated");
        byte[] gz = TestFiles.gzip(images);
        Path gzCut = TestFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertNames(assertThrows(DatasetException.class, () -> IdxFiles.readImages(gzCut)), gzCut, "truncated");
        Path notGz = TestFiles.write(dir.resolve("plain.gz"), images);
        assertNames(assertThrows(DatasetException.class, () -> IdxFiles.readImages(notGz)), notGz, "gzip");
    }

    @Test
    void wrongDimensionsOrByteCountNameTheFile() throws Exception {
        byte[] images = TestFiles.idxImages(4, 3, 3);
        Path extra = TestFiles.write(dir.resolve("extra"), Arrays.copyOf(images, images.length + 9));
        assertNames(assertThrows(DatasetException.class, () -> IdxFiles.readImages(extra)), extra, "wrong byte count");
        byte[] zero = images.clone();
        ByteBuffer.wrap(zero).putInt(8, 0);
        Path z = TestFiles.write(dir.resolve("zero"), zero);
        assertNames(assertThrows(DatasetException.class, () -> IdxFiles.readImages(z)), z, "wrong dimensions");
    }

    @Test
    void labelsThatDoNotMatchTheImagesNameTheLabelFile() throws Exception {
        TestFiles.write(dir.resolve(Datasets.TRAIN_IMAGES), TestFiles.idxImages(30, 4, 4));
        Path labels = TestFiles.write(dir.resolve(Datasets.TRAIN_LABELS), TestFiles.idxLabels(29, 10));
        TestFiles.write(dir.resolve(Datasets.TEST_IMAGES), TestFiles.idxImages(3, 4, 4));
        TestFiles.write(dir.resolve(Datasets.TEST_LABELS), TestFiles.idxLabels(3, 10));
        assertNames(assertThrows(DatasetException.class, () -> Datasets.load("fashion-mnist", dir, dir)), labels, "29 labels for the 30 images");

        TestFiles.write(labels, TestFiles.idxLabels(30, 12));
        assertNames(assertThrows(DatasetException.class, () -> Datasets.load("fashion-mnist", dir, dir)), labels, "not a class 0..9");

        TestFiles.write(labels, TestFiles.idxLabels(30, 10));
        Path testImages = TestFiles.write(dir.resolve(Datasets.TEST_IMAGES), TestFiles.idxImages(3, 5, 4));
        assertNames(assertThrows(DatasetException.class, () -> Datasets.load("fashion-mnist", dir, dir)), testImages, "wrong dimensions");
    }

    @Test
    void aMissingFileIsNamedWithTheFourExpected() throws Exception {
        TestFiles.write(dir.resolve(Datasets.TRAIN_IMAGES), TestFiles.idxImages(3, 2, 2));
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("mnist", dir, dir));
        assertTrue(e.getMessage().contains("no " + Datasets.TRAIN_LABELS + " (nor " + Datasets.TRAIN_LABELS + ".gz)"), e.getMessage());
        DatasetException none = assertThrows(DatasetException.class, () -> Datasets.load("mnist", dir.resolve("absent"), dir));
        assertTrue(none.getMessage().contains("absent") && none.getMessage().contains("no such directory"), none.getMessage());
        assertTrue(Files.isDirectory(dir));
    }
}
