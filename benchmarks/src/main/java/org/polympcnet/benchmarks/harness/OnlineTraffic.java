package org.polympcnet.benchmarks.harness;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Traffic of an online benchmark, counted by the channels and read in an untimed teardown after
 * each invocation:
 * <ul>
 *   <li>{@code onlineBytesPerElem}: bytes one party sent to the other during the timed op, per
 *       element (the larger of the two parties; the protocols here are symmetric);
 *   <li>{@code onlineRounds}: message flights of the op (the larger of the two parties);
 *   <li>{@code offlineBytesPerElemP0}, {@code ...P1}: party 0's (party 1's) OFFLINE traffic, both
 *       directions, while the op was prepared, per element. With the dealer, its dealer link:
 *       party 0's correlations come from a seed, so it carries requests only; party 1 receives
 *       the corrections. With OT, the one link between the parties, so both rows are equal.
 * </ul>
 * For an op whose parties send different amounts, add {@link PartyOnlineTraffic}.
 * The summary score is the exact value (see {@link PerElementCounters}); per-iteration lines show
 * 1 / (measurement iterations x forks) of it.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class OnlineTraffic {
    public double onlineBytesPerElem;
    public double onlineRounds;
    public double offlineBytesPerElemP0;
    public double offlineBytesPerElemP1;

    private double share;

    @Setup(Level.Iteration)
    public void share(BenchmarkParams params) {
        share = PerElementCounters.iterationShare(params);
    }

    @TearDown(Level.Invocation)
    public void collect(TwoPartySession s) {
        Traffic online = s.sincePrepare(), offline = s.lastPrepare();
        long n = s.elements();
        onlineBytesPerElem = PerElementCounters.perElement(Math.max(online.onlineSent(0), online.onlineSent(1)), n, share);
        onlineRounds = Math.max(online.onlineRounds(0), online.onlineRounds(1)) * share;
        offlineBytesPerElemP0 = PerElementCounters.perElement(offline.offlineBytes(0), n, share);
        offlineBytesPerElemP1 = PerElementCounters.perElement(offline.offlineBytes(1), n, share);
    }
}
