package org.polympcnet.benchmarks.harness;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.polympcnet.protocols.correlation.CorrelationSource;
import org.polympcnet.protocols.correlation.dealer.DealerClient;
import org.polympcnet.protocols.correlation.dealer.InProcessDealer;
import org.polympcnet.protocols.correlation.ot.OtCorrelations;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.MemoryChannel;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.Handshake;
import org.polympcnet.protocols.session.PartyTask;
import org.polympcnet.protocols.session.SessionParams;

/**
 * A two-party session that stays up across many runs: party 0 and party 1 each live on their
 * own long-lived thread, linked by in-memory channels, with the trusted dealer on a third
 * thread, or with no dealer at all when the correlations come from OT ({@link Correlations}).
 * It is {@link org.polympcnet.protocols.session.LocalSession} kept open, so a benchmark can
 * prepare an op (offline: both parties fetch correlations from the dealer, or make them by OT)
 * in one call and apply it (online: the parties talk to each other) in the next, and time only
 * the second. With OT, the base OTs (2 x 128 Chou-Orlandi OTs, one IKNP instance each way) run
 * once, when the fixture starts, and are counted in {@link #setupTraffic()} only.
 *
 * <p>{@link #run} hands each party its task and waits for both; the two tasks run concurrently,
 * as two processes would. The only cost besides the parties' own work is waking the two party
 * threads and the caller (tens of microseconds; {@code FixtureBenchmark} measures it). If a
 * party fails, every link is closed so the other fails at once instead of waiting for its
 * timeout, the first error is rethrown and the fixture refuses further runs.
 *
 * <p>Security model as in the protocols: semi-honest parties, and with DEALER a dealer that
 * colludes with neither. Threads: a fixture is driven by one caller thread at a time.
 */
public final class TwoPartyFixture implements AutoCloseable {
    private final FixedPoint fp;
    private final Truncation.Mode truncation;
    private final Correlations correlations;
    private final MemoryChannel[] peer;
    private final InProcessDealer dealer; // null with OT correlations
    private final Channel[] dealerLink = new Channel[2];
    private final ExecutorService[] thread = new ExecutorService[2];
    private final Party[] party = new Party[2];
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Traffic setupTraffic;
    private boolean closed;

    /** Both results of a run, by party. */
    public record Both<R>(R party0, R party1) {
        public R of(int id) {
            return id == 0 ? party0 : party1;
        }
    }

    /** A session with the trusted dealer. */
    public TwoPartyFixture(FixedPoint fp, Truncation.Mode truncation, long timeoutMillis) {
        this(fp, truncation, Correlations.DEALER, timeoutMillis);
    }

    /**
     * Starts the party threads, runs the session handshake and sets up the correlation source:
     * with DEALER, starts the dealer and connects both parties to it; with OT, runs the base OTs
     * of both IKNP instances on the parties' link. timeoutMillis bounds any single wait for the
     * peer or the dealer.
     */
    public TwoPartyFixture(FixedPoint fp, Truncation.Mode truncation, Correlations correlations, long timeoutMillis) {
        this.fp = fp;
        this.truncation = truncation;
        this.correlations = correlations;
        this.peer = MemoryChannel.pair("party 0", "party 1", timeoutMillis);
        this.dealer = correlations == Correlations.DEALER ? new InProcessDealer(timeoutMillis) : null;
        for (int id = 0; id < 2; id++) {
            final String name = "party-" + id;
            thread[id] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            if (dealer != null) dealerLink[id] = dealer.partyChannel(id);
        }
        SessionParams params = new SessionParams()
                .put("program", "jmh")
                .put("fracBits", fp.fracBits())
                .put("truncation", truncation.json())
                .put("correlations", correlations.json());
        try {
            // Both parties must say hello to the dealer concurrently: it answers once both arrived.
            // The base OTs likewise need both parties at once.
            Both<Party> ps = runAtBoth(id -> {
                Handshake.run(peer[id], id, params);
                CorrelationSource source = dealer != null
                        ? new DealerClient(id, dealerLink[id])
                        : new OtCorrelations(id, peer[id]);
                return new Party(id, peer[id], source, fp, truncation);
            });
            party[0] = ps.party0();
            party[1] = ps.party1();
            setupTraffic = traffic();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    public FixedPoint fixedPoint() {
        return fp;
    }

    public Truncation.Mode truncation() {
        return truncation;
    }

    public Correlations correlations() {
        return correlations;
    }

    /**
     * Traffic of starting the session, before any op: the handshake, and with OT the base OTs
     * (one-time, so the per-op counters leave it out).
     */
    public Traffic setupTraffic() {
        return setupTraffic;
    }

    /** Runs the same task at both parties (it tells them apart by {@code p.id}). */
    public <R> Both<R> run(PartyTask<R> task) {
        return run(task, task);
    }

    /** Runs task0 at party 0 and task1 at party 1, concurrently; returns when both are done. */
    public <R> Both<R> run(PartyTask<R> task0, PartyTask<R> task1) {
        if (party[0] == null) throw new IllegalStateException("fixture is not started");
        return runAtBoth(id -> (id == 0 ? task0 : task1).run(party[id]));
    }

    private interface Body<R> {
        R run(int id) throws Exception;
    }

    private <R> Both<R> runAtBoth(Body<R> body) {
        if (closed) throw new IllegalStateException("fixture is closed");
        if (failure.get() != null) throw new IllegalStateException("fixture is broken by an earlier failure", failure.get());
        CompletableFuture<R> f0 = submit(0, body), f1 = submit(1, body);
        try {
            return new Both<>(f0.join(), f1.join());
        } catch (CompletionException e) {
            // Both futures are done or failing now (fail() closed every link); report the first error.
            Throwable first = failure.get() != null ? failure.get() : e.getCause();
            if (first instanceof RuntimeException) throw (RuntimeException) first;
            if (first instanceof Error) throw (Error) first;
            throw new IllegalStateException("a party failed: " + first, first);
        }
    }

    private <R> CompletableFuture<R> submit(int id, Body<R> body) {
        CompletableFuture<R> f = new CompletableFuture<>();
        thread[id].execute(() -> {
            try {
                f.complete(body.run(id));
            } catch (Throwable t) {
                fail(t);
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    /** Unblocks the other party, which would otherwise wait for this one until its timeout. */
    private void fail(Throwable t) {
        failure.compareAndSet(null, t);
        closeLinks();
    }

    private void closeLinks() {
        for (Channel c : peer) c.close();
        for (Channel c : dealerLink) if (c != null) c.close();
    }

    /**
     * Both parties' traffic so far (with OT, the dealer links are empty). Read it between runs
     * only: the counters belong to the party threads, and finishing a run is what makes their
     * writes visible here.
     */
    public Traffic traffic() {
        return new Traffic(
                new CommStats[] {peer[0].stats(), peer[1].stats()},
                new CommStats[] {dealerStats(0), dealerStats(1)});
    }

    private CommStats dealerStats(int id) {
        return dealerLink[id] == null ? CommStats.empty() : dealerLink[id].stats();
    }

    /** Ends the dealer session (each party sends END), stops the threads, closes every link. */
    @Override
    public void close() {
        if (closed) return;
        try {
            if (failure.get() == null && party[0] != null) {
                run(p -> {
                    p.correlations.close();
                    return null;
                });
                if (dealer != null) dealer.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            closeLinks();
            for (ExecutorService t : thread) {
                t.shutdownNow();
                try {
                    t.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
