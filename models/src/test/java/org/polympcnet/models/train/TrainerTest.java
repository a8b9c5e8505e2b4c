package org.polympcnet.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.polympcnet.models.data.DatasetSplits;
import org.polympcnet.models.data.SyntheticDataset;
import org.polympcnet.models.nn.NetSpec;
import org.polympcnet.models.nn.Network;
import org.polympcnet.models.nn.PolyInit;
import org.polympcnet.perfmodel.cost.ComparisonProtocols;
import org.polympcnet.perfmodel.hardware.HardwareProfiles;
import org.polympcnet.perfmodel.latency.LatencyTable;
import org.polympcnet.protocols.net.NetworkProfile;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;

/** The trainer on a small synthetic set (12x12, 4 classes): search, determinism, divergence, outputs. */
class TrainerTest {
    private static final DatasetSplits DATA = new SyntheticDataset(4, 1, 12, 12, 4).splits(256, 64, 64);

    private static LatencyTable table(String arch) {
        NetSpec spec = Trainer.specFor(arch, DATA.train());
        return TrainRun.latencyTable(spec, "synthetic", HardwareProfiles.of("zcu104", null, null, null), NetworkProfile.LAN);
    }

    private static TrainSettings settings(String mode, PolyInit init, double lambda, int epochs, long seed, double lr) {
        return new TrainSettings(mode, "cnn", init, lambda, epochs, 0, 32, seed, lr, TrainSettings.DEFAULT_ALPHA_LR, TrainSettings.DEFAULT_CLIP, 1.0, 0, null, 0, TrainSettings.CONSTANT);
    }

    private static double meanSecondChoice(Map<String, double[]> probs) {
        double s = 0;
        for (double[] p : probs.values()) s += p[1];
        return s / probs.size();
    }

    @Test
    void theLatencyTermMovesAlphaTowardThePolynomialAsLambdaGrows() {
        LatencyTable table = table("cnn");
        double[] lambdas = {0, 1, 10};
        double[] poly = new double[lambdas.length];
        Map<String, double[]> strongest = null;
        for (int i = 0; i < lambdas.length; i++) {
            Trainer t = new Trainer(DATA, settings("search", PolyInit.STPAI, lambdas[i], 1, 3, 1e-3), table, line -> {}, null);
            t.run();
            poly[i] = meanSecondChoice(t.searchedProbabilities());
            strongest = t.searchedProbabilities();
            System.out.printf("search: lambda %.1f, mean p(poly | avg) over %d gates %.4f%n", lambdas[i], t.searchedProbabilities().size(), poly[i]);
        }
        assertTrue(poly[0] < poly[1] && poly[1] < poly[2], "p(poly) must grow with lambda: " + java.util.Arrays.toString(poly));
        // Eight alpha steps of Adam at 0.03 move each alpha by at most about 0.24, so p stays near 0.5; with
        // lambda = 10 every gate has moved toward its cheap op all the same.
        for (var e : strongest.entrySet()) assertTrue(e.getValue()[1] > 0.5, "lambda 10: gate " + e.getKey() + " p = " + e.getValue()[1]);
    }

    private static Map<String, float[]> weights(Network net) {
        Map<String, float[]> m = new HashMap<>();
        for (var e : Checkpoint.snapshot(net).entrySet()) m.put(e.getKey(), e.getValue().dup('c').data().asFloat());
        return m;
    }

    @Test
    void theSameSeedGivesTheSameNetwork() {
        LatencyTable table = table("cnn");
        Map<String, float[]> a = weights(new Trainer(DATA, settings("poly", PolyInit.STPAI, 0, 1, 11, 1e-3), table, l -> {}, null).run());
        Map<String, float[]> b = weights(new Trainer(DATA, settings("poly", PolyInit.STPAI, 0, 1, 11, 1e-3), table, l -> {}, null).run());
        Map<String, float[]> c = weights(new Trainer(DATA, settings("poly", PolyInit.STPAI, 0, 1, 12, 1e-3), table, l -> {}, null).run());
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
        assertFalse(java.util.Arrays.equals(a.get("conv1/w"), c.get("conv1/w")), "another seed, other weights");
    }

