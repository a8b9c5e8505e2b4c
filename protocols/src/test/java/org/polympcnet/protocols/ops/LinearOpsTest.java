package org.polympcnet.protocols.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.ring.Ring64;
import org.polympcnet.protocols.session.Transport;

/** Matmul, conv2d (im2col) and pooling against plaintext, with exact bytes and rounds. */
class LinearOpsTest {
    private static final FixedPoint FP = FixedPoint.standard();

    /** Fixed-point values in [-8, 8). */
    private static long[] values(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = r.nextLong(-(8L << 16), 8L << 16);
        return v;
    }

    private static void assertWithinOneUlp(long[] want, long[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) assertTrue(Math.abs(want[i] - got[i]) <= 1, "element " + i + ": " + want[i] + " vs " + got[i]);
    }

    @ParameterizedTest
    @EnumSource(Truncation.Mode.class)
    void matmul(Truncation.Mode mode) throws Exception {
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {16, 32, 8}, {64, 64, 65}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            long[] xy = values(m * k + k * n, m * 100 + n);
            TwoParty.Run r = TwoParty.run(FP, mode, Transport.MEMORY, xy,
                    (p, sh) -> new MatMul(p, m, k, n).apply(Arrays.copyOf(sh, m * k), Arrays.copyOfRange(sh, m * k, sh.length)));
            long[] want = Ring64.matmul(Arrays.copyOf(xy, m * k), Arrays.copyOfRange(xy, m * k, xy.length), m, k, n);
            for (int i = 0; i < want.length; i++) want[i] >>= 16;
            assertWithinOneUlp(want, r.out());
            assertEquals(MatMul.onlineBytes(mode, m, k, n), r.onlineBytes(0));
            assertEquals(MatMul.onlineRounds(mode), r.onlineRounds(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Truncation.Mode.class)
    void conv2dByIm2col(Truncation.Mode mode) throws Exception {
        int b = 2, c = 3, h = 6, w = 5, o = 4, k = 3;
        for (int[] sp : new int[][] {{1, 1}, {2, 0}, {2, 1}}) {
            int stride = sp[0], pad = sp[1];
            int xs = b * c * h * w, ws = o * c * k * k;
            long[] in = values(xs + ws + o, 42 + stride + pad);
            int[] cost = new int[1];
            TwoParty.Run r = TwoParty.run(FP, mode, Transport.MEMORY, in, (p, sh) -> {
                Conv2d conv = new Conv2d(p, b, c, h, w, o, k, k, stride, pad);
                cost[0] = (int) conv.onlineBytes(mode);
                return conv.apply(Arrays.copyOf(sh, xs), Arrays.copyOfRange(sh, xs, xs + ws), Arrays.copyOfRange(sh, xs + ws, sh.length));
            });
            int ho = Conv2d.outSize(h, k, stride, pad), wo = Conv2d.outSize(w, k, stride, pad);
            long[] want = new long[b * o * ho * wo];
            for (int bi = 0; bi < b; bi++) for (int oi = 0; oi < o; oi++) for (int y = 0; y < ho; y++) for (int x = 0; x < wo; x++) {
                long acc = 0;
                for (int ci = 0; ci < c; ci++) for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) {
                    int iy = y * stride + i - pad, ix = x * stride + j - pad;
                    if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                    acc += in[((bi * c + ci) * h + iy) * w + ix] * in[xs + ((oi * c + ci) * k + i) * k + j];
                }
                want[((bi * o + oi) * ho + y) * wo + x] = (acc >> 16) + in[xs + ws + oi];
            }
            assertWithinOneUlp(want, r.out());
            assertEquals(cost[0], r.onlineBytes(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Truncation.Mode.class)
    void avgPool(Truncation.Mode mode) throws Exception {
        int b = 2, c = 2, h = 6, w = 6;
        long[] x = values(b * c * h * w, 9);
        for (int k : new int[] {2, 3}) {
            TwoParty.Run r = TwoParty.run(FP, mode, Transport.MEMORY, x, (p, s) -> new AvgPool(p, b, c, h, w, k, k).apply(s));
            long[] sums = MaxPool.windows(x, b, c, h, w, k, k, h / k, w / k, null);
            long[] want = new long[sums.length];
            long scale = Math.round(Math.scalb(1.0, 24) / (k * k));
            for (int i = 0; i < sums.length; i++) want[i] = k == 2 ? sums[i] >> 2 : (sums[i] * scale) >> 24;
            assertWithinOneUlp(want, r.out());
            for (int i = 0; i < sums.length; i++) {
                assertEquals(FP.decode(sums[i]) / (k * k), FP.decode(r.out()[i]), 2.0 / 65536, "average vs true mean");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Truncation.Mode.class, names = "LOCAL")
    void maxPoolIsExact(Truncation.Mode mode) throws Exception {
        int b = 2, c = 3, h = 6, w = 6;
        long[] x = values(b * c * h * w, 10);
        for (int[] ks : new int[][] {{2, 2}, {3, 1}, {3, 3}}) {
            int k = ks[0], s = ks[1];
            int ho = (h - k) / s + 1, wo = (w - k) / s + 1;
            long[] bytes = new long[2];
            TwoParty.Run r = TwoParty.run(FP, mode, Transport.MEMORY, x, (p, sh) -> {
                MaxPool mp = new MaxPool(p, b, c, h, w, k, s);
                bytes[0] = mp.onlineBytes();
                bytes[1] = mp.onlineRounds();
                return mp.apply(sh);
            });
            long[] want = new long[b * c * ho * wo];
            int win = 0;
            for (int bc = 0; bc < b * c; bc++) for (int y = 0; y < ho; y++) for (int xx = 0; xx < wo; xx++, win++) {
                long m = Long.MIN_VALUE;
                for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) m = Math.max(m, x[bc * h * w + (y * s + i) * w + xx * s + j]);
                want[win] = m;
            }
            assertArrayEquals(want, r.out());
            assertEquals(bytes[0], r.onlineBytes(0));
            assertEquals(bytes[1], r.onlineRounds(0));
        }
    }
}
