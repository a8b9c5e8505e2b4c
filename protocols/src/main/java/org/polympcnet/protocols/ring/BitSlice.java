package org.polympcnet.protocols.ring;

/**
 * Bit-sliced boolean vectors. A vector of n bits is {@code words(n)} longs, lane t in bit (t % 64)
 * of word (t / 64). A "plane matrix" of P planes over n lanes is one flat {@code long[P * W]}, plane
 * j at offset j * W, W = words(n). Slicing 64-bit ring elements gives 64 planes, plane j holding
 * bit j of every element, so one AND of two words is 64 gates of the boolean circuit.
 */
public final class BitSlice {
    private BitSlice() {}

    /** Masks for the 64x64 transpose: at step j, the bits whose index has bit j clear. */
    private static final long[] MASKS = {
        0x5555555555555555L, 0x3333333333333333L, 0x0F0F0F0F0F0F0F0FL,
        0x00FF00FF00FF00FFL, 0x0000FFFF0000FFFFL, 0x00000000FFFFFFFFL,
    };

    public static int words(int nbits) {
        return (nbits + 63) >>> 6;
    }

    /** Bytes that n bits take on the wire: ceil(n / 8). */
    public static int wireBytes(int nbits) {
        return (nbits + 7) >>> 3;
    }

    /**
     * Transposes the 64x64 bit matrix a[off..off+63] in place: afterwards bit t of a[off+j] is what
     * bit j of a[off+t] was. Block-recursive swap (Hacker's Delight 7-3), 6 passes of 32 swaps.
     */
    public static void transpose64(long[] a, int off) {
        for (int level = 5; level >= 0; level--) {
            int j = 1 << level;
            long m = MASKS[level];
            for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
                int lo = off + k, hi = off + k + j;
                long t = ((a[lo] >>> j) ^ a[hi]) & m;
                a[lo] ^= t << j;
                a[hi] ^= t;
            }
        }
    }

    /**
     * Slices n ring elements into 64 planes (plane j = bit j of every element), flat layout
     * planes[j * W + w]. Only the first {@code planes} planes are written (callers that need bits
     * 0..62 pass 63, and so on).
     */
    public static long[] slice(long[] values, int n, int planes) {
        int w = words(n);
        long[] out = new long[planes * w];
        long[] block = new long[64];
        for (int b = 0; b < w; b++) {
            int base = b << 6;
            int len = Math.min(64, n - base);
            System.arraycopy(values, base, block, 0, len);
            if (len < 64) java.util.Arrays.fill(block, len, 64, 0L);
            transpose64(block, 0);
            for (int j = 0; j < planes; j++) out[j * w + b] = block[j];
        }
        return out;
    }

    /** Inverse of {@link #slice} for 64 planes: n ring elements back from planes[j * W + w]. */
    public static long[] unslice(long[] planes, int nplanes, int n) {
        int w = words(n);
        long[] out = new long[n];
        long[] block = new long[64];
        for (int b = 0; b < w; b++) {
            java.util.Arrays.fill(block, 0L);
            for (int j = 0; j < nplanes; j++) block[j] = planes[j * w + b];
            transpose64(block, 0);
            int base = b << 6;
            int len = Math.min(64, n - base);
            System.arraycopy(block, 0, out, base, len);
        }
        return out;
    }

    public static boolean get(long[] bits, int off, int lane) {
        return ((bits[off + (lane >>> 6)] >>> (lane & 63)) & 1L) != 0;
    }

    /** XOR of two equal-length word arrays into a new array. */
    public static long[] xor(long[] a, long[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("bit vector lengths differ: " + a.length + " vs " + b.length);
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] ^ b[i];
        return r;
    }

    /** Clears the lanes at and above n in a W-word vector, so padding never reaches the wire. */
    public static void clearPadding(long[] bits, int off, int n) {
        int rem = n & 63;
        if (rem != 0) bits[off + words(n) - 1] &= (1L << rem) - 1;
    }
}
