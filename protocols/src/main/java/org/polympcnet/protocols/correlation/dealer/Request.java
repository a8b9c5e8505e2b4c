package org.polympcnet.protocols.correlation.dealer;

import java.util.Arrays;

/**
 * A party's request to the dealer: the kind of correlation and up to three size parameters, sent
 * as four 64-bit words. Both parties send the same requests in the same order; the dealer checks.
 */
record Request(Kind kind, long p1, long p2, long p3, long p4) {
    Request(Kind kind, long p1, long p2, long p3) {
        this(kind, p1, p2, p3, 0);
    }

    static final int WORDS = 5;

    enum Kind { END, BEAVER, SQUARE, MATRIX, TRUNCATION, AND, CROSS_AND, DABITS, MUX, MSB, RELU, COMBINE, ONE_OF_N, FSS_DRELU, FSS_RELU }

    long[] encode() {
        return new long[] {kind.ordinal(), p1, p2, p3, p4};
    }

    static Request decode(long[] w, String from) {
        if (w[0] < 0 || w[0] >= Kind.values().length) {
            throw new IllegalArgumentException("unknown request kind " + w[0] + " from " + from);
        }
        for (int i = 1; i < WORDS; i++) {
            if (w[i] < 0 || w[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("request size out of range from " + from + ": " + Arrays.toString(w));
            }
        }
        return new Request(Kind.values()[(int) w[0]], w[1], w[2], w[3], w[4]);
    }

    /** Runs this request's recipe in the given role. */
    Object run(Draw d) {
        int a = (int) p1, b = (int) p2, c = (int) p3, e = (int) p4;
        switch (kind) {
            case BEAVER: return Recipes.beaver(d, a);
            case SQUARE: return Recipes.square(d, a);
            case MATRIX: return Recipes.matrix(d, a, b, c);
            case TRUNCATION: return Recipes.truncation(d, a, b);
            case AND: return Recipes.and(d, a, b);
            case CROSS_AND: return Recipes.cross(d, a, b);
            case DABITS: return Recipes.daBits(d, a);
            case MUX: return Recipes.mux(d, a);
            case MSB: return Recipes.msb(d, a);
            case RELU: return Recipes.relu(d, a);
            case COMBINE: return Recipes.combine(d, a, b);
            case ONE_OF_N: return Recipes.oneOfN(d, a, b, c, e);
            case FSS_DRELU: return Recipes.fssDrelu(d, a);
            case FSS_RELU: return Recipes.fssRelu(d, a);
            default: throw new IllegalStateException("no recipe for " + kind);
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + p1 + ", " + p2 + ", " + p3 + ", " + p4 + ")";
    }
}
