package org.polympcnet.protocols.correlation.dealer;

import java.util.function.Supplier;
import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.net.Channel;

/**
 * The three views of seed-compressed correlation generation, so each recipe is written once.
 * Party 0's every component, and party 1's independent ones, come from a PRG seeded by the dealer;
 * only party 1's dependent components (a product's share, say) travel, as corrections. The dealer
 * runs a recipe with both PRGs and computes the corrections; party 0 runs it drawing only its own
 * PRG; party 1 draws its PRG and reads corrections in the same order the dealer wrote them.
 * Components common to both parties that depend on both seeds (an FSS key's correction words) are
 * computed by the dealer and sent to both ({@link #both}, {@link #bothBits}).
 */
abstract class Draw {
    /** Role: 0 or 1 for a party, -1 for the dealer. */
    abstract int role();

    /** A component of party 0: drawn by party 0 and by the dealer; null for party 1. */
    abstract long[] p0(int words);

    /** An independent component of party 1: drawn by party 1 and by the dealer; null for party 0. */
    abstract long[] p1(int words);

    /** A dependent ring component of party 1 (len elements): computed and sent by the dealer. */
    abstract long[] p1Ring(int len, Supplier<long[]> compute);

    /** A dependent bit component of party 1: rows bit vectors of n lanes, computed and sent by the dealer. */
    abstract long[] p1Bits(int rows, int n, Supplier<long[]> compute);

    /**
     * A component both parties hold (len longs), computed by the dealer and sent to each: 8 len
     * bytes to party 0 and 8 len to party 1. The dealer may reuse the array compute returns.
     */
    abstract long[] both(int len, Supplier<long[]> compute);

    /** As {@link #both} for rows bit vectors of n lanes: rows * ceil(n/8) bytes to each party. */
    abstract long[] bothBits(int rows, int n, Supplier<long[]> compute);

    /** The party's view: pick(view0, view1) returns the one for this role (null for the dealer). */
    final <T> T pick(Supplier<T> view0, Supplier<T> view1) {
        switch (role()) {
            case 0: return view0.get();
            case 1: return view1.get();
            default: return null;
        }
    }

    static Draw dealer(Prg prg0, Prg prg1, Channel toParty0, Channel toParty1) {
        return new Draw() {
            int role() { return -1; }
            long[] p0(int words) { return prg0.longs(words); }
            long[] p1(int words) { return prg1.longs(words); }
            long[] p1Ring(int len, Supplier<long[]> compute) {
                long[] v = compute.get();
                toParty1.sendLongs(v, 0, len);
                return v;
            }
            long[] p1Bits(int rows, int n, Supplier<long[]> compute) {
                long[] v = compute.get();
                toParty1.sendBitRows(v, rows, n);
                return v;
            }
            long[] both(int len, Supplier<long[]> compute) {
                long[] v = compute.get();
                toParty0.sendLongs(v, 0, len);
                toParty1.sendLongs(v, 0, len);
                // Large batches are sent in parts (an FSS level at a time): let each part leave now.
                toParty0.flush();
                toParty1.flush();
                return v;
            }
            long[] bothBits(int rows, int n, Supplier<long[]> compute) {
                long[] v = compute.get();
                toParty0.sendBitRows(v, rows, n);
                toParty1.sendBitRows(v, rows, n);
                return v;
            }
        };
    }

    static Draw party0(Prg prg0, Channel fromDealer) {
        return new Draw() {
            int role() { return 0; }
            long[] p0(int words) { return prg0.longs(words); }
            long[] p1(int words) { return null; }
            long[] p1Ring(int len, Supplier<long[]> compute) { return null; }
            long[] p1Bits(int rows, int n, Supplier<long[]> compute) { return null; }
            long[] both(int len, Supplier<long[]> compute) { return fromDealer.receiveLongs(len); }
            long[] bothBits(int rows, int n, Supplier<long[]> compute) { return fromDealer.receiveBitRows(rows, n); }
        };
    }

    static Draw party1(Prg prg1, Channel fromDealer) {
        return new Draw() {
            int role() { return 1; }
            long[] p0(int words) { return null; }
            long[] p1(int words) { return prg1.longs(words); }
            long[] p1Ring(int len, Supplier<long[]> compute) { return fromDealer.receiveLongs(len); }
            long[] p1Bits(int rows, int n, Supplier<long[]> compute) { return fromDealer.receiveBitRows(rows, n); }
            long[] both(int len, Supplier<long[]> compute) { return fromDealer.receiveLongs(len); }
            long[] bothBits(int rows, int n, Supplier<long[]> compute) { return fromDealer.receiveBitRows(rows, n); }
        };
    }
}
