package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.ReluCorrelation;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * The two-party ReLU (2P-ReLU): y = DReLU(x) * x, DReLU by the carry-tree {@link Msb} and the
 * product by the one-round {@link Multiplexer}. The multiplexer's x - v opening rides in the
 * MSB's first flight, so the whole ReLU takes 7 + 1 = 8 rounds. Exact: no truncation.
 * Bytes per party: 8n + (243 + 1) * ceil(n/8), that is 38.5 bytes per element when 8 | n.
 */
public final class Relu {
    private final Party party;
    private final int n;
    private final Msb msb;
    private final Multiplexer mux;

    public Relu(Party p, int n, ReluCorrelation corr) {
        this.party = p;
        this.n = n;
        corr.consume();
        this.msb = new Msb(p, n, corr.msb);
        this.mux = new Multiplexer(p, n, corr.mux);
    }

    public Relu(Party p, int n) {
        this(p, n, p.correlations.relu(n));
    }

    public long[] apply(long[] x) {
        msb.sendRound1(x);
        mux.sendMaskedX(x);
        party.peer.flush();
        msb.receiveRound1();
        mux.receiveMaskedX();
        long[] b = msb.finish();
        if (party.id == 0) DRelu.flip(b, n);
        return mux.select(b);
    }

    public static long onlineBytes(int n) {
        return Msb.onlineBytes(n) + Multiplexer.onlineBytes(n);
    }

    public static int onlineRounds() {
        return Msb.onlineRounds() + 1;
    }

    /** Bytes per element at large n (8 | n): for reports. */
    public static double bytesPerElement() {
        return 8 + (Msb.OPENED_PLANES + 1) / 8.0;
    }

}
