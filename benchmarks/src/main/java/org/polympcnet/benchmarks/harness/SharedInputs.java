package org.polympcnet.benchmarks.harness;

import java.util.SplittableRandom;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * Benchmark inputs, already secret-shared: made locally and untimed, as if party 0 had shared
 * them in an earlier step. The ops are data-oblivious, so values only need to be plausible
 * (activations of a few units) and keep fixed-point products in range.
 */
public final class SharedInputs {
    private SharedInputs() {}

    /**
     * n values uniform in [-bound, bound) at fp's precision, split into additive shares:
     * [0] is party 0's share (uniform in the ring), [1] party 1's. Seeded: the same in every run.
     */
    public static long[][] uniform(FixedPoint fp, int n, double bound, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] s0 = new long[n], s1 = new long[n];
        for (int i = 0; i < n; i++) {
            long x = fp.encode((2 * rnd.nextDouble() - 1) * bound);
            s0[i] = rnd.nextLong();
            s1[i] = x - s0[i];
        }
        return new long[][] {s0, s1};
    }

    /** Raw ring values with 2f fractional bits, as a product before truncation: x * 2^f for x as above. */
    public static long[][] product(FixedPoint fp, int n, double bound, long seed) {
        long[][] s = uniform(fp, n, bound, seed);
        int f = fp.fracBits();
        for (int i = 0; i < n; i++) {
            long x = (s[0][i] + s[1][i]) << f;
            s[1][i] = x - s[0][i];
        }
        return s;
    }

    /** Reconstructs x = share0 + share1 (tests and checks only). */
    public static long[] open(long[] s0, long[] s1) {
        long[] x = new long[s0.length];
        for (int i = 0; i < x.length; i++) x[i] = s0[i] + s1[i];
        return x;
    }
}
