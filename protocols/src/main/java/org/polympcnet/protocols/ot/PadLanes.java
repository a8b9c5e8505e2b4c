package org.polympcnet.protocols.ot;

/**
 * The pads of {@link Kk13Hash} for a block of consecutive rows at once, lane i the row r0 + i:
 * words 0 and 1 (the first 8 bytes) of H(inst, j0 + r0 + i, k_i, x_{r0 + i} ^ mask). Rows come as 8
 * int planes (word w of row r at planes[w * count + r], the row's four longs little-endian as
 * 8 words). Two engines with identical outputs: {@link VectorPadLanes} (the JDK's incubating Vector
 * API, one BLAKE3 compression a SIMD lane) and {@link ScalarPadLanes}, the portable fallback when
 * the JVM runs without {@code --add-modules jdk.incubator.vector}. Not thread-safe.
 */
interface PadLanes {
    /** Rows a call hashes. */
    int lanes();

    /**
     * out0[i], out1[i] = words 0 and 1 of the pad of row r0 + i, i < {@link #lanes()}; k_i = ks[r0 + i]
     * if ks is given, else k. maskWords: the row mask as 8 words. out1 may be null (then only word 0).
     */
    void pads(int[] planes, int count, int r0, int[] maskWords, int k, int[] ks, long j0, int[] out0, int[] out1);

    /**
     * Bits 0 and 1 of word 0 of the pads of rows r0 .. r0 + {@link #lanes()} - 1 (at most 32 lanes):
     * bit 0 of lane i at bit i, bit 1 at bit 32 + i. What the millionaire's 1- and 2-bit messages keep.
     */
    long lowTwoBits(int[] planes, int count, int r0, int[] maskWords, int k, int[] ks, long j0);

    /**
     * The vector engine if the JVM has the vector module and its optimising compiler (C2), else the
     * scalar one. Without C2 (-Xint, -XX:TieredStopAtLevel below 4) the Vector API runs as plain
     * objects, measured 13x slower than the scalar engine; with C2 even 2 lanes beat it.
     */
    static PadLanes best(int instance) {
        if (!Boolean.getBoolean(FORCE_SCALAR) && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && hasC2()) {
            return new VectorPadLanes(instance);
        }
        return new ScalarPadLanes(instance);
    }

    /** Whether HotSpot's C2 compiles hot code here (the JVM's own options say; unknown VMs count as yes). */
    private static boolean hasC2() {
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.equals("-Xint")) return false;
            if (arg.startsWith("-XX:TieredStopAtLevel=")) {
                try {
                    if (Integer.parseInt(arg.substring("-XX:TieredStopAtLevel=".length())) < 4) return false;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return true;
    }

    /** A system property that, set to true, selects the scalar engine even where the vector one could run (for comparisons). */
    String FORCE_SCALAR = "polympc.kk13.scalar";
}
