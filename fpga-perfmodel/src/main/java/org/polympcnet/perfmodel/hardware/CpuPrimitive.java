package org.polympcnet.perfmodel.hardware;

import java.util.Locale;

/**
 * The primitives the cpu profile is calibrated on: the inner loops the protocols are made of,
 * each timed alone by {@link CpuMicrobenchmarks} (never an op itself), at several sizes.
 */
public enum CpuPrimitive {
    TRANSPOSE("ns per 64x64 bit transpose, bit-slicing 64 ring elements (BitSlice.slice)"),
    BIT_WORD("ns per 64-bit word XOR-masked or unmasked into a fresh array"),
    AND_WORD("ns per 64-bit word of Beaver AND evaluation w ^ (d & v) ^ (e & u) ^ (d & e) into a fresh array"),
    RING_OP("ns per element of a ring subtraction into a fresh array"),
    RING_MULT("ns per element of a ring multiply-add into a fresh array"),
    MAC("ns per multiply-accumulate of Ring64.matmul (16 x k by k x size/k, k about sqrt(size): size is the right matrix's elements)"),
    CHANNEL_BYTE("ns per byte sent and received through an in-memory channel (both copies, one thread)"),
    AES_BLOCK("ns per 16-byte AES block of the PRG key stream");

    private final String unit;

    CpuPrimitive(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
