package org.polympcnet.benchmarks.harness;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Traffic of an offline benchmark (the timed method prepares an op): party 0's and party 1's
 * OFFLINE bytes, both directions, per element: on its dealer link, or with OT correlations on
 * the parties' own link (then both rows are equal). Snapshots are taken in an untimed setup
 * and teardown around each invocation. The summary score is the exact value (see
 * {@link PerElementCounters}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class OfflineTraffic extends InvocationTraffic {
    public double offlineBytesPerElemP0;
    public double offlineBytesPerElemP1;

    @Override
    protected void record(Traffic t, long n, double share) {
        offlineBytesPerElemP0 = PerElementCounters.perElement(t.offlineBytes(0), n, share);
        offlineBytesPerElemP1 = PerElementCounters.perElement(t.offlineBytes(1), n, share);
    }
}
