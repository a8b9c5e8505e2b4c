package org.polympcnet.perfmodel.hardware;

import java.util.Locale;

/**
 * The primitives the cpu profile is calibrated on: the inner loops the protocols are made of,
 * each timed alone by {@link CpuMicrobenchmarks} (never an op itself), at several sizes.
 */
public enum CpuPrimitive {
    // The second figure is the benchmark's working set per unit of size, read off its code in
    // CpuMicrobenchmarks.prepare: the 8-byte arrays one repetition reads and writes.
    TRANSPOSE("ns per 64x64 bit transpose, bit-slicing 64 ring elements (BitSlice.slice)", 16), // elements in, planes out
    BIT_WORD("ns per 64-bit word XOR-masked or unmasked into a fresh array", 24), // a, b -> r
    AND_WORD("ns per 64-bit word of Beaver AND evaluation w ^ (d & v) ^ (e & u) ^ (d & e) into a fresh array", 48), // a..e -> z
    RING_OP("ns per element of a ring subtraction into a fresh array", 24), // a, b -> r
    RING_MULT("ns per element of a ring multiply-add into a fresh array", 32), // a, b, c -> r
    // MAC keeps its own index (the right matrix, CpuProfile): its figure, the right matrix, is not used.
    MAC("ns per multiply-accumulate of Ring64.matmul (16 x k by k x size/k, k about sqrt(size): size is the right matrix's elements)", 8),
    CHANNEL_BYTE("ns per byte sent and received through an in-memory channel (both copies, one thread)", 24), // a -> copy -> received
    AES_BLOCK("ns per 16-byte AES block of the PRG key stream", 16), // the key stream out
    // The DCF walk of an FSS key (BCG+21) encrypts one chunk of blocks a level with a fixed public
    // key: one Cipher.update of AES/ECB/NoPadding from one byte[] into another.
    FIXED_KEY_AES("ns per 16-byte block of fixed-key AES-128 (AES/ECB/NoPadding, one Cipher.update over a buffer of blocks)", 32); // in -> out

    private final String unit;
    private final int bytesPerSize;

    CpuPrimitive(String unit, int bytesPerSize) {
        this.unit = unit;
        this.bytesPerSize = bytesPerSize;
    }

    /**
     * Bytes the benchmark touches per unit of its size (element, word, or right-matrix entry):
     * at size s its working set is s times this. An op's step is priced at the size at which the
     * benchmark's working set equals the op's ({@link CpuProfile}), so that both run from the
     * same cache.
     */
    public int bytesPerSize() {
        return bytesPerSize;
    }

    public String unit() {
        return unit;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
