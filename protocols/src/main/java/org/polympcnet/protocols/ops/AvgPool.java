package org.polympcnet.protocols.ops;

/**
 * Average pooling over k x k windows of a shared [B, C, H, W] batch: window sums are local; the
 * division by k^2 is a truncation by log2(k^2) bits when k^2 is a power of two (error at most
 * 1 ulp), otherwise a product with the public constant 2^(f+8) / k^2 (rounded) and a truncation
 * by f + 8: the 8 guard bits keep the constant's rounding error below 2^-20 relative.
 * Communication is that of the truncation only: none with local truncation.
 */
public final class AvgPool {
    private static final int GUARD_BITS = 8;
    public final int batch, c, h, w, k, stride, ho, wo;
    private final Truncation trunc;
    private final long scale;
    private final boolean powerOfTwo;

    public AvgPool(Party p, int batch, int c, int h, int w, int k, int stride) {
        this.batch = batch;
        this.c = c;
        this.h = h;
        this.w = w;
        this.k = k;
        this.stride = stride;
        this.ho = Conv2d.outSize(h, k, stride, 0);
        this.wo = Conv2d.outSize(w, k, stride, 0);
        int area = k * k;
        this.powerOfTwo = Integer.bitCount(area) == 1;
        int shift = powerOfTwo ? Integer.numberOfTrailingZeros(area) : p.fp.fracBits() + GUARD_BITS;
        this.scale = powerOfTwo ? 1 : Math.round(Math.scalb(1.0, shift) / area);
        this.trunc = new Truncation(p, batch * c * ho * wo, shift);
    }

    public long[] apply(long[] x) {
        long[] sums = MaxPool.windows(x, batch, c, h, w, k, stride, ho, wo, null);
        if (!powerOfTwo) for (int i = 0; i < sums.length; i++) sums[i] *= scale;
        return trunc.apply(sums);
    }
}
