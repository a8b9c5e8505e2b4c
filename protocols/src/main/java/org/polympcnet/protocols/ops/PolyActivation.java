package org.polympcnet.protocols.ops;

/**
 * The polynomial activation y = a x^2 + b x + c with public coefficients (PolyMPCNet's X2Act
 * after training: a = s * w2, b = w1, c = b). One secure square, then local work:
 * t = trunc(x^2) at f bits, y = trunc(A t + B x + C 2^f) where A, B, C are the coefficients at f
 * bits. Bytes: 8n each online, 1 round with local truncation (faithful adds 2 rounds of 8n).
 * Error: at most |a| + 1 ulp from the two truncations, plus the coefficients' rounding to 2^-f.
 */
public final class PolyActivation {
    private final Party party;
    private final Square square;
    private final Truncation truncSquare, truncOut;
    private final long a, b, c;

    public PolyActivation(Party p, int n, double a, double b, double c) {
        this.party = p;
        this.a = p.fp.encode(a);
        this.b = p.fp.encode(b);
        this.c = p.fp.encode(c);
        this.square = new Square(p, n, false);
        this.truncSquare = new Truncation(p, n, p.fp.fracBits());
        this.truncOut = new Truncation(p, n, p.fp.fracBits());
    }

    public long[] apply(long[] x) {
        long[] t = truncSquare.apply(square.applyNoTruncation(x));
        long[] y = new long[x.length];
        long c2f = c << party.fp.fracBits();
        for (int i = 0; i < x.length; i++) y[i] = a * t[i] + b * x[i] + (party.id == 0 ? c2f : 0);
        return truncOut.apply(y);
    }

    public static long onlineBytes(Truncation.Mode m, int n) {
        return 8L * n + 2 * Truncation.onlineBytes(m, n);
    }

    public static int onlineRounds(Truncation.Mode m) {
        return 1 + 2 * Truncation.onlineRounds(m);
    }
}
