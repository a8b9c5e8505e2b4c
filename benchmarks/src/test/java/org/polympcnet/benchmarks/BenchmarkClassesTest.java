package org.polympcnet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.polympcnet.benchmarks.harness.OpBenchmark;
import org.polympcnet.benchmarks.harness.PreparedOp;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.benchmarks.harness.TwoPartySession;
import org.polympcnet.benchmarks.nn.InferenceBenchmark;
import org.polympcnet.benchmarks.ops.DReluBenchmark;
import org.polympcnet.benchmarks.ops.MatMulBenchmark;
import org.polympcnet.benchmarks.ops.MultBenchmark;
import org.polympcnet.benchmarks.ops.PolyBenchmark;
import org.polympcnet.benchmarks.ops.ReluBenchmark;
import org.polympcnet.benchmarks.ops.SquareBenchmark;
import org.polympcnet.benchmarks.ops.TruncationBenchmark;
import org.polympcnet.protocols.nn.Layer;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * The benchmark classes do what they time, outside JMH: each op's {@code online} path (prepared by
 * {@link PreparedOp}, both parties for real) and its {@code offline} path, on both correlation
 * sources, with the ReLU, the polynomial and the matrix product checked against plaintext; and
 * the whole-network benchmark on a small exported model, or a clear message without one.
 */
class BenchmarkClassesTest {
    static final int N = 200, SIZE = 6;

    /** Opens the trial as JMH would, runs online once (and offline once), returns the online result. */
    private static Both<long[]> runOnce(OpBenchmark<?> b, TwoPartySession s) {
        PreparedOp op = new PreparedOp();
        b.open(s, op);
        op.prepare(s);
        Both<long[]> y = b.online(op, s, null, null);
        op.release();
        assertNotNull(b.offline(s, null, null));
        return y;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dealer", "ot"})
    void reluIsExactOnBothSources(String correlations) {
        ReluBenchmark b = new ReluBenchmark();
        b.n = N;
        b.correlations = correlations;
        TwoPartySession s = new TwoPartySession();
        try {
            Both<long[]> y = runOnce(b, s);
            long[][] x = SharedInputs.uniform(FixedPoint.standard(), N, 8.0, 1);
            long[] plain = SharedInputs.open(x[0], x[1]), got = SharedInputs.open(y.party0(), y.party1());
            for (int i = 0; i < N; i++) assertEquals(Math.max(0, plain[i]), got[i], "relu at " + i);
            assertEquals(N, b.allPhases(s, null, null).party0().length);
        } finally {
            s.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dealer", "ot"})
    void polyAndMatMulMatchPlaintext(String correlations) {
        FixedPoint fp = FixedPoint.standard();
        PolyBenchmark poly = new PolyBenchmark();
        poly.n = N;
        poly.trunc = "local";
        poly.correlations = correlations;
        TwoPartySession s = new TwoPartySession();
        try {
            Both<long[]> y = runOnce(poly, s);
            long[][] x = SharedInputs.uniform(fp, N, 8.0, 1);
            long[] plain = SharedInputs.open(x[0], x[1]), got = SharedInputs.open(y.party0(), y.party1());
            for (int i = 0; i < N; i++) {
                double v = fp.decode(plain[i]);
                assertEquals(0.1 * v * v + 0.5 * v + 0.2, fp.decode(got[i]), 1e-3, "poly at " + i);
            }
        } finally {
            s.close();
        }
        MatMulBenchmark mm = new MatMulBenchmark();
        mm.size = SIZE;
        mm.trunc = "faithful";
        mm.correlations = correlations;
        s = new TwoPartySession();
        try {
            Both<long[]> y = runOnce(mm, s);
            long[][] a = SharedInputs.uniform(fp, SIZE * SIZE, 4.0, 1), b = SharedInputs.uniform(fp, SIZE * SIZE, 4.0, 2);
            long[] pa = SharedInputs.open(a[0], a[1]), pb = SharedInputs.open(b[0], b[1]), got = SharedInputs.open(y.party0(), y.party1());
            for (int i = 0; i < SIZE; i++) {
                for (int j = 0; j < SIZE; j++) {
                    double want = 0;
                    for (int k = 0; k < SIZE; k++) want += fp.decode(pa[i * SIZE + k]) * fp.decode(pb[k * SIZE + j]);
                    assertEquals(want, fp.decode(got[i * SIZE + j]), 1e-3, "matmul at " + i + "," + j);
                }
            }
        } finally {
            s.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dealer", "ot"})
    void everyOtherOpRunsBothPhases(String correlations) {
        DReluBenchmark drelu = new DReluBenchmark();
        SquareBenchmark square = new SquareBenchmark();
        MultBenchmark mult = new MultBenchmark();
        TruncationBenchmark trunc = new TruncationBenchmark();
        drelu.n = square.n = mult.n = trunc.n = N;
        square.trunc = mult.trunc = trunc.trunc = "faithful";
        for (OpBenchmark<?> b : List.<OpBenchmark<?>>of(drelu, square, mult, trunc)) {
            b.correlations = correlations;
            TwoPartySession s = new TwoPartySession();
            try {
                Both<long[]> y = runOnce(b, s);
                assertTrue(y.party0().length > 0 && y.party0().length == y.party1().length, b.getClass().getSimpleName());
            } finally {
                s.close();
            }
        }
    }

    @Test
    void inferenceRunsAWholeExportedModel(@TempDir Path dir) {
        ModelFile.write(dir, tinyModel());
        InferenceBenchmark b = new InferenceBenchmark();
        b.model = dir.toString();
        b.correlations = "dealer";
        b.batch = 2;
        TwoPartySession s = new TwoPartySession();
        try {
            b.open(s);
            Both<long[]> y = b.infer(s, null, null);
            assertEquals(2 * 3, y.party1().length, "the client gets batch x classes logits");
            assertEquals(null, y.party0(), "the server learns no logits");
        } finally {
            s.close();
        }
    }

    @Test
    void inferenceWithoutAModelSaysWhatToPass() {
        InferenceBenchmark b = new InferenceBenchmark();
        b.model = "none";
        b.correlations = "dealer";
        b.batch = 1;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.open(new TwoPartySession()));
        assertTrue(e.getMessage().contains("skipped") && e.getMessage().contains("-p model=DIR"), e.getMessage());
    }

    /** conv(1->2, 3x3, pad 1) - relu - flatten - linear(2*4*4 -> 3). */
    static Model tinyModel() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> w = new LinkedHashMap<>();
        tensor(shapes, w, "c1.w", 2, 1, 3, 3);
        tensor(shapes, w, "c1.b", 2);
        tensor(shapes, w, "fc.w", 3, 32);
        tensor(shapes, w, "fc.b", 3);
        List<Layer> layers = List.of(
                new Layer.Conv2d("c1", List.of(), 1, 2, 3, 1, 1, "c1.w", "c1.b"),
                new Layer.Act("r1", List.of(), "relu", null),
                new Layer.Flatten("flat", List.of()),
                new Layer.Linear("fc", List.of(), 32, 3, "fc.w", "fc.b"));
        return new Model("tiny", "synthetic", new int[] {1, 4, 4}, 3, new double[] {0.5}, new double[] {0.25}, layers, shapes, w,
                Map.of("accuracy", 0.5));
    }

    private static void tensor(Map<String, int[]> shapes, Map<String, float[]> w, String name, int... shape) {
        shapes.put(name, shape);
        float[] v = new float[(int) Model.size(shape)];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(name.hashCode() + i);
        w.put(name, v);
    }
}
