package org.polympcnet.protocols.net;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Channel over one TCP connection, for parties in two processes or on two machines. Sends are
 * buffered until {@link #flush()}, then written by a writer thread, so both parties can send a
 * large flight before either reads (a plain blocking write would deadlock once both socket buffers
 * fill). Reads block at most the timeout; a silent or vanished peer ends in a {@link PeerException}
 * that names it.
 */
public final class TcpChannel extends Channel {
    private static final byte[] POISON = new byte[0];

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int timeoutMillis;
    private final BlockingQueue<byte[]> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile IOException writeError;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private byte[] readBuf = new byte[1 << 16];
    private volatile boolean closed;

    private TcpChannel(Socket socket, String peerName, int timeoutMillis) throws IOException {
        super(peerName);
        this.socket = socket;
        this.timeoutMillis = timeoutMillis;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.setReceiveBufferSize(1 << 22);
        socket.setSendBufferSize(1 << 22);
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = socket.getOutputStream();
        this.writer = new Thread(this::writeLoop, "tcp-writer-" + peerName);
        writer.setDaemon(true);
        writer.start();
    }

    /** Waits for one peer to connect on the port. */
    public static TcpChannel accept(ServerSocket server, String peerName, int timeoutMillis) {
        try {
            server.setSoTimeout(timeoutMillis);
            Socket s = server.accept();
            return new TcpChannel(s, peerName + " at " + s.getRemoteSocketAddress(), timeoutMillis);
        } catch (SocketTimeoutException e) {
            throw new PeerException("no connection from " + peerName + " on port " + server.getLocalPort()
                    + " within " + timeoutMillis / 1000.0 + " s (timeout)", e);
        } catch (IOException e) {
            throw new PeerException("accepting " + peerName + " on port " + server.getLocalPort() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Connects to host:port, retrying while the peer is not yet listening, up to the timeout:
     * two processes started together should not have to be started in a fixed order.
     */
    public static TcpChannel connect(String host, int port, String peerName, int timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(host, port), Math.max(1, timeoutMillis));
                return new TcpChannel(s, peerName + " at " + host + ":" + port, timeoutMillis);
            } catch (IOException e) {
                last = e;
                try {
                    s.close();
                    Thread.sleep(100);
                } catch (IOException | InterruptedException ignored) {
                    if (ignored instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        throw new PeerException("cannot connect to " + peerName + " at " + host + ":" + port + " within "
                + timeoutMillis / 1000.0 + " s: " + (last == null ? "interrupted" : last.getMessage()), last);
    }

    private void ensureCapacity(int extra) {
        if (buffer.remaining() < extra) {
            int cap = Math.max(buffer.capacity() * 2, buffer.position() + extra);
            ByteBuffer nb = ByteBuffer.allocate(cap).order(ByteOrder.LITTLE_ENDIAN);
            buffer.flip();
            nb.put(buffer);
            buffer = nb;
        }
    }

    @Override
    protected void write(long[] data, int off, int len, int wireBytes, int nbits) {
        checkWriter();
        ensureCapacity(len * 8);
        int full = wireBytes / 8;
        int start = buffer.position();
        buffer.asLongBuffer().put(data, off, full);
        buffer.position(start + full * 8);
        int rest = wireBytes - full * 8;
        if (rest > 0) {
            long last = data[off + full];
            if (nbits >= 0 && (nbits & 63) != 0) last &= (1L << (nbits & 63)) - 1;
            for (int i = 0; i < rest; i++) buffer.put((byte) (last >>> (8 * i)));
        }
    }

    @Override
    protected void writeBytes(byte[] data) {
        checkWriter();
        ensureCapacity(data.length);
        buffer.put(data);
    }

    @Override
    public void flush() {
        checkWriter();
        if (buffer.position() == 0) return;
        byte[] msg = new byte[buffer.position()];
        buffer.flip();
        buffer.get(msg);
        buffer.clear();
        pending.add(msg);
    }

    private void writeLoop() {
        try {
            while (true) {
                byte[] m = pending.take();
                if (m == POISON) break;
                out.write(m);
                out.flush();
            }
        } catch (IOException e) {
            writeError = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkWriter() {
        if (closed) throw new IllegalStateException("channel to " + peerName() + " is closed");
        if (writeError != null) throw new PeerException("sending to " + peerName() + " failed: " + writeError.getMessage(), writeError);
    }

    private void readFully(byte[] b, int n) {
        int got = 0;
        try {
            while (got < n) {
                int k = in.read(b, got, n - got);
                if (k < 0) throw new EOFException();
                got += k;
            }
        } catch (SocketTimeoutException e) {
            throw new PeerException(peerName() + " sent nothing for " + timeoutMillis / 1000.0 + " s (timeout)", e);
        } catch (EOFException e) {
            throw new PeerException(peerName() + " closed the connection", e);
        } catch (IOException e) {
            throw new PeerException("reading from " + peerName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    protected void read(long[] dst, int off, int len, int wireBytes) {
        flush(); // a receive ends our flight; never wait for an answer to a message still in our buffer
        int chunkWords = readBuf.length / 8;
        int doneBytes = 0;
        while (doneBytes < wireBytes) {
            int k = Math.min(wireBytes - doneBytes, chunkWords * 8);
            readFully(readBuf, k);
            int words = k / 8;
            ByteBuffer.wrap(readBuf, 0, words * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(dst, off, words);
            off += words;
            int rest = k - words * 8;
            if (rest > 0) {
                long v = 0;
                for (int i = 0; i < rest; i++) v |= (readBuf[words * 8 + i] & 0xFFL) << (8 * i);
                dst[off++] = v;
            }
            doneBytes += k;
        }
        // Words beyond what travelled stay zero; callers pass zeroed destinations.
    }

    @Override
    protected byte[] readBytes(int n) {
        flush();
        byte[] r = new byte[n];
        readFully(r, n);
        return r;
    }

    @Override
    public void close() {
        if (closed) return;
        try {
            flush();
        } catch (RuntimeException ignored) {
            // the peer is gone; closing anyway
        }
        closed = true;
        pending.add(POISON);
        try {
            writer.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do with a socket that fails to close
        }
    }

    /** A listening socket, bound before the peer is told where to connect. */
    public static ServerSocket listen(int port) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return s;
        } catch (IOException e) {
            throw new PeerException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }
}
