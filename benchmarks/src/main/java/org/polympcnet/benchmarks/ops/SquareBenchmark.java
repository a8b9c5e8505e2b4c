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
import org.polympcnet.protocols.ops.Square;
import org.polympcnet.protocols.ops.Truncation;

/**
 * How fast is the secure square x^2 with a dealer square pair (a, a^2)? One opening of x - a:
 * 8 bytes per element per party and 1 round, plus the truncation back to f fractional bits
 * (local: free; faithful: one more round of 8 bytes).
 *
 * <p>{@code online}: both parties apply a Square prepared in the untimed setup to n shared values.
 * {@code offline}: both parties prepare one (square pairs, and truncation masks if faithful).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class SquareBenchmark {
    @Param({"1024", "16384", "262144"})
    public int n;

    /** Truncation after the product: local (SecureML shift) or faithful (one round). */
    @Param({"local", "faithful"})
    public String trunc;

    private long[][] x;

    @Setup(Level.Trial)
    public void open(TwoPartySession s) {
        s.open(Truncation.Mode.parse(trunc), n);
        x = SharedInputs.uniform(s.fixedPoint(), n, 8.0, 1);
    }

    /** A Square prepared at both parties for the next online invocation: its offline phase, untimed. */
    @State(Scope.Benchmark)
    public static class Prepared {
        Both<Square> square;

        @Setup(Level.Invocation)
        public void prepare(SquareBenchmark b, TwoPartySession s) {
            square = s.prepare(p -> new Square(p, b.n));
        }

        @TearDown(Level.Invocation)
        public void release() {
            square = null;
        }
    }

    @Benchmark
    public Both<long[]> online(Prepared op, TwoPartySession s, Elements e, OnlineTraffic t) {
        return s.run(p -> op.square.of(p.id).apply(x[p.id]));
    }

    @Benchmark
    public Both<Square> offline(TwoPartySession s, Elements e, OfflineTraffic t) {
        return s.run(p -> new Square(p, n));
    }
}
