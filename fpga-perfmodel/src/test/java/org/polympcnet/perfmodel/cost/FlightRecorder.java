package org.polympcnet.perfmodel.cost;

import java.util.ArrayList;
import java.util.List;
import org.polympcnet.protocols.net.Channel;

/**
 * A channel that passes everything to the party's real channel and records the bytes of each
 * message flight it sends (a flight starts at the first send after a receive), so tests can hold
 * the cost model's step-by-step flights to what the op really sends.
 */
final class FlightRecorder extends Channel {
    private final Channel inner;
    private final List<Long> flights = new ArrayList<>();
    private boolean receivedSinceSend = true;

    FlightRecorder(Channel inner) {
        super(inner.peerName());
        this.inner = inner;
    }

    List<Long> flights() {
        return List.copyOf(flights);
    }

    private void sending(long bytes) {
        if (receivedSinceSend) {
            flights.add(0L);
            receivedSinceSend = false;
        }
        flights.set(flights.size() - 1, flights.get(flights.size() - 1) + bytes);
    }

    @Override
    protected void write(long[] data, int off, int len, int wireBytes, int nbits) {
        sending(wireBytes);
        if (nbits < 0) inner.sendLongs(data, off, len);
        else inner.sendBits(data, off, nbits);
    }

    @Override
    protected void read(long[] dst, int off, int len, int wireBytes) {
        receivedSinceSend = true;
        if (wireBytes == 8 * len) inner.receiveLongs(dst, off, len);
        else inner.receiveBits(dst, off, wireBytes * 8);
    }

    @Override
    protected void writeBytes(byte[] data) {
        sending(data.length);
        inner.sendBytes(data);
    }

    @Override
    protected byte[] readBytes(int n) {
        receivedSinceSend = true;
        return inner.receiveBytes(n);
    }

    @Override
    public void flush() {
        inner.flush();
    }

    @Override
    public void close() {
        inner.close();
    }
}
