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
import org.polympcnet.benchmarks.harness.PartyOnlineTraffic;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.benchmarks.harness.TwoPartySession;
import org.polympcnet.protocols.ops.MillionaireRelu;
import org.polympcnet.protocols.ops.Truncation;

/**
 * How many ReLUs a second by the CrypTFlow2 millionaires' protocol, and at what traffic, with the
 * dealer or with no third party (correlations by OT)? DReLU from 13 digits (two of 4 bits, eleven
 * of 5), each compared by a 1-out-of-16 or 1-out-of-32 OT, then a 4-level comparison tree; then the
 * one-round multiplexer. Online: 6 rounds for each party, 108.125 bytes per element from party 0
 * and 20 from party 1.
 * Offline with OT (n a multiple of 64): 416 bytes per element from party 0 (KK13 columns of the
 * tree's 12 correlated-triple OTs, 384; the multiplexer's correlated OTs, 32) and 474 from party 1
 * (KK13 columns of the 13 leaf OTs, 416; triple corrections, 18; multiplexer, 40): 1,018.125 bytes
 * per ReLU in all ({@code MillionaireRelu.offlineBytesOverOt}, {@code onlineBytes}).
 *
 * <p>{@code online}: both parties apply a ReLU prepared in the untimed setup to n shared values.
 * {@code offline}: both parties prepare one (dealer: request and download; OT: the random
 * 1-out-of-16 and 1-out-of-32 OTs and the tree's triples by KK13, the multiplexer's correlation by IKNP).
 * {@code allPhases}: both, in one timed run: what the goal counts (ReLUs per second and
 * bytes per ReLU, both parties, all phases). With OT the base OTs run once per trial, in the
 * untimed setup, and are in no counter. The KK13 sender hashes its pads on its party thread and
 * one helper thread ({@code Kk13Sender}), so a fork can keep both cores busy.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class MillionaireReluBenchmark {
    @Param({"16384", "262144"})
    public int n;

    @Param({"dealer", "ot"})
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
        Both<MillionaireRelu> relu;

        @Setup(Level.Invocation)
        public void prepare(MillionaireReluBenchmark b, TwoPartySession s) {
            relu = s.prepare(p -> new MillionaireRelu(p, b.n));
        }

        @TearDown(Level.Invocation)
        public void release() {
            relu = null;
        }
    }

    @Benchmark
    public Both<long[]> online(Prepared op, TwoPartySession s, Elements e, OnlineTraffic t, PartyOnlineTraffic byParty) {
        return s.run(p -> op.relu.of(p.id).apply(x[p.id]));
    }

    @Benchmark
    public Both<MillionaireRelu> offline(TwoPartySession s, Elements e, OfflineTraffic t) {
        return s.run(p -> new MillionaireRelu(p, n));
    }

    @Benchmark
    public Both<long[]> allPhases(TwoPartySession s, Elements e, AllPhasesTraffic t) {
        return s.run(p -> {
            MillionaireRelu relu = new MillionaireRelu(p, n);
            TwoPartySession.startOnline(p);
            return relu.apply(x[p.id]);
        });
    }
}
