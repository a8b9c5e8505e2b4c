package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polympcnet.protocols.nn.Model;

/**
 * polympc infer across processes: the server, the client and the dealer as three JVMs on
 * loopback (two without a dealer), against the in-process run; and the failures that must end
 * both parties with one clear error: a model that differs from the client's model.json, images
 * that do not fit the model, corrupt weights at the server, a peer that hangs up. The failure
 * cases run both parties as threads of this JVM, to save JVM starts.
 */
class InferTwoProcessTest {
    private static final String DATASET = InferInProcessTest.DATASET;

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

    /** A JVM running polympc dealer (args start with "dealer") or polympc infer (the rest). */
    private Process start(String name, String... args) throws IOException {
        return jvms.start(name, args[0].equals("dealer") ? Polympc.class : InferCli.class, args);
    }

    private int waitFor(Process p, String name) throws Exception {
        return Jvms.waitFor(p, name, 90);
    }

    private String file(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    private Path model(String name, Model m) {
        return InferModels.write(dir.resolve(name), m);
    }

    /** The in-process run on the same model and images, for comparison. */
    private List<InferInProcessTest.Row> inProcess(Path modelDir, int limit, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--model", modelDir.toString(), "--dataset", DATASET, "--limit", "" + limit,
                "--out", dir.resolve("local.csv").toString()));
        args.addAll(List.of(extra));
        Cli.Run local = InferCli.run(args.toArray(String[]::new));
        assertEquals(0, local.exit(), local.err());
        return InferInProcessTest.rows(dir.resolve("local.csv"));
    }

    private void assertSameSecurePredictions(List<InferInProcessTest.Row> local, List<InferInProcessTest.Row> remote) {
        assertEquals(local.size(), remote.size());
        for (int i = 0; i < local.size(); i++) {
            InferInProcessTest.Row a = local.get(i), b = remote.get(i);
            assertEquals(a.image(), b.image());
            assertEquals(a.label(), b.label());
            assertEquals(a.securePred(), b.securePred(), "image " + i + ": the two-process run predicts as the in-process run");
            assertEquals(a.plainPred(), "" + b.securePred(), "image " + i + ": and as the plaintext network");
            assertEquals("", b.plainPred(), "the client holds no weights: no plaintext column");
            assertEquals("", b.maxLogitError());
        }
    }

    @Test
    void threeJvmsWithADealerAgreeWithTheInProcessRun() throws Exception {
        Model m = InferModels.reluCnn(InferInProcessTest.shape(), InferInProcessTest.classes());
        Path modelDir = model("relu", m);
        // The client gets model.json alone: it must not need weights.bin.
        Path clientModel = dir.resolve("client-model");
        Files.createDirectories(clientModel);
        Files.copy(modelDir.resolve("model.json"), clientModel.resolve("model.json"));
        int limit = 9, peerPort = Jvms.freePort(), dealerPort = Jvms.freePort();
        String dealerAt = "127.0.0.1:" + dealerPort;
        Process dealer = start("dealer", "dealer", "--listen", "" + dealerPort, "--timeout", "60");
        Process client = start("client", "--party", "1", "--connect", "127.0.0.1:" + peerPort, "--dealer", dealerAt,
                "--model", clientModel.toString(), "--dataset", DATASET, "--limit", "" + limit, "--batch", "4",
                "--out", dir.resolve("out.csv").toString(), "--summary", dir.resolve("s1.csv").toString(),
                "--layers", dir.resolve("l1.csv").toString(), "--timeout", "60");
        Process server = start("server", "--party", "0", "--listen", "" + peerPort, "--dealer", dealerAt, "--model", modelDir.toString(),
                "--summary", dir.resolve("s0.csv").toString(), "--timeout", "60");
        assertEquals(0, waitFor(server, "server"), file("server.err"));
        assertEquals(0, waitFor(client, "client"), file("client.err"));
        assertEquals(0, waitFor(dealer, "dealer"), file("dealer.err"));
        assertEquals("", file("server.err"));
        assertEquals("", file("client.err"));

        assertSameSecurePredictions(inProcess(modelDir, limit), InferInProcessTest.rows(dir.resolve("out.csv")));

        Map<String, String> s1 = InferInProcessTest.metrics(dir.resolve("s1.csv"), "infer");
        Map<String, String> s0 = InferInProcessTest.metrics(dir.resolve("s0.csv"), "infer");
        assertTrue(s1.containsKey("secure_accuracy") && !s1.containsKey("agreement"), s1.keySet().toString());
        assertFalse(s0.containsKey("secure_accuracy"), "the server learns no predictions");
        assertEquals("3", s0.get("batches"), "the server takes the client's batch size");
        for (Map<String, String> s : List.of(s0, s1)) {
            assertEquals("" + limit, s.get("images"));
            // Both ends of the link count the same online bytes for each party.
            assertEquals(s0.get("online_bytes_per_image_p0"), s.get("online_bytes_per_image_p0"));
            assertEquals(s0.get("online_bytes_per_image_p1"), s.get("online_bytes_per_image_p1"));
        }
        assertTrue(s1.containsKey("offline_bytes_per_image_p1") && !s1.containsKey("offline_bytes_per_image_p0"),
                "with a dealer the client cannot see the server's dealer link");
        String config = TidyRow.read(dir.resolve("s1.csv")).get(0).config();
        assertTrue(config.startsWith("model=relu-cnn;dataset=synthetic;correlations=dealer;transport=tcp;batch=4;"), config);
        assertTrue(config.endsWith(";ran=party1"), config);
        assertEquals(config.replace("ran=party1", "ran=party0"), TidyRow.read(dir.resolve("s0.csv")).get(0).config(),
                "the server's summary has the same config: it learns the dataset's name and the batch in the handshake");
        assertTrue(file("client.out").contains("secure accuracy"), file("client.out"));
        assertTrue(Files.size(dir.resolve("l1.csv")) > 0);
    }

    @Test
    void twoJvmsWithoutADealerAgreeWithTheInProcessRun() throws Exception {
        Model m = InferModels.tiny(InferInProcessTest.shape(), InferInProcessTest.classes());
        Path modelDir = model("tiny", m);
        int limit = 6, peerPort = Jvms.freePort();
        Process server = start("server", "--party", "0", "--listen", "" + peerPort, "--correlations", "ot", "--model", modelDir.toString(),
                "--timeout", "60");
        Process client = start("client", "--party", "1", "--connect", "127.0.0.1:" + peerPort, "--correlations", "ot",
                "--dataset", DATASET, "--limit", "" + limit, "--out", dir.resolve("out.csv").toString(),
                "--summary", dir.resolve("s1.csv").toString(), "--timeout", "60");
        assertEquals(0, waitFor(server, "server"), file("server.err"));
        assertEquals(0, waitFor(client, "client"), file("client.err"));
        assertSameSecurePredictions(inProcess(modelDir, limit, "--correlations", "ot"), InferInProcessTest.rows(dir.resolve("out.csv")));
        Map<String, String> s1 = InferInProcessTest.metrics(dir.resolve("s1.csv"), "infer");
        assertEquals(s1.get("offline_bytes_per_image_p0"), s1.get("offline_bytes_per_image_p1"), "one link carries all offline traffic");
    }

    /** Server and client as two threads of this JVM over loopback TCP. */
    private Cli.Run[] both(String[] server, String[] client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Cli.Run> f0 = pool.submit(() -> InferCli.run(server));
            Future<Cli.Run> f1 = pool.submit(() -> InferCli.run(client));
            return new Cli.Run[] {f0.get(60, TimeUnit.SECONDS), f1.get(60, TimeUnit.SECONDS)};
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void modelMismatchEndsBothWithTheSameClearError() throws Exception {
        int[] in = InferInProcessTest.shape();
        int classes = InferInProcessTest.classes();
        Path serverModel = model("server-model", InferModels.reluCnn(in, classes));
        Path clientModel = model("client-model", InferModels.polyCnn(in, classes));
        int peerPort = Jvms.freePort();
        Cli.Run[] r = both(
                new String[] {"--party", "0", "--listen", "" + peerPort, "--dealer", "127.0.0.1:" + Jvms.freePort(), "--model", serverModel.toString(),
                    "--summary", dir.resolve("s0.csv").toString(), "--timeout", "20"},
                new String[] {"--party", "1", "--connect", "127.0.0.1:" + peerPort, "--dealer", "127.0.0.1:" + Jvms.freePort(),
                    "--model", clientModel.toString(), "--dataset", DATASET, "--limit", "3", "--out", dir.resolve("out.csv").toString(),
                    "--timeout", "20"});
        for (Cli.Run run : r) {
            assertEquals(1, run.exit(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("polympc: error: model mismatch with party"), run.err());
            assertTrue(run.err().contains("weights.bin sha256 is " + org.polympcnet.protocols.nn.ModelFile.declaredSha256(serverModel)
                    + " at the server and " + org.polympcnet.protocols.nn.ModelFile.declaredSha256(clientModel) + " at the client"), run.err());
        }
        assertFalse(Files.exists(dir.resolve("out.csv")));
        assertFalse(Files.exists(dir.resolve("s0.csv")));
    }

    /** The comparison protocol is part of the session handshake: fss at one party and gmw at the other end both. */
    @Test
    void comparisonProtocolMismatchEndsBoth() throws Exception {
        int[] in = InferInProcessTest.shape();
        Path serverModel = model("server-model", InferModels.reluCnn(in, InferInProcessTest.classes()));
        int peerPort = Jvms.freePort();
        Cli.Run[] r = both(
                new String[] {"--party", "0", "--listen", "" + peerPort, "--dealer", "127.0.0.1:" + Jvms.freePort(), "--model", serverModel.toString(),
                    "--protocol", "fss", "--timeout", "20"},
                new String[] {"--party", "1", "--connect", "127.0.0.1:" + peerPort, "--dealer", "127.0.0.1:" + Jvms.freePort(),
                    "--dataset", DATASET, "--limit", "3", "--out", dir.resolve("out.csv").toString(), "--timeout", "20"});
        for (Cli.Run run : r) {
            assertEquals(1, run.exit(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("polympc: error: session mismatch with party")
                    && run.err().contains("'protocol' is 'fss-dcf' at party 0 and 'gmw-carry-tree' at party 1"), run.err());
        }
        assertFalse(Files.exists(dir.resolve("out.csv")));
    }

    @Test
    void sameWeightsDifferentArchitectureIsNamedByLayer() throws Exception {
        int[] in = InferInProcessTest.shape();
        int classes = InferInProcessTest.classes();
        Model m = InferModels.reluCnn(in, classes);
        Path serverModel = model("server-model", m);
        // The client's model.json states the same weights hash, but one activation is a polynomial.
        Path clientModel = dir.resolve("client-model");
        Files.createDirectories(clientModel);
        String json = Files.readString(serverModel.resolve("model.json"));
        Files.writeString(clientModel.resolve("model.json"), json.replaceFirst("\"kind\" : \"relu\"", "\"kind\" : \"poly\", \"coeffs\" : [0.1, 1, 0]"));
        int peerPort = Jvms.freePort();
        Cli.Run[] r = both(
                new String[] {"--party", "0", "--listen", "" + peerPort, "--correlations", "ot", "--model", serverModel.toString(), "--timeout", "20"},
                new String[] {"--party", "1", "--connect", "127.0.0.1:" + peerPort, "--correlations", "ot", "--model", clientModel.toString(),
                    "--dataset", DATASET, "--limit", "3", "--out", dir.resolve("out.csv").toString(), "--timeout", "20"});
        for (Cli.Run run : r) {
            assertEquals(1, run.exit(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains("model mismatch with party")
                    && run.err().contains("layer 1 is r1: act relu at the server and r1: act poly [0.1, 1.0, 0.0] at the client"),
                    run.err());
        }
        assertFalse(Files.exists(dir.resolve("out.csv")));
    }

    @Test
    void imagesThatDoNotFitTheServersModelEndBoth() throws Exception {
        int[] in = InferInProcessTest.shape();
        Path serverModel = model("server-model", InferModels.tiny(new int[] {in[0], in[1] + 4, in[2] + 4}, InferInProcessTest.classes()));
        int peerPort = Jvms.freePort();
        Cli.Run[] r = both(
                new String[] {"--party", "0", "--listen", "" + peerPort, "--correlations", "ot", "--model", serverModel.toString(), "--timeout", "20"},
                new String[] {"--party", "1", "--connect", "127.0.0.1:" + peerPort, "--correlations", "ot",
                    "--dataset", DATASET, "--limit", "3", "--out", dir.resolve("out.csv").toString(), "--timeout", "20"});
        String want = "'input' is '" + InferSettings.shape(new int[] {in[0], in[1] + 4, in[2] + 4}) + "' at party 0 and '"
                + InferSettings.shape(in) + "' at party 1";
        for (Cli.Run run : r) {
            assertEquals(1, run.exit(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("polympc: error: session mismatch with party") && run.err().contains(want), run.err());
        }
        assertFalse(Files.exists(dir.resolve("out.csv")));
    }

    @Test
    void corruptWeightsAtTheServerNameTheFile() throws Exception {
        Path modelDir = model("m", InferModels.tiny(InferInProcessTest.shape(), InferInProcessTest.classes()));
        Path w = modelDir.resolve("weights.bin");
        byte[] b = Files.readAllBytes(w);
        b[3] ^= 1;
        Files.write(w, b);
        Cli.Run r = InferCli.run("--party", "0", "--listen", "" + Jvms.freePort(), "--correlations", "ot", "--model", modelDir.toString(),
                "--timeout", "20");
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("polympc: error: " + w + ": sha256 is"), r.err());
    }

    @Test
    void peerThatHangsUpIsNamed() throws Exception {
        try (ServerSocket fake = new ServerSocket(0)) {
            Thread hangUp = new Thread(() -> {
                try {
                    fake.accept().close();
                } catch (IOException ignored) {
                    // the assertions report what matters
                }
            });
            hangUp.start();
            Cli.Run r = InferCli.run("--party", "1", "--connect", "127.0.0.1:" + fake.getLocalPort(), "--correlations", "ot",
                    "--dataset", DATASET, "--limit", "2", "--out", dir.resolve("out.csv").toString(), "--timeout", "5");
            hangUp.join();
            assertEquals(1, r.exit());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("party 0") && r.err().contains("closed the connection"), r.err());
        }
        Cli.Run r = InferCli.run("--party", "1", "--connect", "127.0.0.1:" + Jvms.freePort(), "--correlations", "ot",
                "--dataset", DATASET, "--limit", "2", "--out", dir.resolve("out.csv").toString(), "--timeout", "1");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("cannot connect to party 0"), r.err());
        assertFalse(Files.exists(dir.resolve("out.csv")));
    }
}
