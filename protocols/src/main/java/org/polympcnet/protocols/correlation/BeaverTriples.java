package org.polympcnet.protocols.correlation;

/** Shares of n Beaver triples over Z_2^64: a, b uniform, c = a * b. */
public final class BeaverTriples extends Correlation {
    public final int n;
    public final long[] a, b, c;

    public BeaverTriples(int n, long[] a, long[] b, long[] c) {
        requireLength("a", a, n);
        requireLength("b", b, n);
        requireLength("c", c, n);
        this.n = n;
        this.a = a;
        this.b = b;
        this.c = c;
    }
}
