package org.polympcnet.protocols.session;

import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.polympcnet.protocols.correlation.CorrelationSource;
import org.polympcnet.protocols.correlation.dealer.DealerClient;
import org.polympcnet.protocols.correlation.ot.OtCorrelations;
import org.polympcnet.protocols.correlation.dealer.InProcessDealer;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.MemoryChannel;
import org.polympcnet.protocols.net.TcpChannel;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * Both parties and the dealer in this JVM: party 0 and party 1 as two threads, the dealer as a
 * third, linked in memory or over loopback TCP. Runs the handshake, then each party's task, and
 * returns both results with each party's traffic. If one party fails, the other's links are
 * closed so it fails at once too, and the first error is rethrown.
 */
public final class LocalSession {
    private final FixedPoint fp;
    private final Truncation.Mode truncation;
    private final Transport transport;
    private final int timeoutMillis;
    private byte[] seed0, seed1;
    private String correlations = "dealer";

    public LocalSession(FixedPoint fp, Truncation.Mode truncation, Transport transport, int timeoutMillis) {
        this.fp = fp;
        this.truncation = truncation;
        this.transport = transport;
        this.timeoutMillis = timeoutMillis;
    }

    /** Fixed dealer seeds, for reproducible tests only. */
    public LocalSession withDealerSeeds(byte[] s0, byte[] s1) {
        this.seed0 = s0;
        this.seed1 = s1;
        return this;
    }

    /** Where correlations come from: "dealer" (a third thread or process) or "ot" (the parties alone). */
    public LocalSession withCorrelations(String mode) {
        if (!mode.equals("dealer") && !mode.equals("ot")) {
            throw new IllegalArgumentException("unknown correlation source '" + mode + "': use dealer or ot");
        }
        this.correlations = mode;
        return this;
    }

    /** Results and traffic of one run. */
    public record Result<R>(R party0, R party1, CommStats[] peer, CommStats[] dealerLink, long wallNanos) {}

    public <R> Result<R> run(SessionParams params, PartyTask<R> task0, PartyTask<R> task1) throws Exception {
        params.put("correlations", correlations);
        Channel[] peer = new Channel[2];
        Channel[] dealer = new Channel[2];
        InProcessDealer memDealer = null;
        DealerServer tcpDealer = null;
        Thread tcpDealerThread = null;
        final Exception[] dealerError = new Exception[1];
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "party");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            boolean ot = correlations.equals("ot");
            if (transport == Transport.MEMORY) {
                MemoryChannel[] pair = MemoryChannel.pair("party 0", "party 1", timeoutMillis);
                peer[0] = pair[0];
                peer[1] = pair[1];
                if (!ot) {
                    memDealer = new InProcessDealer(timeoutMillis, seed0, seed1);
                    dealer[0] = memDealer.partyChannel(0);
                    dealer[1] = memDealer.partyChannel(1);
                }
            } else {
                if (!ot) {
                    tcpDealer = new DealerServer(0, timeoutMillis);
                    DealerServer ds = tcpDealer;
                    tcpDealerThread = new Thread(() -> {
                        try {
                            ds.serveOne();
                        } catch (Exception e) {
                            dealerError[0] = e;
                        }
                    }, "dealer");
                    tcpDealerThread.setDaemon(true);
                    tcpDealerThread.start();
                }
                try (ServerSocket server = TcpChannel.listen(0)) {
                    int port = server.getLocalPort();
                    Future<TcpChannel> accepted = pool.submit(() -> TcpChannel.accept(server, "party 1", timeoutMillis));
                    peer[1] = TcpChannel.connect("127.0.0.1", port, "party 0", timeoutMillis);
                    peer[0] = accepted.get();
                }
                if (!ot) {
                    dealer[0] = TcpChannel.connect("127.0.0.1", tcpDealer.port(), "the dealer", timeoutMillis);
                    dealer[1] = TcpChannel.connect("127.0.0.1", tcpDealer.port(), "the dealer", timeoutMillis);
                }
            }
            final Channel[] pc = peer, dc = dealer;
            Future<R> f0 = pool.submit(() -> runParty(0, pc, dc, params, task0));
            Future<R> f1 = pool.submit(() -> runParty(1, pc, dc, params, task1));
            R r0 = awaitBoth(f0, f1);
            R r1;
            try {
                r1 = f1.get();
            } catch (ExecutionException e) {
                throw unwrap(e);
            }
            long wall = System.nanoTime() - start;
            if (memDealer != null) memDealer.join();
            if (tcpDealerThread != null) {
                tcpDealerThread.join(timeoutMillis);
                if (dealerError[0] != null) throw dealerError[0];
            }
            CommStats[] dealerStats = ot ? new CommStats[] {CommStats.empty(), CommStats.empty()}
                    : new CommStats[] {dealer[0].stats(), dealer[1].stats()};
            return new Result<>(r0, r1, new CommStats[] {peer[0].stats(), peer[1].stats()}, dealerStats, wall);
        } finally {
            for (Channel c : peer) if (c != null) c.close();
            for (Channel c : dealer) if (c != null) c.close();
            if (tcpDealer != null) tcpDealer.close();
            pool.shutdownNow();
        }
    }

    private <R> R runParty(int id, Channel[] peer, Channel[] dealer, SessionParams params, PartyTask<R> task) throws Exception {
        try {
            Handshake.run(peer[id], id, params);
            try (CorrelationSource corr = dealer[id] == null ? new OtCorrelations(id, peer[id]) : new DealerClient(id, dealer[id])) {
                Party p = new Party(id, peer[id], corr, fp, truncation);
                return task.run(p);
            }
        } catch (Exception | Error e) {
            // Unblock the other party: it would otherwise wait for us until its timeout.
            peer[id].close();
            if (dealer[id] != null) dealer[id].close();
            throw e;
        }
    }

    /** Waits for f0, but if f1 fails first, reports f1's error (the root cause) instead. */
    private static <R> R awaitBoth(Future<R> f0, Future<R> f1) throws Exception {
        while (true) {
            if (f1.isDone() && !f0.isDone()) {
                try {
                    f1.get();
                } catch (ExecutionException e) {
                    throw unwrap(e);
                }
            }
            try {
                return f0.get(20, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // keep waiting
            } catch (ExecutionException e) {
                if (f1.isDone()) {
                    try {
                        f1.get();
                    } catch (ExecutionException e1) {
                        Throwable c1 = e1.getCause();
                        if (!(c1 instanceof org.polympcnet.protocols.net.PeerException)) throw unwrap(e1);
                    }
                }
                throw unwrap(e);
            }
        }
    }

    private static Exception unwrap(ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof Exception) return (Exception) c;
        if (c instanceof Error) throw (Error) c;
        return e;
    }

    public FixedPoint fixedPoint() {
        return fp;
    }
}
