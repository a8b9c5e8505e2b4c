package org.polympcnet.protocols.net;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * In-memory channel for two parties (or a party and the dealer) running as threads of one JVM.
 * Messages are copied word arrays handed over through unbounded queues, so both sides may send
 * before either receives without deadlock. A receive that waits longer than the timeout, or finds
 * the peer closed, ends with a {@link PeerException} naming the peer.
 */
public final class MemoryChannel extends Channel {
    private static final Object CLOSED = new Object();

    private final BlockingQueue<Object> inbox;
    private final BlockingQueue<Object> outbox;
    private final long timeoutMillis;
    private long[] head;
    private int headPos;
    private volatile boolean closed;

    private MemoryChannel(String peerName, BlockingQueue<Object> inbox, BlockingQueue<Object> outbox, long timeoutMillis) {
        super(peerName);
        this.inbox = inbox;
        this.outbox = outbox;
        this.timeoutMillis = timeoutMillis;
    }

    /** Two connected endpoints: [0] talks to "nameB" (its peer), [1] to "nameA". */
    public static MemoryChannel[] pair(String nameA, String nameB, long timeoutMillis) {
        BlockingQueue<Object> ab = new LinkedBlockingQueue<>(), ba = new LinkedBlockingQueue<>();
        return new MemoryChannel[] {
            new MemoryChannel(nameB, ba, ab, timeoutMillis),
            new MemoryChannel(nameA, ab, ba, timeoutMillis),
        };
    }

    @Override
    protected void write(long[] data, int off, int len, int wireBytes, int nbits) {
        ensureOpen();
        long[] copy = Arrays.copyOfRange(data, off, off + len);
        if (nbits >= 0) BitSlice.clearPadding(copy, 0, nbits);
        outbox.add(copy);
    }

    @Override
    protected void read(long[] dst, int off, int len, int wireBytes) {
        while (len > 0) {
            if (head == null || headPos == head.length) {
                Object m = take();
                if (!(m instanceof long[])) throw new PeerException("protocol error: expected words from " + peerName() + ", got bytes");
                head = (long[]) m;
                headPos = 0;
            }
            int k = Math.min(len, head.length - headPos);
            System.arraycopy(head, headPos, dst, off, k);
            headPos += k;
            off += k;
            len -= k;
        }
    }

    @Override
    protected void writeBytes(byte[] data) {
        ensureOpen();
        outbox.add(data.clone());
    }

    @Override
    protected byte[] readBytes(int n) {
        Object m = take();
        if (!(m instanceof byte[]) || ((byte[]) m).length != n) {
            throw new PeerException("protocol error: expected a " + n + "-byte message from " + peerName());
        }
        return (byte[]) m;
    }

    private Object take() {
        Object m = spinPoll();
        try {
            if (m == null) m = inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException("interrupted while waiting for " + peerName(), e);
        }
        if (m == null) throw new PeerException(peerName() + " sent nothing for " + timeoutMillis / 1000.0 + " s (timeout)");
        if (m == CLOSED) {
            inbox.add(CLOSED); // stay closed for later reads
            throw new PeerException(peerName() + " closed the connection");
        }
        return m;
    }

    /**
     * Waits up to {@link #SPIN_NANOS} for a message without giving up the core. The parties
     * exchange a flight every few microseconds of work, so the message usually comes soon; a
     * thread that parks instead must be woken, which on this machine's VM (an idle vCPU halts)
     * cost 20-40 us a flight, more than most flights of a small op, and sometimes not (the vCPU
     * was still polling), which made small ops' latencies bimodal. Spinning for about one wake-up
     * bounds the waste at twice the best choice made in hindsight (the classic spin-then-block
     * argument); a longer wait parks as before.
     */
    private Object spinPoll() {
        Object m = inbox.poll();
        if (m != null) return m;
        long end = System.nanoTime() + SPIN_NANOS;
        do {
            Thread.onSpinWait();
            if (!inbox.isEmpty()) return inbox.poll();
        } while (System.nanoTime() < end);
        return inbox.poll();
    }

    /** How long a receive spins before it parks: about one wake-up of a parked thread here. */
    static final long SPIN_NANOS = 50_000;

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("channel to " + peerName() + " is closed");
    }

    @Override
    public void flush() {
        // Messages are delivered at send time; nothing is buffered.
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            outbox.add(CLOSED);
        }
    }
}
