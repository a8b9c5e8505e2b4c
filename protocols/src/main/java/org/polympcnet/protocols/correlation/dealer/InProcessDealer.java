package org.polympcnet.protocols.correlation.dealer;

import java.util.concurrent.atomic.AtomicReference;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.MemoryChannel;

/**
 * The dealer as a thread of this JVM, linked to the two parties by in-memory channels: for
 * in-process runs, tests and benchmarks. The parties build their {@link DealerClient}s on
 * {@link #partyChannel(int)}; {@link #join()} waits for the session to end and rethrows its error.
 */
public final class InProcessDealer {
    private final Channel[] partySide = new Channel[2];
    private final Channel[] dealerSide = new Channel[2];
    private final Thread thread;
    private final AtomicReference<Throwable> error = new AtomicReference<>();
    private volatile Dealer dealer;

    public InProcessDealer(long timeoutMillis) {
        this(timeoutMillis, null, null);
    }

    /** Fixed seeds make a test's correlations reproducible; production passes null (SecureRandom). */
    public InProcessDealer(long timeoutMillis, byte[] seed0, byte[] seed1) {
        for (int p = 0; p < 2; p++) {
            MemoryChannel[] pair = MemoryChannel.pair("party " + p, "the dealer", timeoutMillis);
            partySide[p] = pair[0];
            dealerSide[p] = pair[1];
        }
        thread = new Thread(() -> {
            try {
                dealer = new Dealer(dealerSide[0], dealerSide[1], seed0, seed1);
                dealer.serve();
            } catch (Throwable t) {
                error.set(t);
            } finally {
                dealerSide[0].close();
                dealerSide[1].close();
            }
        }, "dealer");
        thread.setDaemon(true);
        thread.start();
    }

    public Channel partyChannel(int p) {
        return partySide[p];
    }

    /** The dealer's own traffic with party p (what it sent is party p's offline download). */
    public CommStats dealerStats(int p) {
        return dealerSide[p].stats();
    }

    public void join() throws InterruptedException {
        thread.join();
        Throwable t = error.get();
        if (t instanceof RuntimeException) throw (RuntimeException) t;
        if (t instanceof Error) throw (Error) t;
        if (t != null) throw new IllegalStateException(t);
    }
}
