package org.polympcnet.protocols.ot;

/**
 * BLAKE3 (O'Connor, Aumasson, Neves, Wilcox-O'Hearn, 2020) of a message of at most 64 bytes, plain
 * hash mode (no key, no derive-key context): one compression of the message as the only block of
 * chunk 0, flags CHUNK_START | CHUNK_END | ROOT, chaining value IV, counter 0, block length the
 * message's bytes. The output's first 8 little-endian words are state[i] ^ state[i + 8]. This is the
 * scalar reference of {@link VectorPadLanes}, and the pad hash where the vector module is absent.
 * Not thread-safe (a scratch state): one per thread.
 */
final class Blake3Block {
    static final int[] IV = {0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19};
    /** Flags of the only block of a one-block message: CHUNK_START (1), CHUNK_END (2), ROOT (8). */
    static final int ONE_BLOCK_FLAGS = 1 | 2 | 8;
    static final int ROUNDS = 7;
    /** SCHEDULE[r][i]: the message word that round r feeds to G input i (BLAKE3's permutation applied r times). */
    static final int[][] SCHEDULE = schedule();

    private final int[] v = new int[16];

    private static int[][] schedule() {
        int[] perm = {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8};
        int[][] s = new int[ROUNDS][16];
        for (int i = 0; i < 16; i++) s[0][i] = i;
        for (int r = 1; r < ROUNDS; r++) for (int i = 0; i < 16; i++) s[r][i] = s[r - 1][perm[i]];
        return s;
    }

    /**
     * Output words 0 .. outWords - 1 of BLAKE3 of the blockLen-byte message whose 16 little-endian
     * words (zero beyond blockLen) are m[mOff + i * mStride], into out[outOff + i].
     */
    void hash(int[] m, int mOff, int mStride, int blockLen, int[] out, int outOff, int outWords) {
        if (blockLen < 0 || blockLen > 64 || outWords < 0 || outWords > 8) throw new IllegalArgumentException("one BLAKE3 block: 0..64 bytes, up to 8 output words");
        System.arraycopy(IV, 0, v, 0, 8);
        System.arraycopy(IV, 0, v, 8, 4);
        v[12] = 0;
        v[13] = 0;
        v[14] = blockLen;
        v[15] = ONE_BLOCK_FLAGS;
        for (int r = 0; r < ROUNDS; r++) {
            int[] s = SCHEDULE[r];
            g(0, 4, 8, 12, m[mOff + s[0] * mStride], m[mOff + s[1] * mStride]);
            g(1, 5, 9, 13, m[mOff + s[2] * mStride], m[mOff + s[3] * mStride]);
            g(2, 6, 10, 14, m[mOff + s[4] * mStride], m[mOff + s[5] * mStride]);
            g(3, 7, 11, 15, m[mOff + s[6] * mStride], m[mOff + s[7] * mStride]);
            g(0, 5, 10, 15, m[mOff + s[8] * mStride], m[mOff + s[9] * mStride]);
            g(1, 6, 11, 12, m[mOff + s[10] * mStride], m[mOff + s[11] * mStride]);
            g(2, 7, 8, 13, m[mOff + s[12] * mStride], m[mOff + s[13] * mStride]);
            g(3, 4, 9, 14, m[mOff + s[14] * mStride], m[mOff + s[15] * mStride]);
        }
        for (int i = 0; i < outWords; i++) out[outOff + i] = v[i] ^ v[i + 8];
    }

    private void g(int a, int b, int c, int d, int mx, int my) {
        v[a] += v[b] + mx;
        v[d] = Integer.rotateRight(v[d] ^ v[a], 16);
        v[c] += v[d];
        v[b] = Integer.rotateRight(v[b] ^ v[c], 12);
        v[a] += v[b] + my;
        v[d] = Integer.rotateRight(v[d] ^ v[a], 8);
        v[c] += v[d];
        v[b] = Integer.rotateRight(v[b] ^ v[c], 7);
    }
}
