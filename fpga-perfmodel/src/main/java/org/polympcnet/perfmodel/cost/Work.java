package org.polympcnet.perfmodel.cost;

/**
 * The local work one party does between two message flights, counted in the units the engines
 * process (party 0's count: it does the public-term products that party 1 skips, so it is the
 * busier party). Counts are as implemented in {@code protocols}, loop by loop:
 *
 * <ul>
 *   <li>{@code transposes}: 64 x 64 bit-matrix transposes that bit-slice 64 ring elements;
 *   <li>{@code bitWords}: 64-bit words of bit planes written by a masking, unmasking or copying
 *       pass (one XOR or move each);
 *   <li>{@code andWords}: Beaver AND evaluations on 64-bit words (64 AND gates each), cross ANDs
 *       included;
 *   <li>{@code ringOps}: ring elements written by element-wise passes (a pass of n elements
 *       counts n, however many additions, shifts or selects it does per element);
 *   <li>{@code ringMults}: full 64-bit ring products (low 64 bits) inside those passes;
 *   <li>{@code macs}: multiply-accumulates of ring matrix products;
 *   <li>{@code aesBlocks}: 16-byte blocks through fixed-key AES-128 online (the PRG of an FSS key's
 *       evaluation, {@code fss.FixedKeyAes}); the AES of the dealer's PRG seeds is offline and counted
 *       in {@link CorrelationCost}, not here.
 * </ul>
 *
 * Counting passes rather than additions follows what costs time: on a CPU a pass over fresh
 * memory, whatever its few additions; on an FPGA an element streaming through a pipeline.
 */
public record Work(long transposes, long bitWords, long andWords, long ringOps, long ringMults, long macs, long aesBlocks) {
    public static final Work NONE = new Work(0, 0, 0, 0, 0, 0, 0);

    public Work {
        if (transposes < 0 || bitWords < 0 || andWords < 0 || ringOps < 0 || ringMults < 0 || macs < 0 || aesBlocks < 0) {
            throw new IllegalArgumentException("negative work: " + this);
        }
    }

    /** Work without AES blocks (every op but FSS's). */
    public Work(long transposes, long bitWords, long andWords, long ringOps, long ringMults, long macs) {
        this(transposes, bitWords, andWords, ringOps, ringMults, macs, 0);
    }

    public static Work transposes(long t) { return new Work(t, 0, 0, 0, 0, 0); }

    public static Work bitWords(long w) { return new Work(0, w, 0, 0, 0, 0); }

    public static Work andWords(long w) { return new Work(0, 0, w, 0, 0, 0); }

    public static Work ringOps(long e) { return new Work(0, 0, 0, e, 0, 0); }

    public static Work ringMults(long e) { return new Work(0, 0, 0, 0, e, 0); }

    public static Work macs(long m) { return new Work(0, 0, 0, 0, 0, m); }

    public static Work aesBlocks(long b) { return new Work(0, 0, 0, 0, 0, 0, b); }

    public Work plus(Work o) {
        return new Work(transposes + o.transposes, bitWords + o.bitWords, andWords + o.andWords,
                ringOps + o.ringOps, ringMults + o.ringMults, macs + o.macs, aesBlocks + o.aesBlocks);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** True if only ring element work (no bit planes, no matrix products, no AES). */
    public boolean ringOnly() {
        return transposes == 0 && bitWords == 0 && andWords == 0 && macs == 0 && aesBlocks == 0;
    }
}
