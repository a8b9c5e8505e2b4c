package org.polympcnet.benchmarks.harness;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Traffic of an offline benchmark (the timed method prepares an op): party 0's and party 1's
 * OFFLINE bytes, both directions, per element: on its dealer link, or with OT correlations on
 * the parties' own link (then both rows are equal). Snapshots are taken in an untimed setup
 * and teardown around each invocation. The summary score is the exact value (see
 * {@link PerElementCounters}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class OfflineTraffic {
    public double offlineBytesPerElemP0;
    public double offlineBytesPerElemP1;

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
        Traffic t = s.traffic().minus(before);
        long n = s.elements();
        offlineBytesPerElemP0 = PerElementCounters.perElement(t.offlineBytes(0), n, share);
        offlineBytesPerElemP1 = PerElementCounters.perElement(t.offlineBytes(1), n, share);
    }
}
