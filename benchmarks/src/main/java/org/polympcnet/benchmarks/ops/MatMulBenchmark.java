package org.polympcnet.benchmarks.ops;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.polympcnet.benchmarks.harness.Elements;
import org.polympcnet.benchmarks.harness.OfflineTraffic;
import org.polympcnet.benchmarks.harness.OnlineTraffic;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.benchmarks.harness.TwoPartySession;
import org.polympcnet.protocols.ops.MatMul;
import org.polympcnet.protocols.ops.Truncation;

/**
 * How fast is the product of two shared square matrices (size x size) with a dealer matrix
 * triple? One opening of E = X - A and F = Y - B, 16 size^2 bytes per party, 1 round; then two
 * local ring matrix products (2 size^3 multiply-adds per party) and the truncation. Elements and
 * every per-element counter here count output entries, size^2 per invocation.
 *
 * <p>{@code online}: both parties apply a MatMul prepared in the untimed setup. {@code offline}:
 * both parties prepare one (the dealer multiplies A B itself: size^3 work; party 1 downloads C).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class MatMulBenchmark {
    @Param({"64", "128", "256"})
    public int size;

    /** Truncation of the size^2 outputs: local (SecureML shift) or faithful (one round). */
    @Param({"local", "faithful"})
    public String trunc;

    private long[][] x, y;

    @Setup(Level.Trial)
    public void open(TwoPartySession s) {
        s.open(Truncation.Mode.parse(trunc), (long) size * size);
        x = SharedInputs.uniform(s.fixedPoint(), size * size, 4.0, 1);
        y = SharedInputs.uniform(s.fixedPoint(), size * size, 4.0, 2);
    }

    /** A MatMul prepared at both parties for the next online invocation: its offline phase, untimed. */
    @State(Scope.Benchmark)
    public static class Prepared {
        Both<MatMul> matmul;

        @Setup(Level.Invocation)
        public void prepare(MatMulBenchmark b, TwoPartySession s) {
            matmul = s.prepare(p -> new MatMul(p, b.size, b.size, b.size));
        }

        @TearDown(Level.Invocation)
        public void release() {
            matmul = null;
        }
    }

    @Benchmark
    public Both<long[]> online(Prepared op, TwoPartySession s, Elements e, OnlineTraffic t) {
        return s.run(p -> op.matmul.of(p.id).apply(x[p.id], y[p.id]));
    }

    @Benchmark
    public Both<MatMul> offline(TwoPartySession s, Elements e, OfflineTraffic t) {
        return s.run(p -> new MatMul(p, size, size, size));
    }
}
