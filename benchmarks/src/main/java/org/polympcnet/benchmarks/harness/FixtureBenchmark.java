package org.polympcnet.benchmarks.harness;

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
import org.openjdk.jmh.annotations.Warmup;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.protocols.ops.Sharing;
import org.polympcnet.protocols.ops.Truncation;

/**
 * What does the harness itself cost, the floor under every op benchmark? {@code idle}: both party
 * threads are woken, do nothing and are waited for. {@code open}: both parties open n shared ring
 * values, one round of 8n bytes each way over the in-memory channel: the price of a round and
 * of moving bytes between the two threads, with no protocol arithmetic. A ReLU at small n costs
 * about its 8 rounds of this.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FixtureBenchmark {

    @State(Scope.Benchmark)
    public static class Idle {
        @Setup(Level.Trial)
        public void open(TwoPartySession s) {
            s.open(Truncation.Mode.LOCAL, 1);
        }
    }

    @State(Scope.Benchmark)
    public static class Values {
        @Param({"1", "1024", "262144"})
        public int n;

        long[][] x;

        @Setup(Level.Trial)
        public void open(TwoPartySession s) {
            s.open(Truncation.Mode.LOCAL, n);
            x = SharedInputs.uniform(s.fixedPoint(), n, 8.0, 1);
        }
    }

    @Benchmark
    public Both<Integer> idle(Idle i, TwoPartySession s) {
        return s.run(p -> p.id);
    }

    @Benchmark
    public Both<long[]> open(Values v, TwoPartySession s, Elements e) {
        return s.run(p -> Sharing.open(p, v.x[p.id]));
    }
}
