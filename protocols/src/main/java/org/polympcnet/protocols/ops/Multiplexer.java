package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.MuxCorrelation;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * b * x for a shared bit b (XOR shares) and a shared ring element x, in one round: open
 * c = b ^ r and e = x - v, where r is a random bit shared both ways and v a mask with r v known
 * in shares. Then b = c + (1 - 2c) r and
 * b x = c e + c v + (1 - 2c)(r e + r v), linear in the shares. Bytes: 8n + ceil(n/8) each; 1 round.
 * The x - v half does not depend on b, so a caller may send it early ({@link #sendMaskedX}).
 */
public final class Multiplexer {
    private final Party party;
    private final int n;
    private final MuxCorrelation corr;
    private long[] e;
    private long[] sentE;

    public Multiplexer(Party p, int n, MuxCorrelation corr) {
        if (corr.n != n) throw new IllegalArgumentException("mux correlation is for " + corr.n + " values, not " + n);
        this.party = p;
        this.n = n;
        this.corr = corr;
    }

    public Multiplexer(Party p, int n) {
        this(p, n, p.correlations.mux(n));
    }

    public long[] apply(long[] b, long[] x) {
        sendMaskedX(x);
        return select(b);
    }

    /** Sends this party's share of x - v (no flush); its answer is read by {@link #select}. */
    public void sendMaskedX(long[] x) {
        if (x.length != n) throw new IllegalArgumentException("mux prepared for " + n + " values, got " + x.length);
        corr.consume();
        sentE = new long[n];
        for (int i = 0; i < n; i++) sentE[i] = x[i] - corr.v[i];
        party.peer.sendLongs(sentE);
    }

    /** Reads the other party's x - v share (after it arrived with an earlier flight). */
    public void receiveMaskedX() {
        long[] theirs = party.peer.receiveLongs(n);
        e = new long[n];
        for (int i = 0; i < n; i++) e[i] = sentE[i] + theirs[i];
    }

    /** Opens b ^ r and returns shares of b * x. */
    public long[] select(long[] b) {
        long[] c = new long[BitSlice.words(n)];
        for (int i = 0; i < c.length; i++) c[i] = b[i] ^ corr.rBool[i];
        if (e == null) {
            party.peer.sendBits(c, 0, n);
            party.peer.flush();
            receiveMaskedX();
        } else {
            party.peer.sendBits(c, 0, n);
            party.peer.flush();
        }
        long[] theirs = new long[c.length];
        party.peer.receiveBits(theirs, 0, n);
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            long ci = ((c[i >>> 6] ^ theirs[i >>> 6]) >>> (i & 63)) & 1L;
            long oneMinus2c = 1 - 2 * ci;
            long v = ci * corr.v[i] + oneMinus2c * (e[i] * corr.rArith[i] + corr.rv[i]);
            if (party.id == 0) v += ci * e[i];
            y[i] = v;
        }
        return y;
    }

    public static long onlineBytes(int n) {
        return 8L * n + BitSlice.wireBytes(n);
    }

    public static int onlineRounds() {
        return 1;
    }
}
