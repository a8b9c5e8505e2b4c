package org.polympcnet.protocols.ot;

import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.OR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PadLanes} with the Vector API (jdk.incubator.vector, JDK 17): one BLAKE3 compression
 * ({@link Blake3Block}) a SIMD lane, as many rows a call as the CPU's preferred int vector holds
 * (16 with AVX-512, 8 with AVX2). Each word of the 16-word state is one vector in a local; the
 * message words of the block are laid out word-major in {@link #msg}, so each G input is one vector
 * load. Why: the sender of a KK13 1-out-of-N OT hashes N pads a row, nearly all of the dealer-free
 * millionaire's work; a SHA-256 pad through the JDK (SHA extensions) cost about 83 ns, this about
 * 17 ns with AVX-512 (2026-11; see {@link Kk13Hash}). Of that, the rotations are half: C2 of JDK 17
 * compiles neither lanewise(ROR, n) (19 ns) nor a shift-OR pair (used here) to AVX-512's single rotate.
 * The rounds stay a loop: with the seventh unrolled apart (to drop the steps the output does not
 * need), the method outgrew C2's inlining budget and the vector ops ran as calls, 100x slower.
 * Only loaded when the JVM has the module ({@link PadLanes#best}). Not thread-safe.
 */
final class VectorPadLanes implements PadLanes {
    private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;

    private final int l = S.length();
    /** Message word w of lane i at msg[w * l + i]; the constant words are set once. */
    private final int[] msg = new int[16 * l];
    private final int[] ramp = new int[l], jLo = new int[l], jHi = new int[l], bits = new int[2];

    VectorPadLanes(int instance) {
        for (int i = 0; i < l; i++) {
            Kk13Hash.constantWords(instance, msg, i, l);
            ramp[i] = i;
        }
    }

    @Override
    public int lanes() {
        return l;
    }

    @Override
    public void pads(int[] planes, int count, int r0, int[] maskWords, int k, int[] ks, long j0, int[] out0, int[] out1) {
        compress(planes, count, r0, maskWords, k, ks, j0, out0, out1, false);
    }

    @Override
    public long lowTwoBits(int[] planes, int count, int r0, int[] maskWords, int k, int[] ks, long j0) {
        if (l > 32) throw new IllegalStateException("lowTwoBits packs at most 32 lanes, this vector has " + l);
        compress(planes, count, r0, maskWords, k, ks, j0, bits, null, true);
        return (bits[0] & 0xffffffffL) | ((long) bits[1] << 32);
    }

    /**
     * One compression a lane for rows r0 .. r0 + l - 1. Output words 0 (and 1) to out0 (out1), or
     * with packBits the low two bits of word 0 packed into out0[0] and out0[1] ({@link #lowTwoBits}),
     * in this method: the state vectors never leave it, so C2 keeps them in registers.
     */
    private void compress(int[] planes, int count, int r0, int[] maskWords, int k, int[] ks, long j0, int[] out0, int[] out1, boolean packBits) {
        int[] msg = this.msg;
        int l = this.l;
        if (ks == null) IntVector.broadcast(S, k).intoArray(msg, Kk13Hash.K_WORD * l);
        else IntVector.fromArray(S, ks, r0).intoArray(msg, Kk13Hash.K_WORD * l);
        long j = j0 + r0;
        if (Integer.compareUnsigned((int) j, -l) <= 0) { // no carry into the high word within the block
            IntVector.broadcast(S, (int) j).add(IntVector.fromArray(S, ramp, 0)).intoArray(msg, Kk13Hash.J_WORD * l);
            IntVector.broadcast(S, (int) (j >>> 32)).intoArray(msg, (Kk13Hash.J_WORD + 1) * l);
        } else {
            for (int i = 0; i < l; i++) {
                jLo[i] = (int) (j + i);
                jHi[i] = (int) ((j + i) >>> 32);
            }
            IntVector.fromArray(S, jLo, 0).intoArray(msg, Kk13Hash.J_WORD * l);
            IntVector.fromArray(S, jHi, 0).intoArray(msg, (Kk13Hash.J_WORD + 1) * l);
        }
        for (int w = 0; w < 8; w++) {
            IntVector.fromArray(S, planes, w * count + r0).lanewise(XOR, maskWords[w]).intoArray(msg, (Kk13Hash.X_WORD + w) * l);
        }
        IntVector v0 = IntVector.broadcast(S, Blake3Block.IV[0]), v1 = IntVector.broadcast(S, Blake3Block.IV[1]);
        IntVector v2 = IntVector.broadcast(S, Blake3Block.IV[2]), v3 = IntVector.broadcast(S, Blake3Block.IV[3]);
        IntVector v4 = IntVector.broadcast(S, Blake3Block.IV[4]), v5 = IntVector.broadcast(S, Blake3Block.IV[5]);
        IntVector v6 = IntVector.broadcast(S, Blake3Block.IV[6]), v7 = IntVector.broadcast(S, Blake3Block.IV[7]);
        IntVector v8 = IntVector.broadcast(S, Blake3Block.IV[0]), v9 = IntVector.broadcast(S, Blake3Block.IV[1]);
        IntVector v10 = IntVector.broadcast(S, Blake3Block.IV[2]), v11 = IntVector.broadcast(S, Blake3Block.IV[3]);
        IntVector v12 = IntVector.zero(S), v13 = IntVector.zero(S);
        IntVector v14 = IntVector.broadcast(S, Kk13Hash.MESSAGE_BYTES), v15 = IntVector.broadcast(S, Blake3Block.ONE_BLOCK_FLAGS);
        for (int r = 0; r < Blake3Block.ROUNDS; r++) {
            int[] s = Blake3Block.SCHEDULE[r];
            // G on the columns, then on the diagonals (generated: the same lines each, inputs named by the BLAKE3 spec).
            // Rotations as two shifts and an OR: C2 of JDK 17 compiled lanewise(ROR, n) about 10% slower (2026-11).
            v0 = v0.add(v4).add(IntVector.fromArray(S, msg, s[0] * l));
            v12 = v12.lanewise(XOR, v0);
            v12 = v12.lanewise(LSHR, 16).or(v12.lanewise(LSHL, 16));
            v8 = v8.add(v12);
            v4 = v4.lanewise(XOR, v8);
            v4 = v4.lanewise(LSHR, 12).or(v4.lanewise(LSHL, 20));
            v0 = v0.add(v4).add(IntVector.fromArray(S, msg, s[1] * l));
            v12 = v12.lanewise(XOR, v0);
            v12 = v12.lanewise(LSHR, 8).or(v12.lanewise(LSHL, 24));
            v8 = v8.add(v12);
            v4 = v4.lanewise(XOR, v8);
            v4 = v4.lanewise(LSHR, 7).or(v4.lanewise(LSHL, 25));
            v1 = v1.add(v5).add(IntVector.fromArray(S, msg, s[2] * l));
            v13 = v13.lanewise(XOR, v1);
            v13 = v13.lanewise(LSHR, 16).or(v13.lanewise(LSHL, 16));
            v9 = v9.add(v13);
            v5 = v5.lanewise(XOR, v9);
            v5 = v5.lanewise(LSHR, 12).or(v5.lanewise(LSHL, 20));
            v1 = v1.add(v5).add(IntVector.fromArray(S, msg, s[3] * l));
            v13 = v13.lanewise(XOR, v1);
            v13 = v13.lanewise(LSHR, 8).or(v13.lanewise(LSHL, 24));
            v9 = v9.add(v13);
            v5 = v5.lanewise(XOR, v9);
            v5 = v5.lanewise(LSHR, 7).or(v5.lanewise(LSHL, 25));
            v2 = v2.add(v6).add(IntVector.fromArray(S, msg, s[4] * l));
            v14 = v14.lanewise(XOR, v2);
            v14 = v14.lanewise(LSHR, 16).or(v14.lanewise(LSHL, 16));
            v10 = v10.add(v14);
            v6 = v6.lanewise(XOR, v10);
            v6 = v6.lanewise(LSHR, 12).or(v6.lanewise(LSHL, 20));
            v2 = v2.add(v6).add(IntVector.fromArray(S, msg, s[5] * l));
            v14 = v14.lanewise(XOR, v2);
            v14 = v14.lanewise(LSHR, 8).or(v14.lanewise(LSHL, 24));
            v10 = v10.add(v14);
            v6 = v6.lanewise(XOR, v10);
            v6 = v6.lanewise(LSHR, 7).or(v6.lanewise(LSHL, 25));
            v3 = v3.add(v7).add(IntVector.fromArray(S, msg, s[6] * l));
            v15 = v15.lanewise(XOR, v3);
            v15 = v15.lanewise(LSHR, 16).or(v15.lanewise(LSHL, 16));
            v11 = v11.add(v15);
            v7 = v7.lanewise(XOR, v11);
            v7 = v7.lanewise(LSHR, 12).or(v7.lanewise(LSHL, 20));
            v3 = v3.add(v7).add(IntVector.fromArray(S, msg, s[7] * l));
            v15 = v15.lanewise(XOR, v3);
            v15 = v15.lanewise(LSHR, 8).or(v15.lanewise(LSHL, 24));
            v11 = v11.add(v15);
            v7 = v7.lanewise(XOR, v11);
            v7 = v7.lanewise(LSHR, 7).or(v7.lanewise(LSHL, 25));
            v0 = v0.add(v5).add(IntVector.fromArray(S, msg, s[8] * l));
            v15 = v15.lanewise(XOR, v0);
            v15 = v15.lanewise(LSHR, 16).or(v15.lanewise(LSHL, 16));
            v10 = v10.add(v15);
            v5 = v5.lanewise(XOR, v10);
            v5 = v5.lanewise(LSHR, 12).or(v5.lanewise(LSHL, 20));
            v0 = v0.add(v5).add(IntVector.fromArray(S, msg, s[9] * l));
            v15 = v15.lanewise(XOR, v0);
            v15 = v15.lanewise(LSHR, 8).or(v15.lanewise(LSHL, 24));
            v10 = v10.add(v15);
            v5 = v5.lanewise(XOR, v10);
            v5 = v5.lanewise(LSHR, 7).or(v5.lanewise(LSHL, 25));
            v1 = v1.add(v6).add(IntVector.fromArray(S, msg, s[10] * l));
            v12 = v12.lanewise(XOR, v1);
            v12 = v12.lanewise(LSHR, 16).or(v12.lanewise(LSHL, 16));
            v11 = v11.add(v12);
            v6 = v6.lanewise(XOR, v11);
            v6 = v6.lanewise(LSHR, 12).or(v6.lanewise(LSHL, 20));
            v1 = v1.add(v6).add(IntVector.fromArray(S, msg, s[11] * l));
            v12 = v12.lanewise(XOR, v1);
            v12 = v12.lanewise(LSHR, 8).or(v12.lanewise(LSHL, 24));
            v11 = v11.add(v12);
            v6 = v6.lanewise(XOR, v11);
            v6 = v6.lanewise(LSHR, 7).or(v6.lanewise(LSHL, 25));
            v2 = v2.add(v7).add(IntVector.fromArray(S, msg, s[12] * l));
            v13 = v13.lanewise(XOR, v2);
            v13 = v13.lanewise(LSHR, 16).or(v13.lanewise(LSHL, 16));
            v8 = v8.add(v13);
            v7 = v7.lanewise(XOR, v8);
            v7 = v7.lanewise(LSHR, 12).or(v7.lanewise(LSHL, 20));
            v2 = v2.add(v7).add(IntVector.fromArray(S, msg, s[13] * l));
            v13 = v13.lanewise(XOR, v2);
            v13 = v13.lanewise(LSHR, 8).or(v13.lanewise(LSHL, 24));
            v8 = v8.add(v13);
            v7 = v7.lanewise(XOR, v8);
            v7 = v7.lanewise(LSHR, 7).or(v7.lanewise(LSHL, 25));
            v3 = v3.add(v4).add(IntVector.fromArray(S, msg, s[14] * l));
            v14 = v14.lanewise(XOR, v3);
            v14 = v14.lanewise(LSHR, 16).or(v14.lanewise(LSHL, 16));
            v9 = v9.add(v14);
            v4 = v4.lanewise(XOR, v9);
            v4 = v4.lanewise(LSHR, 12).or(v4.lanewise(LSHL, 20));
            v3 = v3.add(v4).add(IntVector.fromArray(S, msg, s[15] * l));
            v14 = v14.lanewise(XOR, v3);
            v14 = v14.lanewise(LSHR, 8).or(v14.lanewise(LSHL, 24));
            v9 = v9.add(v14);
            v4 = v4.lanewise(XOR, v9);
            v4 = v4.lanewise(LSHR, 7).or(v4.lanewise(LSHL, 25));

        }
        IntVector h0 = v0.lanewise(XOR, v8);
        if (packBits) {
            IntVector lane = IntVector.fromArray(S, ramp, 0);
            out0[0] = h0.and(1).lanewise(LSHL, lane).reduceLanes(OR);
            out0[1] = h0.lanewise(LSHR, 1).and(1).lanewise(LSHL, lane).reduceLanes(OR);
            return;
        }
        h0.intoArray(out0, 0);
        if (out1 != null) v1.lanewise(XOR, v9).intoArray(out1, 0);
    }
}
