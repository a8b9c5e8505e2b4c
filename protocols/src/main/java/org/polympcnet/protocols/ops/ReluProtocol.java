package org.polympcnet.protocols.ops;

/**
 * How a network's ReLU layers and max pool's comparisons compute ReLU on shares: the GMW carry
 * tree ({@link Relu}, 8 rounds), the CrypTFlow2 millionaires' protocol ({@link MillionaireRelu},
 * 6 rounds) or function secret sharing ({@link FssRelu}, 1 round; dealer only). All three are exact
 * and give the same result; they differ in bytes, rounds and offline work.
 */
public enum ReluProtocol {
    GMW {
        @Override public Gate prepare(Party p, int n) { return new Relu(p, n)::apply; }
        @Override public long onlineBytes(Party p, int n) { return Relu.onlineBytes(n); }
        @Override public int onlineRounds(Party p) { return Relu.onlineRounds(); }
    },
    MILLIONAIRE {
        @Override public Gate prepare(Party p, int n) { return new MillionaireRelu(p, n)::apply; }
        @Override public long onlineBytes(Party p, int n) { return MillionaireRelu.onlineBytes(MillionaireDigits.of(p.correlations), p.id, n); }
        @Override public int onlineRounds(Party p) { return MillionaireRelu.onlineRounds(MillionaireDigits.of(p.correlations), p.id); }
    },
    FSS {
        @Override public Gate prepare(Party p, int n) { return new FssRelu(p, n)::apply; }
        @Override public long onlineBytes(Party p, int n) { return FssRelu.onlineBytes(n); }
        @Override public int onlineRounds(Party p) { return FssRelu.onlineRounds(); }
    };

    /** A ReLU over n shared values whose correlations are fetched: apply it once. */
    @FunctionalInterface
    public interface Gate {
        long[] apply(long[] x);
    }

    /** Constructs the gate for n values at this party, fetching its correlations (offline). */
    public abstract Gate prepare(Party p, int n);

    /** Documented bytes party p sends online for n ReLUs. */
    public abstract long onlineBytes(Party p, int n);

    /** Documented message flights party p sends online. */
    public abstract int onlineRounds(Party p);
}
