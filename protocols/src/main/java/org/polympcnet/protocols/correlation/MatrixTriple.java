package org.polympcnet.protocols.correlation;

/** Shares of a matrix Beaver triple: A (m x k), B (k x n) uniform, C = A B, row-major. */
public final class MatrixTriple extends Correlation {
    public final int m, k, n;
    public final long[] a, b, c;

    public MatrixTriple(int m, int k, int n, long[] a, long[] b, long[] c) {
        requireLength("A", a, m * k);
        requireLength("B", b, k * n);
        requireLength("C", c, m * n);
        this.m = m;
        this.k = k;
        this.n = n;
        this.a = a;
        this.b = b;
        this.c = c;
    }
}
