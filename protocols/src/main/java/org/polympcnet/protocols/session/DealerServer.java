package org.polympcnet.protocols.session;

import java.io.IOException;
import java.net.ServerSocket;
import org.polympcnet.protocols.correlation.dealer.Dealer;
import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.TcpChannel;

/**
 * The dealer as a network service: accepts the two parties on one port (in either order),
 * serves their session, and returns. Used by {@code polympc dealer --listen PORT} and by
 * in-process runs over TCP.
 */
public final class DealerServer implements AutoCloseable {
    private final ServerSocket server;
    private final int timeoutMillis;
    private CommStats[] stats;
    private long requests;

    public DealerServer(int port, int timeoutMillis) {
        this.server = TcpChannel.listen(port);
        this.timeoutMillis = timeoutMillis;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Serves one session of two parties; throws with a clear message on any failure. */
    public void serveOne() {
        TcpChannel a = TcpChannel.accept(server, "a party", timeoutMillis);
        TcpChannel b = null;
        Dealer d = null;
        try {
            b = TcpChannel.accept(server, "the second party", timeoutMillis);
            d = new Dealer(a, b);
            d.serve();
        } finally {
            if (d != null) {
                stats = new CommStats[] {d.channel(0).stats(), d.channel(1).stats()};
                requests = d.requestsServed();
            }
            a.close();
            if (b != null) b.close();
        }
    }

    /** The dealer's traffic with party 0 and party 1 after {@link #serveOne()}. */
    public CommStats[] stats() {
        return stats;
    }

    public long requestsServed() {
        return requests;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a listening socket cannot lose data
        }
    }
}
