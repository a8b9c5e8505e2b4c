package org.polympcnet.protocols.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ChannelTest {
    /** Both ends of a link: memory, or TCP on loopback. */
    private static Channel[] link(boolean tcp, int timeoutMillis) throws Exception {
        if (!tcp) return MemoryChannel.pair("A", "B", timeoutMillis);
        try (ServerSocket s = TcpChannel.listen(0)) {
            CompletableFuture<TcpChannel> a = CompletableFuture.supplyAsync(() -> TcpChannel.accept(s, "B", timeoutMillis));
            TcpChannel b = TcpChannel.connect("127.0.0.1", s.getLocalPort(), "A", timeoutMillis);
            return new Channel[] {a.get(), b};
        }
    }

    @Test
    void countsBytesAndRoundsOfAnExchangeOverBothTransports() throws Exception {
        for (boolean tcp : new boolean[] {false, true}) {
            Channel[] c = link(tcp, 5000);
            try {
                // Round 1: both send at once (an open). Round 2: again, with a 65-bit vector.
                for (Channel ch : c) {
                    ch.sendLongs(new long[] {1, 2, 3});
                    ch.flush();
                }
                assertArrayEquals(new long[] {1, 2, 3}, c[0].receiveLongs(3));
                assertArrayEquals(new long[] {1, 2, 3}, c[1].receiveLongs(3));
                long[] bits = {-1L, -1L};
                c[0].sendBits(bits, 0, 65);
                c[0].flush();
                long[] got = new long[2];
                c[1].receiveBits(got, 0, 65);
                assertArrayEquals(new long[] {-1L, 1L}, got, "padding lanes arrive cleared");
                CommStats s0 = c[0].stats(), s1 = c[1].stats();
                assertEquals(24 + 9, s0.sent(Phase.ONLINE));
                assertEquals(2, s0.rounds(Phase.ONLINE));
                assertEquals(1, s1.rounds(Phase.ONLINE));
                assertEquals(24 + 9, s1.received(Phase.ONLINE));
            } finally {
                c[0].close();
                c[1].close();
            }
        }
    }

    @Test
    void largeSimultaneousFlightsDoNotDeadlockOverTcp() throws Exception {
        Channel[] c = link(true, 10_000);
        try {
            long[] big = new long[1 << 20]; // 8 MiB each way, far above socket buffers
            for (int i = 0; i < big.length; i++) big[i] = i;
            CompletableFuture<long[]> other = CompletableFuture.supplyAsync(() -> {
                c[1].sendLongs(big);
                c[1].flush();
                return c[1].receiveLongs(big.length);
            });
            c[0].sendLongs(big);
            c[0].flush();
            assertArrayEquals(big, c[0].receiveLongs(big.length));
            assertArrayEquals(big, other.get());
        } finally {
            c[0].close();
            c[1].close();
        }
    }

    @Test
    void silentPeerTimesOutNamingIt() throws Exception {
        for (boolean tcp : new boolean[] {false, true}) {
            Channel[] c = link(tcp, 300);
            try {
                PeerException e = assertThrows(PeerException.class, () -> c[0].receiveLongs(1));
                assertTrue(e.getMessage().contains("B") && e.getMessage().contains("timeout"), e.getMessage());
            } finally {
                c[0].close();
                c[1].close();
            }
        }
    }

    @Test
    void closedPeerIsReportedNotAwaited() throws Exception {
        for (boolean tcp : new boolean[] {false, true}) {
            Channel[] c = link(tcp, 10_000);
            c[1].close();
            long t0 = System.nanoTime();
            PeerException e = assertThrows(PeerException.class, () -> c[0].receiveLongs(1));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "did not wait for the timeout");
            c[0].close();
        }
    }

    @Test
    void phasesAreCountedApart() {
        Channel[] c = MemoryChannel.pair("A", "B", 1000);
        c[0].setPhase(Phase.SETUP);
        c[0].sendLongs(new long[2]);
        c[0].setPhase(Phase.ONLINE);
        c[0].sendLongs(new long[1]);
        CommStats s = c[0].stats();
        assertEquals(16, s.sent(Phase.SETUP));
        assertEquals(8, s.sent(Phase.ONLINE));
        assertEquals(1, s.rounds(Phase.SETUP));
        assertEquals(1, s.rounds(Phase.ONLINE));
    }

    @Test
    void networkProfilesProjectTime() {
        assertEquals(0.3e-3 * 8 + 1e6 * 8 / 3e9, NetworkProfile.LAN.projectSeconds(0, 8, 1_000_000), 1e-12);
        assertEquals(40e-3, NetworkProfile.parse("wan").projectSeconds(0, 1, 0), 1e-12);
        assertEquals(1.5, NetworkProfile.NONE.projectSeconds(1.5, 100, 1L << 40), 0);
        NetworkProfile custom = NetworkProfile.parse("custom:100:10");
        assertEquals(10e-3 + 1.0, custom.projectSeconds(0, 1, 12_500_000), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> NetworkProfile.parse("fast"));
    }

    @Test
    void throttledChannelDelaysEachFlightByLatencyAndBandwidth() {
        Channel[] c = MemoryChannel.pair("A", "B", 5000);
        NetworkProfile slow = NetworkProfile.parse("custom:8:200"); // 1 MB/s, 200 ms RTT
        Channel a = new ThrottledChannel(c[0], slow);
        long t0 = System.nanoTime();
        a.sendLongs(new long[12_500]); // 100 kB: 0.1 s on the wire, plus 0.1 s one-way latency
        a.flush();
        long[] got = c[1].receiveLongs(12_500);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(12_500, got.length);
        assertTrue(seconds >= 0.19, "took " + seconds + " s, want at least 0.2 s");
        assertEquals(100_000, a.stats().sent(Phase.ONLINE));
        assertEquals(0, c[0].stats().sent(Phase.ONLINE), "the wrapper counts, not the inner channel");
        a.close();
    }

    /**
     * A memory receive first spins, then parks: messages that come within the spin window, after
     * it (the receiver parked), and already queued all arrive, in order.
     */
    @Test
    void memoryReceiveGetsMessagesThatComeWhileSpinningAndAfterParking() throws Exception {
        MemoryChannel[] c = MemoryChannel.pair("A", "B", 5000);
        long[] delaysNanos = {0, 5_000, 20 * MemoryChannel.SPIN_NANOS, 1_000};
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < delaysNanos.length; i++) {
                long end = System.nanoTime() + delaysNanos[i];
                while (System.nanoTime() < end) Thread.onSpinWait();
                c[1].sendLongs(new long[] {i, -i});
                c[1].flush();
            }
        });
        for (int i = 0; i < delaysNanos.length; i++) assertArrayEquals(new long[] {i, -i}, c[0].receiveLongs(2), "message " + i);
        sender.get();
        c[0].close();
        c[1].close();
    }
}
