package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;

/** polympc train on the synthetic set: the files it writes, and one-line errors for bad options. */
class TrainCommandTest {
    @Test
    void trainsAndWritesAModelThatLoads(@TempDir Path dir) {
        Path out = dir.resolve("run");
        Cli.Run r = Cli.run("train", "--dataset", "synthetic", "--arch", "probe", "--act", "poly", "--epochs", "1", "--batch", "32",
                "--limit", "128", "--seed", "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("polympc train: [train] epoch 1/1 done"), r.err());
        assertTrue(r.out().startsWith("polympc train: wrote " + out), r.out());
        Model m = ModelFile.load(out, true);
        assertEquals(0, m.reluCount(), "all-poly: no ReLU left");
        for (String f : new String[] {"train-log.csv", "summary.csv", "checkpoint.bin"}) assertTrue(Files.exists(out.resolve(f)), f);
        assertFalse(Files.exists(out.resolve("search.json")), "search.json is for searches");
    }

    @Test
    void trainLimitCutsOnlyTheTrainingSplit(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Cli.Run r = Cli.run("train", "--dataset", "synthetic", "--arch", "probe", "--act", "relu", "--epochs", "1", "--batch", "32",
                "--limit", "128", "--train-limit", "64", "--lr-schedule", "linear", "--seed", "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("(train 64, validation 128, test 128)"), r.err());
        String summary = Files.readString(out.resolve("summary.csv"));
        assertTrue(summary.contains(";limit=128;train_limit=64;lr=0.001;lr_schedule=linear;from="), summary);
    }

    @Test
    void badOptionsGiveOneLineAndNoOutput(@TempDir Path dir) {
        Path out = dir.resolve("run");
        Cli.Run act = Cli.run("train", "--dataset", "synthetic", "--act", "sigmoid", "--out", out.toString());
        assertEquals(2, act.exit());
        assertTrue(act.err().startsWith("polympc: error: --act: 'sigmoid' (want relu, poly or search)"), act.err());
        Cli.Run from = Cli.run("train", "--dataset", "synthetic", "--act", "relu", "--from", dir.toString(), "--out", out.toString());
        assertEquals(2, from.exit());
        assertTrue(from.err().contains("--from starts a poly or search run from a checkpoint"), from.err());
        Cli.Run schedule = Cli.run("train", "--dataset", "synthetic", "--act", "relu", "--lr-schedule", "cosine", "--out", out.toString());
        assertEquals(2, schedule.exit());
        assertTrue(schedule.err().startsWith("polympc: error: --lr-schedule: 'cosine' (want constant or linear)"), schedule.err());
        Cli.Run trainLimit = Cli.run("train", "--dataset", "synthetic", "--act", "relu", "--train-limit", "-1", "--out", out.toString());
        assertEquals(2, trainLimit.exit());
        assertTrue(trainLimit.err().startsWith("polympc: error: --train-limit must not be negative, got -1"), trainLimit.err());
        Cli.Run missing = Cli.run("train", "--dataset", "synthetic", "--act", "poly", "--from", dir.resolve("nope").toString(), "--epochs", "1",
                "--limit", "64", "--out", out.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().startsWith("polympc: error: ") && missing.err().contains("checkpoint.bin: not found"), missing.err());
        assertEquals(1, missing.err().strip().lines().filter(l -> l.startsWith("polympc: error")).count());
        assertFalse(Files.exists(out.resolve("model.json")), "nothing written on failure");
    }

    @Test
    void reluProtocolChoosesTheSearchLatenciesAndIsRecorded(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("search");
        Cli.Run r = Cli.run("train", "--dataset", "synthetic", "--arch", "probe", "--act", "search", "--epochs", "1", "--finetune-epochs", "0",
                "--batch", "32", "--limit", "64", "--seed", "3", "--relu-protocol", "millionaire", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("ReLU by millionaire-cryptflow2"), r.err());
        assertTrue(Files.readString(out.resolve("search.json")).contains("\"comparison\" : \"millionaire-cryptflow2\""));
        assertTrue(Files.readString(out.resolve("summary.csv")).contains(";comparison=millionaire-cryptflow2,"));
        Path def = dir.resolve("relu");
        Cli.Run d = Cli.run("train", "--dataset", "synthetic", "--arch", "probe", "--act", "relu", "--epochs", "1", "--batch", "32",
                "--limit", "64", "--seed", "3", "--out", def.toString());
        assertEquals(0, d.exit(), d.err());
        assertTrue(Files.readString(def.resolve("summary.csv")).contains(";comparison=gmw-carry-tree,"), "the default, recorded too");
        Cli.Run bad = Cli.run("train", "--dataset", "synthetic", "--act", "search", "--relu-protocol", "yao", "--out", dir.resolve("bad").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("polympc: error: --relu-protocol: unknown protocol 'yao'"), bad.err());
        assertFalse(Files.exists(dir.resolve("bad")), "nothing written on a bad option");
    }
}
