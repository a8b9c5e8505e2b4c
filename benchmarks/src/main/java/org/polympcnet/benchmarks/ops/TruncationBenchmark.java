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
import org.polympcnet.protocols.ops.Truncation;

/**
 * What does truncating a product back to f fractional bits cost, in each mode? Local (SecureML,
 * CrypTen's two-party default): each party shifts its share, no communication, and a failure
 * probability of about |z| / 2^63. Faithful: one round of 8 bytes per element per party with a
 * dealer mask, and no failure for |z| < 2^62. Inputs carry 2f fractional bits, as a product does.
 *
 * <p>{@code online}: both parties apply a Truncation prepared in the untimed setup to n shared
 * values. {@code offline}: both parties prepare one (faithful only fetches masks; local is free).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class TruncationBenchmark {
    @Param({"1024", "16384", "262144"})
    public int n;

    @Param({"local", "faithful"})
    public String trunc;

    private long[][] z;

    @Setup(Level.Trial)
    public void open(TwoPartySession s) {
        s.open(Truncation.Mode.parse(trunc), n);
        z = SharedInputs.product(s.fixedPoint(), n, 8.0, 1);
    }

    /** A Truncation prepared at both parties for the next online invocation: its offline phase, untimed. */
    @State(Scope.Benchmark)
    public static class Prepared {
        Both<Truncation> trunc;

        @Setup(Level.Invocation)
        public void prepare(TruncationBenchmark b, TwoPartySession s) {
            trunc = s.prepare(p -> new Truncation(p, b.n, p.fp.fracBits()));
        }

        @TearDown(Level.Invocation)
        public void release() {
            trunc = null;
        }
    }

    @Benchmark
    public Both<long[]> online(Prepared op, TwoPartySession s, Elements e, OnlineTraffic t) {
        return s.run(p -> op.trunc.of(p.id).apply(z[p.id]));
    }

    @Benchmark
    public Both<Truncation> offline(TwoPartySession s, Elements e, OfflineTraffic t) {
        return s.run(p -> new Truncation(p, n, p.fp.fracBits()));
    }
}
