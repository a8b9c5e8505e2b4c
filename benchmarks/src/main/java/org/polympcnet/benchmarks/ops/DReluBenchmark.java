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
import org.polympcnet.protocols.ops.DRelu;
import org.polympcnet.protocols.ops.Truncation;

/**
 * How fast is DReLU(x) = [x >= 0] alone, the comparison that ReLU and max pool are built on? The
 * carry-tree MSB of the 64-bit share sum (GMW parallel-prefix adder, CrypTen's method):
 * 7 rounds, 243/8 = 30.375 bytes per element per party; the result is XOR-shared bits.
 *
 * <p>{@code online}: both parties apply a DReLU prepared in the untimed setup to n shared values.
 * {@code offline}: both parties prepare one (dealer correlations: cross ANDs and carry-tree
 * triples).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class DReluBenchmark {
    @Param({"1024", "16384", "262144"})
    public int n;

    private long[][] x;

    @Setup(Level.Trial)
    public void open(TwoPartySession s) {
        s.open(Truncation.Mode.LOCAL, n);
        x = SharedInputs.uniform(s.fixedPoint(), n, 8.0, 1);
    }

    /** A DReLU prepared at both parties for the next online invocation: its offline phase, untimed. */
    @State(Scope.Benchmark)
    public static class Prepared {
        Both<DRelu> drelu;

        @Setup(Level.Invocation)
        public void prepare(DReluBenchmark b, TwoPartySession s) {
            drelu = s.prepare(p -> new DRelu(p, b.n));
        }

        @TearDown(Level.Invocation)
        public void release() {
            drelu = null;
        }
    }

    @Benchmark
    public Both<long[]> online(Prepared op, TwoPartySession s, Elements e, OnlineTraffic t) {
        return s.run(p -> op.drelu.of(p.id).apply(x[p.id]));
    }

    @Benchmark
    public Both<DRelu> offline(TwoPartySession s, Elements e, OfflineTraffic t) {
        return s.run(p -> new DRelu(p, n));
    }
}
