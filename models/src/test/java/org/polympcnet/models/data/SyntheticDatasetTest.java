package org.polympcnet.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The synthetic set: a function of its seed, any shape, balanced, and learnable. */
class SyntheticDatasetTest {
    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        Dataset a = new SyntheticDataset(7, 3, 5, 6, 4).generate(50, 1);
        Dataset b = new SyntheticDataset(7, 3, 5, 6, 4).generate(50, 1);
        Dataset c = new SyntheticDataset(8, 3, 5, 6, 4).generate(50, 1);
        Dataset d = new SyntheticDataset(7, 3, 5, 6, 4).generate(50, 2);
        assertArrayEquals(a.images(), b.images());
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(Arrays.equals(a.images(), c.images()));
        assertFalse(Arrays.equals(a.images(), d.images()));
        assertArrayEquals(new int[] {50, 3, 5, 6}, a.shape());
    }

    @Test
    void defaultSplitsAreBalancedAndInRange() {
        DatasetSplits s = SyntheticDataset.defaultSplits();
        assertEquals(2000, s.train().size());
        assertEquals(500, s.validation().size());
        assertEquals(500, s.test().size());
        assertArrayEquals(new int[] {1, 28, 28}, s.test().imageShape());
        int[] counts = s.train().classCounts();
        for (int c : counts) assertEquals(200, c);
        for (float v : s.validation().images()) assertTrue(v >= 0 && v <= 1);
        assertArrayEquals(s.test().images(), Datasets.load("synthetic", null, null).test().images());
    }

    /** Nearest class mean of the training split classifies the test split: the classes are separable. */
    @Test
    void classesAreSeparable() {
        SyntheticDataset gen = new SyntheticDataset(3, 2, 12, 12, 5);
        DatasetSplits s = gen.splits(500, 0, 200);
        int n = s.train().imageSize();
        double[][] mean = new double[5][n];
        for (int i = 0; i < s.train().size(); i++) {
            float[] x = s.train().image(i);
            for (int k = 0; k < n; k++) mean[s.train().label(i)][k] += x[k] / 100.0;
        }
        int right = 0;
        for (int i = 0; i < s.test().size(); i++) {
            float[] x = s.test().image(i);
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int c = 0; c < 5; c++) {
                double dist = 0;
                for (int k = 0; k < n; k++) dist += (x[k] - mean[c][k]) * (x[k] - mean[c][k]);
                if (dist < bestD) {
                    bestD = dist;
                    best = c;
                }
            }
            if (best == s.test().label(i)) right++;
        }
        assertTrue(right >= 190, right + " of 200 right");
    }
}
