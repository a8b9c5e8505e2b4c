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
import org.polympcnet.benchmarks.harness.OnlineTraffic;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.benchmarks.harness.TwoPartySession;
import org.polympcnet.protocols.ops.FssDRelu;
import org.polympcnet.protocols.ops.FssRelu;
import org.polympcnet.protocols.ops.Truncation;

/**
 * How many ReLUs (and DReLUs) a second by function secret sharing (BCG+21 DCF, fixed-key AES),
 * online? Each party opens x_b + r_b (one round, 8 bytes an element a party) and evaluates its DCF
 * key on the low 63 bits of x + r: 127 AES blocks an element for ReLU (2 a level and 1 for the
 * leaf), 63 for DReLU. Both parties run in this JVM, each on its own thread (on 2 cores, one core
 * each), linked in memory; the dealer is a third thread.
 *
 * <p>{@code relu}, {@code drelu}: both parties apply an op prepared in the untimed setup of the
 * invocation (the dealer generates the keys, 506 or 252 AES blocks an element, and sends both parties
 * the correction words: 2,032 or 1,008 bytes an element each). Offline counters: each party's dealer
 * link per element ({@code FssRelu.offlineBytes}, {@code FssDRelu.offlineBytes}). A batch of 2^20
 * ReLU keys is 2 GB a party, hence the 10 GB heap. The setup ends with a full collection and the
 * fork runs the parallel (stop-the-world) collector: with 4 GB of live keys, G1's concurrent marking
 * would otherwise run on the two cores while the parties evaluate, and the online phase allocates
 * too little (about 48 bytes an element a party) to start a collection itself. The fork adds the
 * vector module so the DCF's ReLU levels run on their Vector API engine (Dcf.VectorLevel), as a JVM
 * started with it would.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms10g", "-Xmx10g", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class FssReluBenchmark {
    @Param({"1048576"})
    public int n;

    private long[][] x;

    @Setup(Level.Trial)
    public void open(TwoPartySession s) {
        s.open(Truncation.Mode.LOCAL, n);
        x = SharedInputs.uniform(s.fixedPoint(), n, 8.0, 1);
    }

    /** Shares of the benchmark's inputs, party by party (for tests). */
    public long[] input(int party) {
        return x[party];
    }

    /** FSS ReLU keys dealt to both parties for the next invocation: its offline phase, untimed. */
    @State(Scope.Benchmark)
    public static class PreparedRelu {
        Both<FssRelu> op;

        @Setup(Level.Invocation)
        public void prepare(FssReluBenchmark b, TwoPartySession s) {
            op = null; // let the last batch's 2 GB of keys go before the next is dealt
            op = s.prepare(p -> new FssRelu(p, b.n));
            System.gc(); // untimed: the last batch's keys are garbage now, collect them here
        }

        @TearDown(Level.Invocation)
        public void release() {
            op = null;
        }
    }

    /** FSS DReLU keys for the next invocation. */
    @State(Scope.Benchmark)
    public static class PreparedDRelu {
        Both<FssDRelu> op;

        @Setup(Level.Invocation)
        public void prepare(FssReluBenchmark b, TwoPartySession s) {
            op = null;
            op = s.prepare(p -> new FssDRelu(p, b.n));
            System.gc();
        }

        @TearDown(Level.Invocation)
        public void release() {
            op = null;
        }
    }

    /** Online ReLU: open x + r, evaluate the DCF, combine; additive shares of max(x, 0). */
    @Benchmark
    public Both<long[]> relu(PreparedRelu op, TwoPartySession s, Elements e, OnlineTraffic t) {
        return s.run(p -> op.op.of(p.id).apply(x[p.id]));
    }

    /** Online DReLU: XOR shares of [x >= 0], a bit row. */
    @Benchmark
    public Both<long[]> drelu(PreparedDRelu op, TwoPartySession s, Elements e, OnlineTraffic t) {
        return s.run(p -> op.op.of(p.id).apply(x[p.id]));
    }
}
