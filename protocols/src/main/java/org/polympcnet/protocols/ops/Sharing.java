package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.ring.BitSlice;

/**
 * Additive secret sharing over Z_2^64 (x = x0 + x1) and XOR sharing of bit-sliced vectors: share
 * an input, open a value to both parties, or reveal it to one.
 */
public final class Sharing {
    private Sharing() {}

    /**
     * The owner splits its n values: it keeps a uniform r and sends x - r. The other party passes
     * null. Bytes: 8n from the owner; 1 round.
     */
    public static long[] share(Party p, int owner, long[] x, int n) {
        if (p.id == owner) {
            if (x == null || x.length != n) throw new IllegalArgumentException("owner must supply " + n + " values");
            long[] r = p.localPrg().longs(n);
            long[] other = new long[n];
            for (int i = 0; i < n; i++) other[i] = x[i] - r[i];
            p.peer.sendLongs(other);
            p.peer.flush();
            return r;
        }
        return p.peer.receiveLongs(n);
    }

    /** Both parties learn x. Bytes: 8n each; 1 round. */
    public static long[] open(Party p, long[] share) {
        p.peer.sendLongs(share);
        p.peer.flush();
        long[] other = p.peer.receiveLongs(share.length);
        long[] r = new long[share.length];
        for (int i = 0; i < r.length; i++) r[i] = share[i] + other[i];
        return r;
    }

    /** Only party `to` learns x; the other gets null. Bytes: 8n from the other party; 1 round. */
    public static long[] reveal(Party p, int to, long[] share) {
        if (p.id != to) {
            p.peer.sendLongs(share);
            p.peer.flush();
            return null;
        }
        long[] other = p.peer.receiveLongs(share.length);
        long[] r = new long[share.length];
        for (int i = 0; i < r.length; i++) r[i] = share[i] + other[i];
        return r;
    }

    /** Both parties learn the n-bit vector. Bytes: ceil(n/8) each; 1 round. */
    public static long[] openBits(Party p, long[] share, int n) {
        p.peer.sendBits(share, 0, n);
        p.peer.flush();
        long[] other = new long[BitSlice.words(n)];
        p.peer.receiveBits(other, 0, n);
        for (int i = 0; i < other.length; i++) other[i] ^= share[i];
        BitSlice.clearPadding(other, 0, n);
        return other;
    }

    /** Only party `to` learns the n-bit vector. */
    public static long[] revealBits(Party p, int to, long[] share, int n) {
        if (p.id != to) {
            p.peer.sendBits(share, 0, n);
            p.peer.flush();
            return null;
        }
        long[] other = new long[BitSlice.words(n)];
        p.peer.receiveBits(other, 0, n);
        for (int i = 0; i < other.length; i++) other[i] ^= share[i];
        BitSlice.clearPadding(other, 0, n);
        return other;
    }

    /** Adds a public constant to a shared vector: only party 0 adds it. */
    public static void addPublic(Party p, long[] share, long c) {
        if (p.id == 0) for (int i = 0; i < share.length; i++) share[i] += c;
    }
}
