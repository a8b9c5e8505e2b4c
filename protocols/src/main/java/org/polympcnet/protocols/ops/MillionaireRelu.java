package org.polympcnet.protocols.ops;


/**
 * ReLU with DReLU by the millionaires' protocol ({@link MillionaireDRelu}) and the one-round
 * multiplexer, whose x - v opening rides in each party's first flight. Exact. Rounds: those of
 * the DReLU plus one (5 for party 0, 6 for party 1); bytes those of the DReLU plus 8n + ceil(n/8).
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

    public static long onlineBytes(int id, int n) {
        return MillionaireDRelu.onlineBytes(id, n) + Multiplexer.onlineBytes(n);
    }

    public static int onlineRounds(int id) {
        return MillionaireDRelu.onlineRounds(id) + 1;
    }

}
