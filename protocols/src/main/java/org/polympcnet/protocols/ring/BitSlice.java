package org.polympcnet.protocols.ring;

/**
 * Bit-sliced boolean vectors. A vector of n bits is {@code words(n)} longs, lane t in bit (t % 64)
 * of word (t / 64). A "plane matrix" of P planes over n lanes is one flat {@code long[P * W]}, plane
 * j at offset j * W, W = words(n). Slicing 64-bit ring elements gives 64 planes, plane j holding
 * bit j of every element, so one AND of two words is 64 gates of the boolean circuit.
 */
public final class BitSlice {
    private BitSlice() {}

    public static int words(int nbits) {
        return (nbits + 63) >>> 6;
    }

    /** Bytes that n bits take on the wire: ceil(n / 8). */
    public static int wireBytes(int nbits) {
        return (nbits + 7) >>> 3;
    }

    /**
     * Transposes the 64x64 bit matrix a[off..off+63] in place: afterwards bit t of a[off+j] is what
     * bit j of a[off+t] was. Block-recursive swap (Hacker's Delight 7-3), 6 passes of 32 swaps, each
     * pass written out with its constant shift and mask: a variable shift costs several micro-ops
     * on x86, and this form ran twice as fast as one loop over a variable level. The one transpose
     * of the project: slicing, IKNP and KK13 all use it.
     */
    public static void transpose64(long[] a, int off) {
        for (int base = off; base < off + 64; base += 64) {
            for (int k = base; k < base + 32; k++) {
                long t = ((a[k] >>> 32) ^ a[k + 32]) & 0x00000000FFFFFFFFL;
                a[k] ^= t << 32;
                a[k + 32] ^= t;
            }
        }
        for (int base = off; base < off + 64; base += 32) {
            for (int k = base; k < base + 16; k++) {
                long t = ((a[k] >>> 16) ^ a[k + 16]) & 0x0000FFFF0000FFFFL;
                a[k] ^= t << 16;
                a[k + 16] ^= t;
            }
        }
        for (int base = off; base < off + 64; base += 16) {
            for (int k = base; k < base + 8; k++) {
                long t = ((a[k] >>> 8) ^ a[k + 8]) & 0x00FF00FF00FF00FFL;
                a[k] ^= t << 8;
                a[k + 8] ^= t;
            }
        }
        for (int base = off; base < off + 64; base += 8) {
            for (int k = base; k < base + 4; k++) {
                long t = ((a[k] >>> 4) ^ a[k + 4]) & 0x0F0F0F0F0F0F0F0FL;
                a[k] ^= t << 4;
                a[k + 4] ^= t;
            }
        }
        for (int base = off; base < off + 64; base += 4) {
            for (int k = base; k < base + 2; k++) {
                long t = ((a[k] >>> 2) ^ a[k + 2]) & 0x3333333333333333L;
                a[k] ^= t << 2;
                a[k + 2] ^= t;
            }
        }
        for (int base = off; base < off + 64; base += 2) {
            for (int k = base; k < base + 1; k++) {
                long t = ((a[k] >>> 1) ^ a[k + 1]) & 0x5555555555555555L;
                a[k] ^= t << 1;
                a[k + 1] ^= t;
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
