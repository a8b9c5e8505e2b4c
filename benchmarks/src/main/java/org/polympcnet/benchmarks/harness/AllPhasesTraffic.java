package org.polympcnet.benchmarks.harness;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Traffic of an all-phases benchmark (the timed method prepares an op and applies it), per
 * element, from snapshots in an untimed setup and teardown around each invocation:
 * <ul>
 *   <li>{@code totalBytesPerElem}: every byte of both phases on every link, each counted once
 *       (both parties' sends to each other, both dealer links in both directions): "bytes per
 *       ReLU, both parties, all phases". One-time session setup is not in it: the handshake, and
 *       with OT the 2 x 128 base OTs, which the fixture runs once per trial;
 *   <li>{@code offlineBytesPerElem}: the OFFLINE part of that total (the dealer's links, or the
 *       OT between the parties);
 *   <li>{@code onlineBytesPerElemP0}, {@code ...P1}: bytes each party sent to the other online;
 *   <li>{@code onlineRoundsP0}, {@code ...P1}: the online message flights each party started
 *       (the benchmark calls {@link TwoPartySession#startOnline} between the two phases).
 * </ul>
 * Exact summary values as in {@link PerElementCounters}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class AllPhasesTraffic extends InvocationTraffic {
    public double totalBytesPerElem;
    public double offlineBytesPerElem;
    public double onlineBytesPerElemP0;
    public double onlineBytesPerElemP1;
    public double onlineRoundsP0;
    public double onlineRoundsP1;

    @Override
    protected void record(Traffic t, long n, double share) {
        totalBytesPerElem = PerElementCounters.perElement(t.allPhasesTotal(), n, share);
        offlineBytesPerElem = PerElementCounters.perElement(t.offlineTotal(), n, share);
        onlineBytesPerElemP0 = PerElementCounters.perElement(t.onlineSent(0), n, share);
        onlineBytesPerElemP1 = PerElementCounters.perElement(t.onlineSent(1), n, share);
        onlineRoundsP0 = t.onlineRounds(0) * share;
        onlineRoundsP1 = t.onlineRounds(1) * share;
    }
}