    @Test
    void aSearchFromAReluCheckpointStartsFromItsWeights(@TempDir Path dir) throws Exception {
        LatencyTable table = table("cnn");
        Path reluDir = dir.resolve("relu");
        Files.createDirectories(reluDir);
        Network relu = new Trainer(DATA, settings("relu", PolyInit.STPAI, 0, 1, 21, 1e-3), table, l -> {}, reluDir.resolve(Checkpoint.FILE)).run();
        Map<String, float[]> reluWeights = weights(relu);
        // Zero epochs are not allowed, so the check is on the state the search starts from: a
        // learning rate of 1e-30 leaves every weight where the checkpoint put it.
        TrainSettings s = new TrainSettings("search", "cnn", PolyInit.STPAI, 1.0, 1, 0, 32, 22, 1e-30, 1e-30,
                TrainSettings.DEFAULT_CLIP, 1.0, 0, reluDir, 0, TrainSettings.CONSTANT);
        List<String> lines = new ArrayList<>();
        Trainer t = new Trainer(DATA, s, table, lines::add, null);
        Map<String, float[]> searched = weights(t.run());
        assertTrue(lines.get(0).startsWith("started from "), lines.get(0));
        for (String k : new String[] {"conv1/w", "conv2/w", "fc1/w", "fc2/b", "conv1/bn_gamma"}) {
            assertArrayEquals(reluWeights.get(k), searched.get(k), 1e-6f, k);
        }
        // The coefficients the ReLU run has none of keep STPAI's start, the alphas an even mix.
        for (double[] p : t.searchedProbabilities().values()) assertEquals(0.5, p[0], 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new TrainSettings("relu", "cnn", PolyInit.STPAI, 0, 1, 0, 32, 1, 1e-3, 1e-3,
                TrainSettings.DEFAULT_CLIP, 1.0, 0, reluDir, 0, TrainSettings.CONSTANT));
    }

    @Test
    void theLinearScheduleGivesADeterministicRunOfItsOwn() {
        LatencyTable table = table("cnn");
        TrainSettings linear = new TrainSettings("relu", "cnn", PolyInit.STPAI, 0, 1, 0, 32, 11, 3e-3, TrainSettings.DEFAULT_ALPHA_LR,
                TrainSettings.DEFAULT_CLIP, 1.0, 0, null, 0, TrainSettings.LINEAR);
        Map<String, float[]> a = weights(new Trainer(DATA, linear, table, l -> {}, null).run());
        Map<String, float[]> b = weights(new Trainer(DATA, linear, table, l -> {}, null).run());
        Map<String, float[]> c = weights(new Trainer(DATA, settings("relu", PolyInit.STPAI, 0, 1, 11, 3e-3), table, l -> {}, null).run());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
        assertFalse(java.util.Arrays.equals(a.get("fc2/w"), c.get("fc2/w")), "the schedule changes the steps");
    }

