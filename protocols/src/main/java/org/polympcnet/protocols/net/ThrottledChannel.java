package org.polympcnet.protocols.net;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Enforces a {@link NetworkProfile} for real on top of another channel, for measuring a protocol
 * under LAN or WAN conditions on one machine. Each flight is held back at flush by half the RTT
 * (one-way latency) plus its bytes over the bandwidth, then delivered. The sender waits out the
 * delay itself: in the request-response protocols here it would wait for the answer anyway.
 * Counting happens in this wrapper, so the inner channel's counters stay at zero.
 */
public final class ThrottledChannel extends Channel {
    private final Channel inner;
    private final NetworkProfile profile;
    private final List<Object[]> pending = new ArrayList<>();
    private long pendingBytes;

    public ThrottledChannel(Channel inner, NetworkProfile profile) {
        super(inner.peerName());
        this.inner = inner;
        this.profile = profile;
    }

    @Override
    protected void write(long[] data, int off, int len, int wireBytes, int nbits) {
        pending.add(new Object[] {java.util.Arrays.copyOfRange(data, off, off + len), wireBytes, nbits});
        pendingBytes += wireBytes;
    }

    @Override
    protected void writeBytes(byte[] data) {
        pending.add(new Object[] {data.clone()});
        pendingBytes += data.length;
    }

    @Override
    public void flush() {
        if (pending.isEmpty()) return;
        double seconds = profile.projectSeconds(profile.rttSeconds() / 2, 0, pendingBytes);
        try {
            TimeUnit.NANOSECONDS.sleep((long) (seconds * 1e9));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException("interrupted while throttling a flight to " + peerName(), e);
        }
        for (Object[] m : pending) {
            if (m.length == 1) {
                inner.writeBytes((byte[]) m[0]);
            } else {
                long[] d = (long[]) m[0];
                inner.write(d, 0, d.length, (Integer) m[1], (Integer) m[2]);
            }
        }
        pending.clear();
        pendingBytes = 0;
        inner.flush();
    }

    @Override
    protected void read(long[] dst, int off, int len, int wireBytes) {
        flush();
        inner.read(dst, off, len, wireBytes);
    }

    @Override
    protected byte[] readBytes(int n) {
        flush();
        return inner.readBytes(n);
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            inner.close();
        }
    }
}
