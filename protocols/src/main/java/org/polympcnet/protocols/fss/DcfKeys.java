package org.polympcnet.protocols.fss;

import org.polympcnet.protocols.ring.BitSlice;

/**
 * One party's keys of a batch of n distributed comparison functions (BCG+21 Fig. 1): its root
 * seeds (2 longs an element, lo then hi; from its own PRG, never sent) and the correction words the
 * dealer sends to both parties (the same for both). Correction words are stored level by level,
 * {@code cw[level]} holding {@link Dcf.Payload#cwLongs} longs an element:
 * <ul>
 *   <li>Z_2 payload (DReLU): s_CW lo (bits 0, 1, 2 carry t_CW^L, t_CW^R, V_CW), s_CW hi;
 *   <li>Z_2^64 x Z_2^64 payload (ReLU): s_CW lo (bits 0, 1 carry t_CW^L, t_CW^R), s_CW hi, V_CW.
 * </ul>
 * The final correction word CW^(n+1) is a bit row (Z_2) or 2 longs an element. A batch is used
 * once: evaluating it twice on different inputs would open the DCF at two points and leak.
 */
public final class DcfKeys {
    public final int party;
    public final Dcf.Payload payload;
    /** Domain bits of the comparison (the paper's n). */
    public final int bits;
    /** Keys in the batch. */
    public final int n;
    final long[] roots;
    final long[][] cw;
    final long[] finalCw;
    private boolean used;

    public DcfKeys(int party, Dcf.Payload payload, int bits, int n, long[] roots, long[][] cw, long[] finalCw) {
        if (party != 0 && party != 1) throw new IllegalArgumentException("party must be 0 or 1, got " + party);
        Dcf.checkBits(bits);
        if (roots.length != 2 * n) throw new IllegalArgumentException("root seeds: " + roots.length + " longs, want " + 2 * n);
        if (cw.length != bits) throw new IllegalArgumentException("correction words for " + cw.length + " levels, want " + bits);
        for (long[] level : cw) {
            if (level.length != (long) n * payload.cwLongs) {
                throw new IllegalArgumentException("a level's correction words: " + level.length + " longs, want " + (long) n * payload.cwLongs);
            }
        }
        if (finalCw.length != finalCwLongs(payload, n)) {
            throw new IllegalArgumentException("final correction words: " + finalCw.length + " longs, want " + finalCwLongs(payload, n));
        }
        this.party = party;
        this.payload = payload;
        this.bits = bits;
        this.n = n;
        this.roots = roots;
        this.cw = cw;
        this.finalCw = finalCw;
    }

    /** Marks the batch used; a second use is refused. */
    public void consume() {
        if (used) throw new IllegalStateException("FSS key batch already used");
        used = true;
    }

    public boolean isUsed() {
        return used;
    }

    /** Longs of the final correction words of n keys: a bit row (Z_2) or 2 an element. */
    public static int finalCwLongs(Dcf.Payload payload, int n) {
        return payload == Dcf.Payload.BIT ? BitSlice.words(n) : 2 * n;
    }

    /**
     * Bytes of the correction words of n keys on the wire (what the dealer sends to EACH party):
     * Z_2: 16 bits n + ceil(n/8); Z_2^64 x Z_2^64: 32 bits n + 16 n.
     */
    public static long cwWireBytes(Dcf.Payload payload, int bits, int n) {
        return payload == Dcf.Payload.BIT
                ? 16L * bits * n + BitSlice.wireBytes(n)
                : 32L * bits * n + 16L * n;
    }

    /**
     * Key size per element at one party: its 16-byte root seed plus the correction words
     * (Z_2: 16 + 16 bits + 1/8; Z_2^64 x Z_2^64: 16 + 32 bits + 16; at 63 bits 1,024.125 and 2,048).
     */
    public static double keyBytesPerElement(Dcf.Payload payload, int bits) {
        return payload == Dcf.Payload.BIT ? 16 + 16.0 * bits + 1 / 8.0 : 16 + 32.0 * bits + 16;
    }
}
