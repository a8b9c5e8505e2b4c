package org.polympcnet.benchmarks.harness;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The online traffic of an op whose parties send different amounts (the millionaires'
 * protocol: party 0 answers with the masked messages of every digit's 1-out-of-2^m OT, 1-out-of-8
 * and 1-out-of-16 with a dealer, 1-out-of-16 and 1-out-of-32 over OT; party 1 sends only its
 * masked digits), party by party: {@code onlineBytesPerElemP0}, {@code ...P1} (bytes each sent to the
 * other during the timed op, per element) and {@code onlineRoundsP0}, {@code ...P1} (the
 * message flights each started). Read after each invocation of an online benchmark, from the
 * traffic since {@link TwoPartySession#prepare}; exact summary values as in
 * {@link PerElementCounters}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PartyOnlineTraffic {
    public double onlineBytesPerElemP0;
    public double onlineBytesPerElemP1;
    public double onlineRoundsP0;
    public double onlineRoundsP1;

    private double share;

    @Setup(Level.Iteration)
    public void share(BenchmarkParams params) {
        share = PerElementCounters.iterationShare(params);
    }

    @TearDown(Level.Invocation)
    public void collect(TwoPartySession s) {
        Traffic online = s.sincePrepare();
        long n = s.elements();
        onlineBytesPerElemP0 = PerElementCounters.perElement(online.onlineSent(0), n, share);
        onlineBytesPerElemP1 = PerElementCounters.perElement(online.onlineSent(1), n, share);
        onlineRoundsP0 = online.onlineRounds(0) * share;
        onlineRoundsP1 = online.onlineRounds(1) * share;
    }
}
