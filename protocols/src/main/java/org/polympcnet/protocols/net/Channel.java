package org.polympcnet.protocols.net;

import java.util.EnumMap;
import java.util.Map;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * One endpoint of a two-way, ordered link to a peer (the other party, or the dealer). Messages are
 * words: ring elements travel as 8 bytes each, bit vectors as ceil(n/8) bytes (padding lanes are
 * cleared, so memory and TCP carry the same bits). Sender and receiver make matching calls.
 *
 * <p>Counting: bytes sent and received per {@link Phase}; a round is one message flight, counted
 * at the first send after a receive (or the first send of a phase). When both parties send and
 * then receive, as in an "open", that is one round for each.
 */
public abstract class Channel implements AutoCloseable {
    private final String peerName;
    private Phase phase = Phase.ONLINE;
    private final long[] sent = new long[Phase.values().length];
    private final long[] received = new long[Phase.values().length];
    private final long[] rounds = new long[Phase.values().length];
    private boolean inFlight;

    protected Channel(String peerName) {
        this.peerName = peerName;
    }

    /** Who is at the other end, for error messages: "party 1 at host:port", "the dealer". */
    public String peerName() {
        return peerName;
    }

    public Phase phase() {
        return phase;
    }

    /** Sets the phase that following traffic counts towards; returns the previous one. */
    public Phase setPhase(Phase p) {
        Phase old = phase;
        if (p != phase) inFlight = false;
        phase = p;
        return old;
    }

    public final void sendLongs(long[] data) {
        sendLongs(data, 0, data.length);
    }

    public final void sendLongs(long[] data, int off, int len) {
        countSend(8L * len);
        write(data, off, len, 8 * len, -1);
    }

    /** Sends the n-bit vector in words[off .. off + words(n)). */
    public final void sendBits(long[] words, int off, int nbits) {
        int bytes = BitSlice.wireBytes(nbits);
        countSend(bytes);
        write(words, off, BitSlice.words(nbits), bytes, nbits);
    }

    /** Sends `rows` bit vectors of n lanes each, laid out flat with W = words(n) words a row. */
    public final void sendBitRows(long[] words, int rows, int nbits) {
        int w = BitSlice.words(nbits);
        if ((nbits & 63) == 0) {
            // Word-aligned: one bulk write is byte-for-byte the same as row by row.
            countSend((long) rows * w * 8);
            write(words, 0, rows * w, rows * w * 8, -1);
        } else {
            for (int r = 0; r < rows; r++) sendBits(words, r * w, nbits);
        }
    }

    public final void sendBytes(byte[] data) {
        countSend(data.length);
        writeBytes(data);
    }

    public final long[] receiveLongs(int n) {
        long[] r = new long[n];
        receiveLongs(r, 0, n);
        return r;
    }

    public final void receiveLongs(long[] dst, int off, int len) {
        read(dst, off, len, 8 * len);
        countReceive(8L * len);
    }

    public final void receiveBits(long[] dst, int off, int nbits) {
        int bytes = BitSlice.wireBytes(nbits);
        read(dst, off, BitSlice.words(nbits), bytes);
        countReceive(bytes);
    }

    public final long[] receiveBitRows(int rows, int nbits) {
        int w = BitSlice.words(nbits);
        long[] r = new long[rows * w];
        if ((nbits & 63) == 0) {
            read(r, 0, rows * w, rows * w * 8);
            countReceive((long) rows * w * 8);
        } else {
            for (int i = 0; i < rows; i++) receiveBits(r, i * w, nbits);
        }
        return r;
    }

    public final byte[] receiveBytes(int n) {
        byte[] r = readBytes(n);
        countReceive(n);
        return r;
    }

    /** Ends the current message flight: everything sent so far leaves now. */
    public abstract void flush();

    @Override
    public abstract void close();

    public CommStats stats() {
        Map<Phase, Long> s = new EnumMap<>(Phase.class), r = new EnumMap<>(Phase.class), n = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            s.put(p, sent[p.ordinal()]);
            r.put(p, received[p.ordinal()]);
            n.put(p, rounds[p.ordinal()]);
        }
        return new CommStats(s, r, n);
    }

    private void countSend(long bytes) {
        if (!inFlight) {
            rounds[phase.ordinal()]++;
            inFlight = true;
        }
        sent[phase.ordinal()] += bytes;
    }

    private void countReceive(long bytes) {
        inFlight = false;
        received[phase.ordinal()] += bytes;
    }

    /**
     * Transport: send len words from data[off..], of which only the first wireBytes bytes
     * (little-endian) travel. nbits >= 0 marks a bit vector whose lanes from nbits on must arrive
     * cleared; -1 a ring vector.
     */
    protected abstract void write(long[] data, int off, int len, int wireBytes, int nbits);

    /** Transport: receive len words, of which wireBytes bytes travelled; the rest are zero. */
    protected abstract void read(long[] dst, int off, int len, int wireBytes);

    protected abstract void writeBytes(byte[] data);

    protected abstract byte[] readBytes(int n);
}
