package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.FssDReluCorrelation;
import org.polympcnet.protocols.correlation.dealer.DealerClient;
import org.polympcnet.protocols.fss.Dcf;
import org.polympcnet.protocols.fss.DcfKeys;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * DReLU by function secret sharing (Boyle et al., Eurocrypt 2021, "BCG+21"): ONE round online.
 * Each party opens x_b + r_b (8 bytes an element), so both know xhat = x + r. With y = xhat mod 2^63
 * and alpha = r mod 2^63, the borrow c = 1{y < alpha} is the carry out of the low 63 bits of
 * x + r, so msb(x) = xhat63 ^ r63 ^ c; c comes XOR-shared from the dealer's DCF keys (Z_2 payload,
 * beta = 1), r63 XOR-shared from the dealer. Output as {@link DRelu}: XOR shares, one bit row.
 * Party 0's bit = 1 ^ xhat63 ^ [r63]_0 ^ [c]_0; party 1's = [r63]_1 ^ [c]_1.
 *
 * <p>Dealer only. Offline per party: {@link #offlineBytes}; AES work: 63 blocks an element a party
 * online ({@link Dcf#evalBlocks}), 252 at the dealer.
 */
public final class FssDRelu {
    /** The DCF's domain: the low 63 bits of x + r. */
    public static final int BITS = 63;

    private final Party party;
    private final int n;
    private final FssDReluCorrelation corr;

    public FssDRelu(Party p, int n, FssDReluCorrelation corr) {
        if (corr.n != n) throw new IllegalArgumentException("FSS DReLU keys for " + corr.n + " values, want " + n);
        this.party = p;
        this.n = n;
        this.corr = corr;
    }

    public FssDRelu(Party p, int n) {
        this(p, n, p.correlations.fssDrelu(n));
    }

    public long[] apply(long[] x) {
        if (x.length != n) throw new IllegalArgumentException("FSS DReLU prepared for " + n + " values, got " + x.length);
        corr.keys.consume(); // before x + r leaves: a mask used twice would open x - x'
        long[] xhat = FssRelu.open(party, x, corr.maskShare);
        long[] y = new long[n];
        for (int i = 0; i < n; i++) y[i] = xhat[i] & Long.MAX_VALUE;
        long[] c = new long[BitSlice.words(n)];
        Dcf.evalConsumed(corr.keys, y, c);
        long[] top = corr.topBitShare;
        if (party.id == 0) {
            for (int i = 0; i < n; i++) c[i >>> 6] ^= (xhat[i] >>> 63) << (i & 63);
            for (int w = 0; w < c.length; w++) c[w] ^= ~top[w];
        } else {
            for (int w = 0; w < c.length; w++) c[w] ^= top[w];
        }
        BitSlice.clearPadding(c, 0, n);
        return c;
    }

    /** The one opening of x + r, as {@link FssRelu}'s: 8n bytes. */
    public static long onlineBytes(int n) {
        return FssRelu.onlineBytes(n);
    }

    public static int onlineRounds() {
        return FssRelu.onlineRounds();
    }

    /**
     * Bytes on party `id`'s dealer link for one batch of n, both directions: its request
     * ({@link DealerClient#REQUEST_BYTES}) and the status ({@link DealerClient#STATUS_BYTES}); the DCF
     * correction words, sent to both parties: 63 x 16 n bytes and the final bit row ceil(n/8); party
     * 1 also its share of r63, ceil(n/8). So 40 + 16 + 1,008 n + ceil(n/8) for party 0 and that plus
     * ceil(n/8) for party 1.
     */
    public static long offlineBytes(int id, int n) {
        return FssRelu.dealerLinkBytes(Dcf.Payload.BIT, id, n, BitSlice.wireBytes(n));
    }

    /** A party's key size per element: root seed 16 B + correction words 1,008 B + 1 bit. */
    public static double keyBytesPerElement() {
        return DcfKeys.keyBytesPerElement(Dcf.Payload.BIT, BITS);
    }
}
