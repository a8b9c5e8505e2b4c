package org.polympcnet.perfmodel.cost;

/** The shape of a ring matrix product (m x k) times (k x n), for engines that tile it. */
public record MatShape(int m, int k, int n) {
    public MatShape {
        if (m <= 0 || k <= 0 || n <= 0) throw new IllegalArgumentException("matrix product " + m + "x" + k + " times " + k + "x" + n);
    }

    public long macs() {
        return (long) m * k * n;
    }
}
