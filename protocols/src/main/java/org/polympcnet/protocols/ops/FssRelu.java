package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.FssReluCorrelation;
import org.polympcnet.protocols.correlation.dealer.DealerClient;
import org.polympcnet.protocols.fss.Dcf;
import org.polympcnet.protocols.fss.DcfKeys;

/**
 * ReLU by function secret sharing (Boyle et al., Eurocrypt 2021, "BCG+21"): ONE round online, 8
 * bytes an element a party, exact (no truncation). Each party opens x_b + r_b, so both know
 * xhat = x + r; with c = 1{y < alpha} (y, alpha the low 63 bits of xhat and r), w = r63 ^ c =
 * r63 + c (1 - 2 r63) and msb(x) = xhat63 ^ w. The dealer's DCF (payload Z_2^64 x Z_2^64,
 * beta = (1 - 2 r63, (1 - 2 r63) r)) gives additive shares of c (1 - 2 r63) and c (1 - 2 r63) r; with
 * the dealer's shares of r63 and r63 r they make shares of w and w r. Then, linear in the shares
 * (party 0 adds the public constants):
 * <pre>
 *   drelu = 1 - xhat63 - (1 - 2 xhat63) w
 *   relu  = drelu xhat - [(1 - xhat63) r - (1 - 2 xhat63) w r]
 * </pre>
 * Dealer only. Offline per party: {@link #offlineBytes}; AES work: 127 blocks an element a party
 * online ({@link Dcf#evalBlocks}), 506 at the dealer.
 */
public final class FssRelu {
    public static final int BITS = FssDRelu.BITS;

    private final Party party;
    private final int n;
    private final FssReluCorrelation corr;

    public FssRelu(Party p, int n, FssReluCorrelation corr) {
        if (corr.n != n) throw new IllegalArgumentException("FSS ReLU keys for " + corr.n + " values, want " + n);
        this.party = p;
        this.n = n;
        this.corr = corr;
    }

    public FssRelu(Party p, int n) {
        this(p, n, p.correlations.fssRelu(n));
    }

    public long[] apply(long[] x) {
        if (x.length != n) throw new IllegalArgumentException("FSS ReLU prepared for " + n + " values, got " + x.length);
        corr.keys.consume(); // before x + r leaves: a mask used twice would open x - x'
        long[] xhat = open(party, x, corr.maskShare);
        long[] y = new long[n];
        for (int i = 0; i < n; i++) y[i] = xhat[i] & Long.MAX_VALUE;
        long[] d = new long[2 * n];
        Dcf.evalConsumed(corr.keys, y, d);
        long[] r = corr.maskShare, top = corr.topBitShare, topR = corr.topBitTimesMaskShare;
        long one = party.id == 0 ? 1 : 0;
        long[] out = y; // reuse: y is not needed any more
        for (int i = 0; i < n; i++) {
            long xh = xhat[i], h = xh >>> 63, s = 1 - 2 * h;
            long w = top[i] + d[2 * i], wr = topR[i] + d[2 * i + 1];
            long drelu = one * (1 - h) - s * w;
            out[i] = drelu * xh - ((1 - h) * r[i] - s * wr);
        }
        return out;
    }

    /** Both parties send x_b + r_b in one flight; returns the opened x + r. */
    static long[] open(Party p, long[] x, long[] maskShare) {
        int n = x.length;
        long[] masked = new long[n];
        for (int i = 0; i < n; i++) masked[i] = x[i] + maskShare[i];
        p.peer.sendLongs(masked);
        p.peer.flush();
        long[] other = p.peer.receiveLongs(n);
        for (int i = 0; i < n; i++) masked[i] += other[i];
        return masked;
    }

    /** Each party sends x_b + r_b: 8n bytes. */
    public static long onlineBytes(int n) {
        return 8L * n;
    }

    public static int onlineRounds() {
        return 1;
    }

    /**
     * Bytes on party `id`'s dealer link for one batch of n, both directions: its request
     * ({@link DealerClient#REQUEST_BYTES}) and the status ({@link DealerClient#STATUS_BYTES}); the DCF
     * correction words, sent to both parties: 63 levels x 32 n bytes and the final 16 n (2,032 n);
     * party 1 also its shares of r63 and r63 r, 16 n. So 40 + 16 + 2,032 n for party 0 and
     * 40 + 16 + 2,048 n for party 1.
     */
    public static long offlineBytes(int id, int n) {
        return dealerLinkBytes(Dcf.Payload.RING2, id, n, 16L * n);
    }

    /**
     * One FSS batch on party `id`'s dealer link, both directions: request, status, the DCF's
     * correction words (the same for both parties), and party 1's extra shares.
     */
    static long dealerLinkBytes(Dcf.Payload payload, int id, int n, long party1Extra) {
        if (id != 0 && id != 1) throw new IllegalArgumentException("party must be 0 or 1, got " + id);
        long b = DealerClient.REQUEST_BYTES + DealerClient.STATUS_BYTES + DcfKeys.cwWireBytes(payload, BITS, n);
        return id == 1 ? b + party1Extra : b;
    }

    /** A party's key size per element: root seed 16 B + correction words 2,032 B = 2,048 B. */
    public static double keyBytesPerElement() {
        return DcfKeys.keyBytesPerElement(Dcf.Payload.RING2, BITS);
    }
}
