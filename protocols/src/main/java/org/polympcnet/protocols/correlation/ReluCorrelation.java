package org.polympcnet.protocols.correlation;

/** DReLU by the carry tree, then the one-round multiplexer: the whole of a 2P-ReLU's randomness. */
public final class ReluCorrelation extends Correlation {
    public final int n;
    public final MsbCorrelation msb;
    public final MuxCorrelation mux;

    public ReluCorrelation(int n, MsbCorrelation msb, MuxCorrelation mux) {
        this.n = n;
        this.msb = msb;
        this.mux = mux;
    }
}
