package org.polympcnet.protocols.ops;

import java.util.SplittableRandom;

/** Test inputs: the edge values first, then seeded random values. */
final class Values {
    static final int[] SIZES = {1, 2, 63, 64, 65, 1000, 1 << 14};

    private Values() {}

    /** Edge values of the whole ring (0, +-1 ulp, +-largest, the most negative), then random 64-bit. */
    static long[] fullRange(int n, long seed) {
        long[] edges = {0, 1, -1, Long.MAX_VALUE, -Long.MAX_VALUE, Long.MIN_VALUE, 1L << 16, -(1L << 16)};
        return fill(n, seed, edges, 64);
    }

    /** Edge values within |x| <= limit (raw), then random values of up to `bits` bits, either sign. */
    static long[] bounded(int n, long seed, long limit, int bits) {
        long[] edges = {0, 1, -1, limit, -limit, limit - 1, -(limit - 1), 1L << 16, -(1L << 16)};
        return fill(n, seed, edges, bits);
    }

    private static long[] fill(int n, long seed, long[] edges, int bits) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] x = new long[n];
        for (int i = 0; i < n; i++) {
            if (i < edges.length) {
                x[i] = edges[i];
            } else {
                long v = rnd.nextLong();
                x[i] = bits >= 64 ? v : v >> (64 - bits);
            }
        }
        return x;
    }

}
