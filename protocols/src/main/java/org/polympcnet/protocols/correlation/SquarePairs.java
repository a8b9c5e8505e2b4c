package org.polympcnet.protocols.correlation;

/** Shares of n square pairs: a uniform, aa = a^2. Half a Beaver triple's opening for x^2. */
public final class SquarePairs extends Correlation {
    public final int n;
    public final long[] a, aa;

    public SquarePairs(int n, long[] a, long[] aa) {
        requireLength("a", a, n);
        requireLength("aa", aa, n);
        this.n = n;
        this.a = a;
        this.aa = aa;
    }
}
