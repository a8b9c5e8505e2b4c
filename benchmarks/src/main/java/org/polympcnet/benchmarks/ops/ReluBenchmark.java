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
import org.polympcnet.benchmarks.harness.AllPhasesTraffic;
import org.polympcnet.benchmarks.harness.Correlations;
import org.polympcnet.benchmarks.harness.Elements;
import org.polympcnet.benchmarks.harness.OfflineTraffic;
import org.polympcnet.benchmarks.harness.OnlineTraffic;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.benchmarks.harness.TwoPartySession;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ops.Truncation;

/**
 * How many ReLUs a second can the two parties compute? The 2P-ReLU: DReLU by the carry-tree
 * MSB (7 rounds), then the one-round multiplexer, whose x - v opening rides in the MSB's first
 * flight: 8 rounds, 8 + 244/8 = 38.5 bytes per element per party.
 *
 * <p>{@code online}: both parties apply a ReLU prepared in the untimed setup to n shared values.
 * {@code offline}: both parties prepare one (the dealer generates the correlation, party 1
 * downloads the corrections, both expand their seeds; with {@code correlations=ot}, the parties
 * make the cross ANDs, the 118 AND triples of the carry tree and the multiplexer's correlation by
 * IKNP OT). {@code allPhases}: both in one timed run, as {@link MillionaireReluBenchmark} does,
 * so the two comparison protocols compare on either correlation source.
 *
 * <p>{@code correlations} = {@code dealer} by default; {@code -p correlations=dealer,ot} adds the
 * dealer-free points (about 4,900 offline bytes an element; n = 2^20 with OT needs more than the
 * 4 GB heap, as the AND triples of a tree level are made in one batch).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ReluBenchmark {
    @Param({"1024", "16384", "262144"})
    public int n;

    @Param({"dealer"})
    public String correlations;

    private long[][] x;

    @Setup(Level.Trial)
    public void open(TwoPartySession s) {
        s.open(Truncation.Mode.LOCAL, Correlations.of(correlations), n);
        x = SharedInputs.uniform(s.fixedPoint(), n, 8.0, 1);
    }

    /** A ReLU prepared at both parties for the next online invocation: its offline phase, untimed. */
    @State(Scope.Benchmark)
    public static class Prepared {
        Both<Relu> relu;

        @Setup(Level.Invocation)
        public void prepare(ReluBenchmark b, TwoPartySession s) {
            relu = s.prepare(p -> new Relu(p, b.n));
        }

        @TearDown(Level.Invocation)
        public void release() {
            relu = null;
        }
    }

    @Benchmark
    public Both<long[]> online(Prepared op, TwoPartySession s, Elements e, OnlineTraffic t) {
        return s.run(p -> op.relu.of(p.id).apply(x[p.id]));
    }

    @Benchmark
    public Both<Relu> offline(TwoPartySession s, Elements e, OfflineTraffic t) {
        return s.run(p -> new Relu(p, n));
    }

    @Benchmark
    public Both<long[]> allPhases(TwoPartySession s, Elements e, AllPhasesTraffic t) {
        return s.run(p -> {
            Relu relu = new Relu(p, n);
            TwoPartySession.startOnline(p);
            return relu.apply(x[p.id]);
        });
    }
}
