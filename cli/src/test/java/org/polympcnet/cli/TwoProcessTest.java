package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * Runs across processes: the dealer and both parties as three real JVMs on loopback, or two
 * without a dealer (--correlations ot), and the failure cases (mismatch, absent peer, vanished or
 * silent peer), which must end with a non-zero exit and a message naming the peer or the field.
 */
class TwoProcessTest {
    @TempDir
    Path dir;

    private Jvms jvms;

    @BeforeEach
    void jvms() {
        jvms = new Jvms(dir);
    }

    @AfterEach
    void stopStragglers() {
        jvms.close();
    }

    private Process start(String name, String... args) throws IOException {
        return jvms.start(name, Polympc.class, args);
    }

    private int waitFor(Process p, String name) throws Exception {
        return Jvms.waitFor(p, name, 60);
    }

    private String err(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".err"));
    }

    private Path input(int n) throws IOException {
        StringBuilder sb = new StringBuilder("# two-process test input\n");
        for (int i = 0; i < n; i++) sb.append(((i * 37) % 101 - 50) / 4.0).append('\n');
        Path p = dir.resolve("in.txt");
        Files.writeString(p, sb);
        return p;
    }

    @Test
    void reluAcrossThreeJvmsAgreesWithTheInProcessRun() throws Exception {
        int n = 200;
        Path in = input(n);
        int peerPort = Jvms.freePort(), dealerPort = Jvms.freePort();
        String dealerAt = "127.0.0.1:" + dealerPort;
        Process dealer = start("dealer", "dealer", "--listen", "" + dealerPort, "--timeout", "30");
        Process p1 = start("p1", "op", "relu", "--party", "1", "--connect", "127.0.0.1:" + peerPort, "--dealer", dealerAt,
                "--output", dir.resolve("out.txt").toString(), "--stats", dir.resolve("s1.json").toString(), "--timeout", "30");
        Process p0 = start("p0", "op", "relu", "--party", "0", "--listen", "" + peerPort, "--dealer", dealerAt,
                "--input", in.toString(), "--stats", dir.resolve("s0.json").toString(), "--timeout", "30");
        assertEquals(0, waitFor(p0, "party 0"), err("p0"));
        assertEquals(0, waitFor(p1, "party 1"), err("p1"));
        assertEquals(0, waitFor(dealer, "dealer"), err("dealer"));
        assertEquals("", err("p0"));
        assertEquals("", err("p1"));
        assertTrue(err("dealer").startsWith("polympc dealer: session done: requests served "), err("dealer"));

        Cli.Run local = Cli.run("op", "relu", "--input", in.toString(), "--output", dir.resolve("local.txt").toString());
        assertEquals(0, local.exit(), local.err());
        List<String> got = Files.readAllLines(dir.resolve("out.txt"));
        assertEquals(Files.readAllLines(dir.resolve("local.txt")), got);
        FixedPoint fp = new FixedPoint(16);
        long[] x = Plaintext.encodedInput(in, fp);
        for (int i = 0; i < n; i++) assertEquals(Plaintext.relu(fp, x[i]), got.get(i));

        ObjectMapper json = new ObjectMapper();
        JsonNode s0 = json.readTree(dir.resolve("s0.json").toFile()), s1 = json.readTree(dir.resolve("s1.json").toFile());
        for (JsonNode s : new JsonNode[] {s0, s1}) {
            assertEquals("tcp", s.get("transport").asText());
            assertEquals(n, s.get("n").asInt());
            assertEquals(Relu.onlineBytes(n), s.get("onlineBytes").get(0).asLong());
            assertEquals(Relu.onlineBytes(n), s.get("onlineBytes").get(1).asLong());
            assertEquals(Relu.onlineRounds(), s.get("onlineRounds").asInt());
        }
        assertEquals("party 0", s0.get("ranHere").asText());
        assertTrue(s0.get("offlineBytes").get(1).isNull() && !s0.get("offlineBytes").get(0).isNull());
        assertTrue(s1.get("offlineBytes").get(0).isNull() && !s1.get("offlineBytes").get(1).isNull());
        assertEquals(s0.get("ioBytes"), s1.get("ioBytes"), "both see the same IO traffic from their two ends");
    }

    /** FSS over TCP: the dealer sends the DCF correction words to both parties, each counts them offline. */
    @Test
    void fssReluAcrossThreeJvmsMatchesPlaintextAndTheFormulas() throws Exception {
        int n = 130;
        Path in = input(n);
        int peerPort = Jvms.freePort(), dealerPort = Jvms.freePort();
        String dealerAt = "127.0.0.1:" + dealerPort;
        Process dealer = start("dealer", "dealer", "--listen", "" + dealerPort, "--timeout", "30");
        Process p1 = start("p1", "op", "relu", "--protocol", "fss", "--party", "1", "--connect", "127.0.0.1:" + peerPort, "--dealer", dealerAt,
                "--output", dir.resolve("out.txt").toString(), "--stats", dir.resolve("s1.json").toString(), "--timeout", "30");
        Process p0 = start("p0", "op", "relu", "--protocol", "fss", "--party", "0", "--listen", "" + peerPort, "--dealer", dealerAt,
                "--input", in.toString(), "--stats", dir.resolve("s0.json").toString(), "--timeout", "30");
        assertEquals(0, waitFor(p0, "party 0"), err("p0"));
        assertEquals(0, waitFor(p1, "party 1"), err("p1"));
        assertEquals(0, waitFor(dealer, "dealer"), err("dealer"));
        FixedPoint fp = new FixedPoint(16);
        long[] x = Plaintext.encodedInput(in, fp);
        List<String> got = Files.readAllLines(dir.resolve("out.txt"));
        for (int i = 0; i < n; i++) assertEquals(Plaintext.relu(fp, x[i]), got.get(i));
        ObjectMapper json = new ObjectMapper();
        JsonNode s0 = json.readTree(dir.resolve("s0.json").toFile()), s1 = json.readTree(dir.resolve("s1.json").toFile());
        for (JsonNode s : new JsonNode[] {s0, s1}) {
            assertEquals("fss-dcf", s.get("protocol").asText());
            assertEquals(8L * n, s.get("onlineBytes").get(0).asLong());
            assertEquals(8L * n, s.get("onlineBytes").get(1).asLong());
            assertEquals(1, s.get("onlineRounds").asInt());
        }
        long session = org.polympcnet.protocols.correlation.dealer.DealerClient.SESSION_BYTES;
        assertEquals(org.polympcnet.protocols.ops.FssRelu.offlineBytes(0, n) + session, s0.get("offlineBytes").get(0).asLong());
        assertEquals(org.polympcnet.protocols.ops.FssRelu.offlineBytes(1, n) + session, s1.get("offlineBytes").get(1).asLong());
    }

    @Test
    void polyAcrossThreeJvmsMatchesPlaintext() throws Exception {
        int n = 50;
        Path in = input(n);
        int peerPort = Jvms.freePort(), dealerPort = Jvms.freePort();
        String dealerAt = "127.0.0.1:" + dealerPort;
        Process dealer = start("dealer", "dealer", "--listen", "" + dealerPort);
        Process p0 = start("p0", "op", "poly", "--coeffs", "0.125,0.5,0.25", "--trunc", "faithful", "--party", "0",
                "--listen", "" + peerPort, "--dealer", dealerAt, "--input", in.toString());
        // Same coefficients spelled differently: the handshake compares values, not spellings.
        Process p1 = start("p1", "op", "poly", "--coeffs", "0.1250,.5,2.5e-1", "--trunc", "faithful", "--party", "1",
                "--connect", "localhost:" + peerPort, "--dealer", dealerAt, "--output", dir.resolve("out.txt").toString());
        assertEquals(0, waitFor(p0, "party 0"), err("p0"));
        assertEquals(0, waitFor(p1, "party 1"), err("p1"));
        assertEquals(0, waitFor(dealer, "dealer"), err("dealer"));
        FixedPoint fp = new FixedPoint(16);
        long[] x = Plaintext.encodedInput(in, fp);
        List<String> got = Files.readAllLines(dir.resolve("out.txt"));
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) {
            BigDecimal e = Plaintext.ulps(fp, got.get(i)).subtract(Plaintext.polyUlps(fp, x[i], 0.125, 0.5, 0.25)).abs();
            assertTrue(e.compareTo(BigDecimal.valueOf(2.125)) <= 0, "line " + i + " off by " + e);
        }
    }

    @Test
    void mismatchEndsBothPartiesWithTheSameClearError() throws Exception {
        Path in = input(10);
        int peerPort = Jvms.freePort(), dealerPort = Jvms.freePort(); // no dealer: the handshake fails first
        Process p0 = start("p0", "op", "relu", "--party", "0", "--listen", "" + peerPort, "--dealer", "127.0.0.1:" + dealerPort,
                "--input", in.toString(), "--timeout", "20");
        Process p1 = start("p1", "op", "relu", "--frac-bits", "12", "--party", "1", "--connect", "127.0.0.1:" + peerPort,
                "--dealer", "127.0.0.1:" + dealerPort, "--output", dir.resolve("out.txt").toString(), "--timeout", "20");
        assertEquals(1, waitFor(p0, "party 0"));
        assertEquals(1, waitFor(p1, "party 1"));
        for (String who : new String[] {"p0", "p1"}) {
            String e = err(who);
            assertEquals(1, e.lines().count(), e);
            assertTrue(e.startsWith("polympc: error: session mismatch with party"), e);
            assertTrue(e.contains("'fracBits' is '16' at party 0 and '12' at party 1"), e);
        }
        assertFalse(Files.exists(dir.resolve("out.txt")));
    }

    /** No dealer process: two JVMs make their correlations by OT over their own TCP link. */
    @ParameterizedTest
    @CsvSource({"relu, millionaire", "drelu, gmw"})
    void withoutDealerTwoJvmsAgreeWithTheInProcessRun(String op, String protocol) throws Exception {
        int n = 150;
        Path in = input(n);
        int peerPort = Jvms.freePort();
        Process p0 = start("p0", "op", op, "--protocol", protocol, "--correlations", "ot", "--party", "0", "--listen", "" + peerPort,
                "--input", in.toString(), "--stats", dir.resolve("s0.json").toString(), "--timeout", "30");
        Process p1 = start("p1", "op", op, "--protocol", protocol, "--correlations", "ot", "--party", "1",
                "--connect", "127.0.0.1:" + peerPort, "--output", dir.resolve("out.txt").toString(),
                "--stats", dir.resolve("s1.json").toString(), "--timeout", "30");
        assertEquals(0, waitFor(p0, "party 0"), err("p0"));
        assertEquals(0, waitFor(p1, "party 1"), err("p1"));
        assertEquals("", err("p0"));
        assertEquals("", err("p1"));

        Cli.Run local = Cli.run("op", op, "--protocol", protocol, "--correlations", "ot", "--input", in.toString(),
                "--output", dir.resolve("local.txt").toString(), "--stats", dir.resolve("local.json").toString());
        assertEquals(0, local.exit(), local.err());
        List<String> got = Files.readAllLines(dir.resolve("out.txt"));
        assertEquals(Files.readAllLines(dir.resolve("local.txt")), got);
        FixedPoint fp = new FixedPoint(16);
        long[] x = Plaintext.encodedInput(in, fp);
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) assertEquals(op.equals("relu") ? Plaintext.relu(fp, x[i]) : Plaintext.drelu(x[i]), got.get(i));

        ObjectMapper json = new ObjectMapper();
        JsonNode s0 = json.readTree(dir.resolve("s0.json").toFile()), s1 = json.readTree(dir.resolve("s1.json").toFile());
        JsonNode inProcess = json.readTree(dir.resolve("local.json").toFile());
        for (JsonNode s : new JsonNode[] {s0, s1}) {
            assertEquals("ot", s.get("correlations").asText());
            assertEquals(protocol.equals("millionaire") ? "millionaire-cryptflow2" : "gmw-carry-tree", s.get("protocol").asText());
            assertEquals("tcp", s.get("transport").asText());
            for (int p = 0; p < 2; p++) {
                assertEquals(s.at("/formula/onlineBytesPerParty").get(p).asLong(), s.get("onlineBytes").get(p).asLong(), "party " + p);
                assertEquals(0, s.get("offlineBytesFromDealer").get(p).asLong());
            }
            // Both ends of the one link see the same offline traffic, and the same as in one process.
            assertEquals(inProcess.get("offlineBytes"), s.get("offlineBytes"));
            assertEquals(inProcess.get("offlineBytesSent"), s.get("offlineBytesSent"));
            assertEquals(inProcess.get("onlineBytes"), s.get("onlineBytes"));
        }
        assertEquals(s0.at("/formula/onlineRoundsPerParty").get(0).asInt(), s0.get("onlineRoundsPerParty").get(0).asInt());
        assertEquals(s1.at("/formula/onlineRoundsPerParty").get(1).asInt(), s1.get("onlineRoundsPerParty").get(1).asInt());
    }

    @Test
    void mismatchedCorrelationsEndBothPartiesNamingTheField() throws Exception {
        Path in = input(10);
        int peerPort = Jvms.freePort(), dealerPort = Jvms.freePort(); // no dealer running: the handshake fails first
        Process p0 = start("p0", "op", "relu", "--correlations", "ot", "--party", "0", "--listen", "" + peerPort,
                "--input", in.toString(), "--timeout", "20");
        Process p1 = start("p1", "op", "relu", "--party", "1", "--connect", "127.0.0.1:" + peerPort,
                "--dealer", "127.0.0.1:" + dealerPort, "--output", dir.resolve("out.txt").toString(), "--timeout", "20");
        assertEquals(1, waitFor(p0, "party 0"));
        assertEquals(1, waitFor(p1, "party 1"));
        for (String who : new String[] {"p0", "p1"}) {
            String e = err(who);
            assertEquals(1, e.lines().count(), e);
            assertTrue(e.startsWith("polympc: error: session mismatch with party"), e);
            assertTrue(e.contains("'correlations' is 'ot' at party 0 and 'dealer' at party 1"), e);
        }
        assertFalse(Files.exists(dir.resolve("out.txt")));
    }

    /** The same check for --protocol, with both parties in this JVM (two threads) to save a JVM start. */
    @Test
    void mismatchedProtocolsEndBothPartiesNamingTheField() throws Exception {
        Path in = input(10);
        int peerPort = Jvms.freePort();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var f0 = pool.submit(() -> Cli.run("op", "drelu", "--protocol", "millionaire", "--correlations", "ot", "--party", "0",
                    "--listen", "" + peerPort, "--input", in.toString(), "--timeout", "20"));
            var f1 = pool.submit(() -> Cli.run("op", "drelu", "--correlations", "ot", "--party", "1",
                    "--connect", "127.0.0.1:" + peerPort, "--output", dir.resolve("out.txt").toString(), "--timeout", "20"));
            for (Cli.Run r : new Cli.Run[] {f0.get(60, TimeUnit.SECONDS), f1.get(60, TimeUnit.SECONDS)}) {
                assertEquals(1, r.exit(), r.err());
                assertEquals(1, r.err().lines().count(), r.err());
                assertTrue(r.err().contains("'protocol' is 'millionaire-cryptflow2' at party 0 and 'gmw-carry-tree' at party 1"), r.err());
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(Files.exists(dir.resolve("out.txt")));
    }

    @Test
    void partyWhosePeerNeverAppearsGivesUpNamingIt() throws Exception {
        Path in = input(3);
        long t0 = System.nanoTime();
        Cli.Run r0 = Cli.run("op", "relu", "--party", "0", "--listen", "" + Jvms.freePort(), "--dealer", "127.0.0.1:" + Jvms.freePort(),
                "--input", in.toString(), "--timeout", "1");
        assertEquals(1, r0.exit());
        assertTrue(r0.err().contains("no connection from party 1") && r0.err().contains("timeout"), r0.err());

        Cli.Run r1 = Cli.run("op", "relu", "--party", "1", "--connect", "127.0.0.1:" + Jvms.freePort(), "--dealer", "127.0.0.1:" + Jvms.freePort(),
                "--output", dir.resolve("out.txt").toString(), "--timeout", "1");
        assertEquals(1, r1.exit());
        assertTrue(r1.err().contains("cannot connect to party 0"), r1.err());
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "both gave up within a few timeouts");
        assertFalse(Files.exists(dir.resolve("out.txt")));
    }

    @Test
    void peerThatHangsUpOrFallsSilentIsNamed() throws Exception {
        try (ServerSocket fake = new ServerSocket(0)) {
            Thread hangUp = new Thread(() -> {
                try {
                    fake.accept().close(); // hang up at once: party 1 is mid-handshake
                } catch (IOException ignored) {
                    // the test's assertions report what matters
                }
            });
            hangUp.start();
            Cli.Run r = Cli.run("op", "relu", "--party", "1", "--connect", "127.0.0.1:" + fake.getLocalPort(),
                    "--dealer", "127.0.0.1:" + Jvms.freePort(), "--output", dir.resolve("out.txt").toString(), "--timeout", "5");
            hangUp.join();
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("party 0") && r.err().contains("closed the connection"), r.err());
        }
        try (ServerSocket fake = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread silent = new Thread(() -> {
                try {
                    held.add(fake.accept()); // accept, then say nothing
                } catch (IOException ignored) {
                    // the test's assertions report what matters
                }
            });
            silent.start();
            Cli.Run r = Cli.run("op", "relu", "--party", "1", "--connect", "127.0.0.1:" + fake.getLocalPort(),
                    "--dealer", "127.0.0.1:" + Jvms.freePort(), "--output", dir.resolve("out.txt").toString(), "--timeout", "1");
            silent.join();
            for (Socket s : held) s.close();
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("party 0") && r.err().contains("sent nothing for 1.0 s"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("out.txt")));
    }

    @Test
    void dealerWithoutPartiesTimesOut() throws Exception {
        Cli.Run r = Cli.run("dealer", "--listen", "" + Jvms.freePort(), "--timeout", "0.5");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().startsWith("polympc: error: no connection from a party"), r.err());
    }
}
