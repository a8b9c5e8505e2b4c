package org.polympcnet.benchmarks.harness;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.PartyTask;

/**
 * The JMH face of a {@link TwoPartyFixture}: one two-party session per trial (one @Param point
 * in one fork), shared by the benchmark and by the counter states that read its traffic. The
 * benchmark opens it from its own {@code @Setup(Level.Trial)}, because the truncation mode and the
 * correlation source are among the benchmark's parameters.
 *
 * <p>The split that the benchmarks time: {@link #prepare} is the offline phase of an op (both
 * parties fetch correlations from the dealer, or make them by OT) and runs in an untimed
 * {@code @Setup}; {@link #run} is whatever the timed method asks of the two parties (an
 * all-phases benchmark prepares and applies the op in one run).
 */
@State(Scope.Benchmark)
public class TwoPartySession {
    /** Longest single wait for the peer or the dealer; large enough for n = 2^20 on 2 cores. */
    static final long TIMEOUT_MILLIS = 10 * 60_000;

    private TwoPartyFixture fixture;
    private long elements;
    private Traffic beforePrepare, afterPrepare;

    /**
     * Starts the session, with the dealer, for a trial whose op handles `elements` values per
     * invocation (the denominator of every per-element counter).
     */
    public TwoPartyFixture open(Truncation.Mode truncation, long elements) {
        return open(truncation, Correlations.DEALER, elements);
    }

    /** As above, with the given correlation source (OT: the base OTs run here, once per trial). */
    public TwoPartyFixture open(Truncation.Mode truncation, Correlations correlations, long elements) {
        if (fixture != null) throw new IllegalStateException("two-party session already open");
        if (elements <= 0) throw new IllegalArgumentException("elements must be positive, got " + elements);
        this.elements = elements;
        this.fixture = new TwoPartyFixture(FixedPoint.standard(), truncation, correlations, TIMEOUT_MILLIS);
        return fixture;
    }

    public FixedPoint fixedPoint() {
        return fixture().fixedPoint();
    }

    public Correlations correlations() {
        return fixture().correlations();
    }

    public long elements() {
        return elements;
    }

    /**
     * The offline phase of an op at both parties: `make` constructs it, which fetches its
     * correlations from the dealer. Records the traffic before and after, for the counters.
     */
    public <O> Both<O> prepare(PartyTask<O> make) {
        TwoPartyFixture f = fixture();
        beforePrepare = f.traffic();
        Both<O> ops = f.run(p -> {
            O op = make.run(p);
            startOnline(p);
            return op;
        });
        afterPrepare = f.traffic();
        return ops;
    }

    /**
     * Makes the op's first message a new flight, so its rounds are counted from 1 whatever the
     * previous op (or the OT of the offline phase) ended with. Call between preparing an op and
     * applying it; free.
     */
    public static void startOnline(Party p) {
        p.peer.setPhase(Phase.IO);
        p.peer.setPhase(Phase.ONLINE);
    }

    /** Runs the task at both parties concurrently and returns both results. */
    public <R> Both<R> run(PartyTask<R> task) {
        return fixture().run(task);
    }

    public Traffic traffic() {
        return fixture().traffic();
    }

    /** Traffic of opening the session: the handshake, and with OT the one-time base OTs. */
    public Traffic setupTraffic() {
        return fixture().setupTraffic();
    }

    /** Traffic of the last {@link #prepare}: its offline phase. */
    public Traffic lastPrepare() {
        if (afterPrepare == null) throw new IllegalStateException("nothing prepared yet");
        return afterPrepare.minus(beforePrepare);
    }

    /** Traffic since the last {@link #prepare} ended: the online phase that used it. */
    public Traffic sincePrepare() {
        if (afterPrepare == null) throw new IllegalStateException("nothing prepared yet");
        return traffic().minus(afterPrepare);
    }

    private TwoPartyFixture fixture() {
        if (fixture == null) throw new IllegalStateException("two-party session not open: call open() from @Setup(Level.Trial)");
        return fixture;
    }

    @TearDown(Level.Trial)
    public void close() {
        if (fixture != null) fixture.close();
        fixture = null;
    }
}
