package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polympc report} end to end: raw figures from a real {@code polympc op} run become the op
 * table; the sources that are absent are named on stderr; --strict turns them into exit 3; a
 * malformed raw file is one error line, exit 1, and the report already written stays.
 */
class ReportCommandTest {
    @TempDir
    Path dir;

    private Path rawWithOps() throws IOException {
        Path raw = Files.createDirectories(dir.resolve("raw"));
        Path in = dir.resolve("in.txt");
        Files.write(in, List.of("1.5", "-2", "0", "0.25", "-0.5", "3", "-3", "7"));
        Cli.Run op = Cli.run("op", "relu", "--input", in.toString(), "--output", dir.resolve("out.txt").toString(),
                "--stats-csv", raw.resolve("ops-cli.csv").toString());
        assertEquals(0, op.exit(), op.err());
        return raw;
    }

    @Test
    void turnsAnOpRunIntoTheOpTableAndNamesWhatIsMissing() throws IOException {
        Path raw = rawWithOps(), out = dir.resolve("results");
        Cli.Run r = Cli.run("report", "--raw", raw.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String table = Files.readString(out.resolve("tables/op-costs.md"), StandardCharsets.UTF_8);
        // The GMW ReLU's exact cost, as polympc op counted it: 38.5 bytes per element and 8 rounds per party.
        assertTrue(table.contains("| relu | gmw | dealer | memory | 8 | 38.5 | 38.5 | 8 | 8 |"), table);
        assertTrue(r.err().contains("polympc report: table models: missing source results/raw/train.csv"), r.err());
        assertTrue(r.out().contains("report: 1 tables"), r.out());
        assertTrue(Files.readString(out.resolve("REPORT.md")).contains("## Missing sources"));

        Cli.Run strict = Cli.run("report", "--raw", raw.toString(), "--out", out.toString(), "--strict");
        assertEquals(ReportCommand.MISSING_SOURCE, strict.exit());
    }

    @Test
    void aMalformedRawFileIsOneErrorAndTheReportStays() throws IOException {
        Path raw = rawWithOps(), out = dir.resolve("results");
        assertEquals(0, Cli.run("report", "--raw", raw.toString(), "--out", out.toString()).exit());
        String before = Files.readString(out.resolve("REPORT.md"));
        Files.writeString(raw.resolve("train.csv"), "experiment,config,metric,value\ntrain,run=a,test_accuracy,90\n");
        Cli.Run r = Cli.run("report", "--raw", raw.toString(), "--out", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("polympc: error: ") && r.err().contains("train.csv:1: header is experiment,config,metric,value"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(before, Files.readString(out.resolve("REPORT.md")));
    }

    @Test
    void aMissingRawFolderIsAnError() {
        Cli.Run r = Cli.run("report", "--raw", dir.resolve("nope").toString(), "--out", dir.resolve("results").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no such directory"), r.err());
        assertFalse(Files.exists(dir.resolve("results/REPORT.md")));
    }
}
