package org.polympcnet.protocols.ot;

/** {@link PadLanes} one row at a time with {@link Blake3Block}: the portable engine, and the reference of the vector one. */
final class ScalarPadLanes implements PadLanes {
    /** Rows a call: any would do; 16 keeps call overhead small. */
    static final int LANES = 16;

    private final Blake3Block blake = new Blake3Block();
    private final int[] msg = new int[16], out = new int[2], words = new int[LANES];

    ScalarPadLanes(int instance) {
        Kk13Hash.constantWords(instance, msg, 0, 1);
    }

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public void pads(int[] planes, int count, int r0, int[] maskWords, int k, int[] ks, long j0, int[] out0, int[] out1) {
        for (int i = 0; i < LANES; i++) {
            int r = r0 + i;
            long j = j0 + r;
            msg[Kk13Hash.K_WORD] = ks == null ? k : ks[r];
            msg[Kk13Hash.J_WORD] = (int) j;
            msg[Kk13Hash.J_WORD + 1] = (int) (j >>> 32);
            for (int w = 0; w < 8; w++) msg[Kk13Hash.X_WORD + w] = planes[w * count + r] ^ maskWords[w];
            blake.hash(msg, 0, 1, Kk13Hash.MESSAGE_BYTES, out, 0, out1 == null ? 1 : 2);
            out0[i] = out[0];
            if (out1 != null) out1[i] = out[1];
        }
    }

    @Override
    public long lowTwoBits(int[] planes, int count, int r0, int[] maskWords, int k, int[] ks, long j0) {
        pads(planes, count, r0, maskWords, k, ks, j0, words, null);
        long b = 0;
        for (int i = 0; i < LANES; i++) b |= (long) (words[i] & 1) << i | (long) ((words[i] >>> 1) & 1) << (32 + i);
        return b;
    }
}
