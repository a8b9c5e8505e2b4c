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
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * What every protocol-op benchmark shares, so that a subclass says only which op it measures
 * ({@link #make}: the offline phase, constructing the op fetches its correlations; {@link #apply}:
 * the online phase) and on what inputs. The defaults below (1 fork with a 4 GB pre-touched heap,
 * 3 x 2 s warm-up, 5 x 2 s measured, throughput per second) are inherited by every subclass, as
 * are the two timed methods:
 * <ul>
 *   <li>{@code online}: both parties apply an op prepared in the untimed setup ({@link PreparedOp});
 *       counters {@link Elements} and {@link OnlineTraffic};
 *   <li>{@code offline}: both parties prepare one; counters {@link Elements} and {@link OfflineTraffic}.
 * </ul>
 * {@code correlations} = {@code dealer} | {@code ot} is a parameter of every op: the trusted dealer,
 * or the two parties alone by OT (base OTs once per trial, in no counter).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public abstract class OpBenchmark<O> {
    @Param({"dealer", "ot"})
    public String correlations;

    /** Values per invocation: the denominator of every per-element counter. */
    protected abstract long elements();

    /** Truncation mode of the session; local unless the subclass has a {@code trunc} parameter. */
    protected Truncation.Mode truncation() {
        return Truncation.Mode.LOCAL;
    }

    /** Makes the shared inputs, once per trial (seeded: the same values in every run). */
    protected abstract void inputs(FixedPoint fp);

    /** The offline phase at party p: construct the op (which fetches or makes its correlations). */
    protected abstract O make(Party p);

    /** The online phase at party p on its shares. */
    protected abstract long[] apply(O op, Party p);

    @Setup(Level.Trial)
    public void open(TwoPartySession s, PreparedOp prepared) {
        s.open(truncation(), Correlations.of(correlations), elements());
        inputs(s.fixedPoint());
        prepared.use(this::make);
    }

    @Benchmark
    public Both<long[]> online(PreparedOp op, TwoPartySession s, Elements e, OnlineTraffic t) {
        return s.run(p -> apply(op.<O>of(p.id), p));
    }

    @Benchmark
    public Both<O> offline(TwoPartySession s, Elements e, OfflineTraffic t) {
        return s.run(this::make);
    }
}
