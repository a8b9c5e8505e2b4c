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
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Truncation;

/**
 * How fast is PolyMPCNet's polynomial activation y = a x^2 + b x + c, the replacement for ReLU?
 * One secure square, then local work and two truncations: with local truncation 1 round and
 * 8 bytes per element per party; faithful truncation adds 2 rounds of 8 bytes. The coefficients
 * are those of a trained X2Act layer's order of magnitude: a = 0.1, b = 0.5, c = 0.2.
 *
 * <p>{@code online}: both parties apply an activation prepared in the untimed setup to n shared
 * values. {@code offline}: both parties prepare one (a square pair per element, and truncation
 * masks if faithful).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class PolyBenchmark {
    static final double A = 0.1, B = 0.5, C = 0.2;

    @Param({"1024", "16384", "262144"})
    public int n;

    /** Truncation after each product: local (SecureML shift) or faithful (one round each). */
    @Param({"local", "faithful"})
    public String trunc;

    private long[][] x;

    @Setup(Level.Trial)
    public void open(TwoPartySession s) {
        s.open(Truncation.Mode.parse(trunc), n);
        x = SharedInputs.uniform(s.fixedPoint(), n, 8.0, 1);
    }

    /** An activation prepared at both parties for the next online invocation: its offline phase, untimed. */
    @State(Scope.Benchmark)
    public static class Prepared {
        Both<PolyActivation> poly;

        @Setup(Level.Invocation)
        public void prepare(PolyBenchmark b, TwoPartySession s) {
            poly = s.prepare(p -> new PolyActivation(p, b.n, A, B, C));
        }

        @TearDown(Level.Invocation)
        public void release() {
            poly = null;
        }
    }

    @Benchmark
    public Both<long[]> online(Prepared op, TwoPartySession s, Elements e, OnlineTraffic t) {
        return s.run(p -> op.poly.of(p.id).apply(x[p.id]));
    }

    @Benchmark
    public Both<PolyActivation> offline(TwoPartySession s, Elements e, OfflineTraffic t) {
        return s.run(p -> new PolyActivation(p, n, A, B, C));
    }
}
