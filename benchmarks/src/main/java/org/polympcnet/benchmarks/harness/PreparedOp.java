package org.polympcnet.benchmarks.harness;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.protocols.session.PartyTask;

/**
 * An op prepared at both parties for the next online invocation: its offline phase (correlations
 * from the dealer, or by OT), run in an untimed {@code @Setup(Level.Invocation)} and recorded by
 * {@link TwoPartySession#prepare} for the traffic counters. Inject it only into a benchmark that
 * times the online phase; {@link OpBenchmark} tells it what to make when the trial opens.
 */
@State(Scope.Benchmark)
public class PreparedOp {
    private PartyTask<?> make;
    private Both<?> ops;

    /** What to prepare before each invocation (called from the benchmark's trial setup). */
    public void use(PartyTask<?> make) {
        this.make = make;
    }

    @Setup(Level.Invocation)
    public void prepare(TwoPartySession s) {
        if (make == null) throw new IllegalStateException("PreparedOp: the benchmark did not say what to prepare (call use() from its trial setup)");
        ops = s.prepare(make);
    }

    @TearDown(Level.Invocation)
    public void release() {
        ops = null;
    }

    /** The op prepared at party id. */
    @SuppressWarnings("unchecked")
    public <O> O of(int id) {
        return (O) ops.of(id);
    }
}