    @Test
    void divergenceStopsWithAClearMessageAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) {
        LatencyTable table = table("cnn");
        Path ckpt = dir.resolve(Checkpoint.FILE);
        // A learning rate of 1e4 throws every weight around by thousands a step: the loss explodes in the first epoch.
        Trainer t = new Trainer(DATA, settings("poly", PolyInit.NAIVE, 0, 2, 5, 1e4), table, l -> {}, ckpt);
        TrainingDiverged e = assertThrows(TrainingDiverged.class, t::run);
        assertTrue(e.getMessage().startsWith("training diverged: loss "), e.getMessage());
        assertTrue(e.getMessage().contains("train epoch 1"), e.getMessage());
        assertFalse(Files.exists(ckpt), "no epoch was good, so no checkpoint");
    }

    @Test
    void aRunWritesModelLogSummaryAndSearchReport(@TempDir Path dir) throws Exception {
        LatencyTable table = table("cnn");
        Path out = dir.resolve("search-run");
        TrainSettings s = new TrainSettings("search", "cnn", PolyInit.STPAI, 2.0, 1, 1, 32, 3, 1e-3, TrainSettings.DEFAULT_ALPHA_LR,
                TrainSettings.DEFAULT_CLIP, 1.0, 0, null, 0, TrainSettings.CONSTANT);
        List<String> lines = new ArrayList<>();
        TrainRun.Result r = TrainRun.run(DATA, "synthetic", s, table, "zcu104", "lan", Map.of("zcu104_lan", table), out, "search-run", lines::add);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[search] epoch 1/1 done")), "progress lines");
        Model m = ModelFile.load(out, true);
        assertEquals(r.reluCount(), m.reluCount());
        assertEquals(r.testAccuracy(), m.metrics().get("testAccuracy"));
        List<String> log = Files.readAllLines(out.resolve(TrainRun.TRAIN_LOG));
        assertEquals(EpochRecord.CSV_HEADER, log.get(0));
        assertEquals(3, log.size(), "one search epoch and one fine-tuning epoch");
        assertTrue(log.get(2).startsWith("finetune,1,"));
        List<String> summary = Files.readAllLines(out.resolve(TrainRun.SUMMARY));
        assertEquals(TrainRun.SUMMARY_HEADER, summary.get(0));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("search,run=search-run;dataset=synthetic;arch=cnn;act=search;init=stpai;lambda=2.0;")
                && l.contains(",modelled_activation_latency_s_zcu104_lan,")));
        String search = Files.readString(out.resolve(TrainRun.SEARCH));
        assertTrue(search.contains("\"layer\" : \"act1\"") && search.contains("\"chosen\""), search);
        assertTrue(Files.exists(out.resolve(Checkpoint.FILE)));
        // Nothing half-written: no temp files left.
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")));
        }
        // A poly run started from this run's checkpoint picks up its weights.
        Map<String, INDArray> state = Checkpoint.read(out.resolve(Checkpoint.FILE));
        assertTrue(state.containsKey("conv1/w"));
    }

    @Test
    void aSearchRecordsTheComparisonProtocolOfItsLatencies(@TempDir Path dir) throws Exception {
        NetSpec spec = Trainer.specFor("cnn", DATA.train());
        LatencyTable gmw = table("cnn");
        LatencyTable fss = TrainRun.latencyTable(spec, "synthetic", HardwareProfiles.of("zcu104", null, null, null), NetworkProfile.LAN,
                ComparisonProtocols.of("fss-dcf"));
        assertEquals("gmw-carry-tree", gmw.comparison());
        assertEquals("fss-dcf", fss.comparison());
        // The protocol changes the ReLU choice's latency and leaves the polynomial's alone.
        assertNotEquals(gmw.seconds("act1", "relu"), fss.seconds("act1", "relu"));
        assertEquals(gmw.seconds("act1", "poly"), fss.seconds("act1", "poly"));
        Path out = dir.resolve("search-fss");
        TrainSettings s = new TrainSettings("search", "cnn", PolyInit.STPAI, 0.5, 1, 0, 32, 3, 1e-3, TrainSettings.DEFAULT_ALPHA_LR,
                TrainSettings.DEFAULT_CLIP, 1.0, 0, null, 0, TrainSettings.CONSTANT);
        TrainRun.run(DATA, "synthetic", s, fss, "zcu104", "lan", Map.of("zcu104_lan", fss), out, "search-fss", l -> {});
        JsonNode search = new ObjectMapper().readTree(out.resolve(TrainRun.SEARCH).toFile());
        assertEquals("fss-dcf", search.path("comparison").asText());
        for (JsonNode g : search.path("gates")) {
            if (g.path("type").asText().equals("act")) {
                assertEquals(fss.seconds(g.path("layer").asText(), "relu"), g.path("latency_s").path("relu").asDouble(), 0);
            }
        }
        String summary = Files.readString(out.resolve(TrainRun.SUMMARY));
        assertTrue(summary.lines().skip(1).allMatch(l -> l.contains(";comparison=fss-dcf,")), summary);
    }
}
