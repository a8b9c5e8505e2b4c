package org.polympcnet.protocols.ops;

/**
 * 2-D convolution of a shared batch [B, C, H, W] with shared weights [O, C, kh, kw] and bias [O],
 * by im2col: each party rearranges its own share into columns (linear, so local), then one
 * {@link MatMul} of weights [O, C*kh*kw] by columns [C*kh*kw, B*Ho*Wo]. Output [B, O, Ho, Wo].
 */
public final class Conv2d {
    public final int batch, in, h, w, out, kh, kw, stride, pad, ho, wo;
    private final MatMul matmul;

    public Conv2d(Party p, int batch, int in, int h, int w, int out, int kh, int kw, int stride, int pad) {
        this.batch = batch;
        this.in = in;
        this.h = h;
        this.w = w;
        this.out = out;
        this.kh = kh;
        this.kw = kw;
        this.stride = stride;
        this.pad = pad;
        this.ho = outSize(h, kh, stride, pad);
        this.wo = outSize(w, kw, stride, pad);
        this.matmul = new MatMul(p, out, in * kh * kw, batch * ho * wo);
    }

    public static int outSize(int size, int k, int stride, int pad) {
        int o = (size + 2 * pad - k) / stride + 1;
        if (o <= 0 || stride <= 0) throw new IllegalArgumentException("conv2d: kernel " + k + " stride " + stride + " pad " + pad + " does not fit size " + size);
        return o;
    }

    /** x: [B, C, H, W] share; weight: [O, C, kh, kw] share; bias: [O] share (at f bits) or null. */
    public long[] apply(long[] x, long[] weight, long[] bias) {
        long[] cols = im2col(x, batch, in, h, w, kh, kw, stride, pad);
        long[] z = matmul.apply(weight, cols); // [O, B*Ho*Wo]
        int hw = ho * wo;
        long[] y = new long[batch * out * hw];
        for (int o = 0; o < out; o++) {
            long bo = bias == null ? 0 : bias[o];
            for (int b = 0; b < batch; b++) {
                int src = o * batch * hw + b * hw, dst = (b * out + o) * hw;
                for (int i = 0; i < hw; i++) y[dst + i] = z[src + i] + bo;
            }
        }
        return y;
    }

    /** Columns [C*kh*kw, B*Ho*Wo]: row (c, i, j), column (b, oy, ox); zero outside the image. */
    public static long[] im2col(long[] x, int batch, int c, int h, int w, int kh, int kw, int stride, int pad) {
        int ho = outSize(h, kh, stride, pad), wo = outSize(w, kw, stride, pad);
        int cols = batch * ho * wo;
        long[] r = new long[c * kh * kw * cols];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int row = ((ch * kh + i) * kw + j) * cols;
                    for (int b = 0; b < batch; b++) {
                        int img = (b * c + ch) * h * w;
                        for (int oy = 0; oy < ho; oy++) {
                            int iy = oy * stride + i - pad;
                            if (iy < 0 || iy >= h) continue;
                            int col = row + b * ho * wo + oy * wo;
                            for (int ox = 0; ox < wo; ox++) {
                                int ix = ox * stride + j - pad;
                                if (ix >= 0 && ix < w) r[col + ox] = x[img + iy * w + ix];
                            }
                        }
                    }
                }
            }
        }
        return r;
    }

    public long onlineBytes(Truncation.Mode mode) {
        return MatMul.onlineBytes(mode, out, in * kh * kw, batch * ho * wo);
    }
}
