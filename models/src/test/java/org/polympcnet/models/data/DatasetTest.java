package org.polympcnet.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Views, batches and per-channel statistics of a data set. */
class DatasetTest {
    /** 6 images of 2 x 2 x 2; pixel k of image i = 10 * i + k (channel 0: k = 0..3, channel 1: 4..7). */
    static Dataset small() {
        byte[] px = new byte[6 * 8];
        for (int i = 0; i < 6; i++) for (int k = 0; k < 8; k++) px[i * 8 + k] = (byte) (10 * i + k);
        return new Dataset("t", "test", 2, 2, 2, List.of("a", "b", "c"), px, new int[] {0, 1, 2, 0, 1, 2});
    }

    @Test
    void imagesAreBytesOver255InCHWOrder() {
        Dataset d = small();
        assertArrayEquals(new int[] {6, 2, 2, 2}, d.shape());
        float[] img = d.image(3);
        for (int k = 0; k < 8; k++) assertEquals((30 + k) / 255f, img[k], 0f);
        float[] all = d.images();
        assertEquals(48, all.length);
        assertEquals(d.image(5)[7], all[5 * 8 + 7], 0f);
        assertArrayEquals(new int[] {2, 2, 2}, d.classCounts());
    }

    @Test
    void sliceLimitAndGatherAreViewsOfTheSameImages() {
        Dataset d = small();
        Dataset s = d.slice(2, 5);
        assertEquals(3, s.size());
        assertEquals(2, s.label(0));
        assertArrayEquals(d.image(4), s.image(2));
        assertArrayEquals(d.image(3), s.slice(1, 2).image(0));
        assertSame(d, d.limit(100));
        assertEquals(2, d.limit(2).size());
        assertThrows(IndexOutOfBoundsException.class, () -> s.image(3));
        float[] batch = new float[2 * 8];
        int[] labels = new int[2];
        s.gather(new int[] {2, 0}, batch, labels);
        assertArrayEquals(new int[] {1, 2}, labels);
        assertEquals(d.image(4)[1], batch[1], 0f);
        assertEquals(d.image(2)[1], batch[9], 0f);
        assertArrayEquals(d.images(2, 5), s.images());
    }

    @Test
    void channelStatsAreExactPopulationStatistics() {
        Dataset d = small().slice(1, 4);
        for (int c = 0; c < 2; c++) {
            double sum = 0, sq = 0;
            int n = 0;
            for (int i = 0; i < d.size(); i++) {
                float[] x = d.image(i);
                for (int k = c * 4; k < c * 4 + 4; k++) {
                    sum += x[k];
                    sq += (double) x[k] * x[k];
                    n++;
                }
            }
            double mean = sum / n;
            assertEquals(mean, d.channelStats().mean()[c], 1e-6);
            assertEquals(Math.sqrt(sq / n - mean * mean), d.channelStats().std()[c], 1e-6);
        }
        // Channel 0 of images 1..3: bytes 10..13, 20..23, 30..33; mean 21.5 / 255.
        assertEquals(21.5 / 255, d.channelStats().mean()[0], 1e-12);
    }

    @Test
    void inconsistentInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset("t", "s", 1, 2, 2, List.of("a"), new byte[7], new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("t", "s", 1, 1, 1, List.of("a"), new byte[1], new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> small().limit(-1));
    }
}
