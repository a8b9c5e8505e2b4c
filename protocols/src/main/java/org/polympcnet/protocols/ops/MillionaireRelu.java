package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.ot.OtCorrelations;

/**
 * ReLU with DReLU by the millionaires' protocol ({@link MillionaireDRelu}, digits as the
 * correlation source prefers: {@link MillionaireDigits}) and the one-round
 * multiplexer, whose x - v opening rides in each party's first flight. Exact. Rounds: 6 for each
 * party (party 0 must read the other's x - v share before its first tree level, so its answer and
 * that level no longer share a flight); bytes those of the DReLU plus 8n + ceil(n/8).
 */
public final class MillionaireRelu {
    private final Party party;
    private final MillionaireDRelu drelu;
    private final Multiplexer mux;

    public MillionaireRelu(Party p, int n) {
        this.party = p;
        this.drelu = new MillionaireDRelu(p, n);
        this.mux = new Multiplexer(p, n);
    }

    public long[] apply(long[] x) {
        drelu.start(x);
        if (party.id == 1) {
            mux.sendMaskedX(x);
            party.peer.flush();
            drelu.receiveLeaves();
            mux.receiveMaskedX();
        } else {
            drelu.answer();
            mux.sendMaskedX(x);
            party.peer.flush();
            mux.receiveMaskedX();
        }
        return mux.select(drelu.finish());
    }

    /**
     * Bytes party `id` sends offline with correlations from OT, setup excluded: the DReLU's
     * ({@link MillionaireDRelu#offlineBytesOverOt}) and the multiplexer's three correlated OTs a
     * lane. With n a multiple of 64: 416 n from party 0, 456 n + 144 n / 8 from party 1.
     */
    public static long offlineBytesOverOt(int id, int n) {
        return MillionaireDRelu.offlineBytesOverOt(id, n) + OtCorrelations.muxBytes(n)[id];
    }

    /**
     * The DReLU's online bytes plus the multiplexer's 8n + ceil(n/8). With n a multiple of 8: dealer
     * digits 75.25 n and 21.125 n, OT digits 108.125 n and 20 n.
     */
    public static long onlineBytes(MillionaireDigits digits, int id, int n) {
        return MillionaireDRelu.onlineBytes(digits, id, n) + Multiplexer.onlineBytes(n);
    }

    /** 6 for either party: party 0's answer no longer shares a flight with its first tree level. */
    public static int onlineRounds(MillionaireDigits digits, int id) {
        if (id != 0 && id != 1) throw new IllegalArgumentException("party must be 0 or 1, got " + id);
        return MillionaireDRelu.onlineRounds(digits, 1) + 1;
    }

}
