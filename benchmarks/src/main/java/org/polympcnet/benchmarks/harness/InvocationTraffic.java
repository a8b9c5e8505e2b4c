package org.polympcnet.benchmarks.harness;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The snapshots every traffic counter takes: the session's traffic in an untimed setup before
 * each invocation and the difference in an untimed teardown after it, handed to {@link #record}
 * with the invocation's element count and the iteration's share (exact summary values, see
 * {@link PerElementCounters}). Subclasses are the JMH {@code @AuxCounters} states and hold the
 * public counter fields.
 */
public abstract class InvocationTraffic {
    private double share;
    private Traffic before;

    @Setup(Level.Iteration)
    public void share(BenchmarkParams params) {
        share = PerElementCounters.iterationShare(params);
    }

    @Setup(Level.Invocation)
    public void mark(TwoPartySession s) {
        before = s.traffic();
    }

    @TearDown(Level.Invocation)
    public void collect(TwoPartySession s) {
        record(s.traffic().minus(before), s.elements(), share);
    }

    /** Sets the counters from one invocation's traffic {@code t} over {@code n} elements. */
    protected abstract void record(Traffic t, long n, double share);
}
