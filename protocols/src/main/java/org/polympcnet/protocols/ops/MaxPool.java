package org.polympcnet.protocols.ops;

/**
 * Max pooling over k x k windows of a shared [B, C, H, W] batch, by a tournament:
 * max(a, b) = b + ReLU(a - b), pairing the k^2 candidates of every window level by level, all
 * windows in one batched ReLU per level (by the given {@link ReluProtocol}; GMW by default).
 * ceil(log2 k^2) levels of that ReLU's rounds each (8 for GMW, 1 for FSS); bytes those of the ReLUs
 * (k^2 - 1 per window in all). Exact when a - b does not overflow the ring.
 */
public final class MaxPool {
    public final int batch, c, h, w, k, stride, ho, wo;
    private final Party party;
    private final ReluProtocol relu;
    private final ReluProtocol.Gate[] levels;

    public MaxPool(Party p, int batch, int c, int h, int w, int k, int stride) {
        this(p, ReluProtocol.GMW, batch, c, h, w, k, stride);
    }

    public MaxPool(Party p, ReluProtocol relu, int batch, int c, int h, int w, int k, int stride) {
        this.party = p;
        this.relu = relu;
        this.batch = batch;
        this.c = c;
        this.h = h;
        this.w = w;
        this.k = k;
        this.stride = stride;
        this.ho = Conv2d.outSize(h, k, stride, 0);
        this.wo = Conv2d.outSize(w, k, stride, 0);
        int windows = batch * c * ho * wo;
        int cand = k * k, nl = 0;
        for (int m = cand; m > 1; m = (m + 1) / 2) nl++;
        levels = new ReluProtocol.Gate[nl];
        int m = cand;
        for (int l = 0; l < nl; l++) {
            levels[l] = relu.prepare(p, windows * (m / 2));
            m = (m + 1) / 2;
        }
    }

    public long[] apply(long[] x) {
        int windows = batch * c * ho * wo, m = k * k;
        long[] cand = new long[windows * m];
        windows(x, batch, c, h, w, k, stride, ho, wo, cand);
        for (ReluProtocol.Gate relu : levels) {
            int pairs = m / 2, next = (m + 1) / 2;
            long[] diff = new long[windows * pairs];
            for (int win = 0; win < windows; win++) {
                for (int i = 0; i < pairs; i++) diff[win * pairs + i] = cand[win * m + 2 * i] - cand[win * m + 2 * i + 1];
            }
            long[] r = relu.apply(diff);
            long[] nc = new long[windows * next];
            for (int win = 0; win < windows; win++) {
                for (int i = 0; i < pairs; i++) nc[win * next + i] = cand[win * m + 2 * i + 1] + r[win * pairs + i];
                if ((m & 1) == 1) nc[win * next + pairs] = cand[win * m + m - 1];
            }
            cand = nc;
            m = next;
        }
        return cand;
    }

    public long onlineBytes() {
        long total = 0;
        int windows = batch * c * ho * wo;
        for (int m = k * k; m > 1; m = (m + 1) / 2) total += relu.onlineBytes(party, windows * (m / 2));
        return total;
    }

    public int onlineRounds() {
        return levels.length * relu.onlineRounds(party);
    }

    /**
     * Gathers each k x k window (stride s, no padding) of [B, C, H, W]: into cand[window * k^2 + i]
     * when cand is given, and returns the window sums.
     */
    static long[] windows(long[] x, int batch, int c, int h, int w, int k, int s, int ho, int wo, long[] cand) {
        long[] sums = new long[batch * c * ho * wo];
        int win = 0;
        for (int bc = 0; bc < batch * c; bc++) {
            int img = bc * h * w;
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++, win++) {
                    long sum = 0;
                    int i = 0;
                    for (int dy = 0; dy < k; dy++) {
                        for (int dx = 0; dx < k; dx++, i++) {
                            long v = x[img + (oy * s + dy) * w + ox * s + dx];
                            sum += v;
                            if (cand != null) cand[win * k * k + i] = v;
                        }
                    }
                    sums[win] = sum;
                }
            }
        }
        return sums;
    }
}
