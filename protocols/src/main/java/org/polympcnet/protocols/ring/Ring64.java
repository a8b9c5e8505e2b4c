package org.polympcnet.protocols.ring;

/**
 * The ring Z_2^64 on Java's {@code long}: addition and multiplication wrap around, which is
 * exactly arithmetic modulo 2^64. Vectors are {@code long[]}; these helpers are the loops every
 * protocol needs, written once without boxing or allocation beyond the result.
 */
public final class Ring64 {
    private Ring64() {}

    public static long[] add(long[] a, long[] b) {
        checkSame(a, b);
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] + b[i];
        return r;
    }

    public static long[] sub(long[] a, long[] b) {
        checkSame(a, b);
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] - b[i];
        return r;
    }

    public static void addInPlace(long[] a, long[] b) {
        checkSame(a, b);
        for (int i = 0; i < a.length; i++) a[i] += b[i];
    }

    public static void subInPlace(long[] a, long[] b) {
        checkSame(a, b);
        for (int i = 0; i < a.length; i++) a[i] -= b[i];
    }

    public static long[] mulScalar(long[] a, long s) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] * s;
        return r;
    }

    public static long[] mul(long[] a, long[] b) {
        checkSame(a, b);
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] * b[i];
        return r;
    }

    public static void addScalarInPlace(long[] a, long s) {
        for (int i = 0; i < a.length; i++) a[i] += s;
    }

    /**
     * C (m x n) = A (m x k) times B (k x n), row-major, in the ring. The i-k-j loop order keeps the
     * inner loop on contiguous rows of B and C.
     */
    public static long[] matmul(long[] a, long[] b, int m, int k, int n) {
        if (a.length != m * k || b.length != k * n) {
            throw new IllegalArgumentException("matmul shapes: A has " + a.length + " (want " + m + "x" + k
                    + "), B has " + b.length + " (want " + k + "x" + n + ")");
        }
        long[] c = new long[m * n];
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int t = 0; t < k; t++) {
                long av = a[i * k + t];
                if (av == 0) continue;
                int bt = t * n;
                for (int j = 0; j < n; j++) c[ci + j] += av * b[bt + j];
            }
        }
        return c;
    }

    private static void checkSame(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
        }
    }
}
