package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polympcnet.protocols.net.NetworkProfile;
import org.polympcnet.protocols.ops.DRelu;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ops.Square;
import org.polympcnet.protocols.ops.Truncation;

/** STATS.json: the fields other tools read, and online bytes and rounds equal to the formulas. */
class StatsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "relu, local, memory, 100",
        "relu, local, tcp, 77",
        "drelu, local, memory, 64",
        "square, local, memory, 13",
        "square, faithful, tcp, 13",
        "poly, local, memory, 50",
        "poly, faithful, memory, 50",
    })
    void statsHoldTheMeasuredCountsAndTheyMatchTheFormula(String op, String trunc, String transport, int n) throws Exception {
        StringBuilder text = new StringBuilder("# generated\n");
        for (int i = 0; i < n; i++) text.append((i % 7 - 3) * 1.25).append('\n');
        Path in = dir.resolve("in.txt"), out = dir.resolve("out.txt"), stats = dir.resolve("stats.json");
        Files.writeString(in, text);
        String[] args = op.equals("poly")
                ? new String[] {"op", op, "--coeffs", "0.25,1,0", "--input", in.toString(), "--output", out.toString(), "--stats", stats.toString(), "--trunc", trunc, "--transport", transport}
                : new String[] {"op", op, "--input", in.toString(), "--output", out.toString(), "--stats", stats.toString(), "--trunc", trunc, "--transport", transport};
        Cli.Run r = Cli.run(args);
        assertEquals(0, r.exit(), r.err());

        JsonNode j = new ObjectMapper().readTree(stats.toFile());
        Truncation.Mode mode = Truncation.Mode.parse(trunc);
        long formulaBytes = switch (op) {
            case "relu" -> Relu.onlineBytes(n);
            case "drelu" -> DRelu.onlineBytes(n);
            case "square" -> Square.onlineBytes(mode, n);
            default -> PolyActivation.onlineBytes(mode, n);
        };
        int formulaRounds = switch (op) {
            case "relu" -> Relu.onlineRounds();
            case "drelu" -> DRelu.onlineRounds();
            case "square" -> Square.onlineRounds(mode);
            default -> PolyActivation.onlineRounds(mode);
        };
        assertEquals(op, j.get("op").asText());
        assertEquals(n, j.get("n").asInt());
        assertEquals(op.endsWith("relu") ? "gmw-carry-tree" : "beaver-square", j.get("protocol").asText());
        assertEquals("dealer", j.get("correlations").asText());
        assertEquals(trunc, j.get("truncation").asText());
        assertEquals(16, j.get("fracBits").asInt());
        assertEquals(transport, j.get("transport").asText());
        assertEquals(formulaBytes, j.at("/formula/onlineBytesPerParty").asLong());
        assertEquals(formulaRounds, j.at("/formula/onlineRounds").asInt());
        for (int p = 0; p < 2; p++) {
            assertEquals(formulaBytes, j.get("onlineBytes").get(p).asLong(), "party " + p);
            assertTrue(j.get("offlineBytes").get(p).asLong() > j.get("offlineBytesFromDealer").get(p).asLong(), "offline both ways");
            assertTrue(j.get("offlineBytesFromDealer").get(p).asLong() > 0);
        }
        assertEquals(formulaRounds, j.get("onlineRounds").asInt());
        assertTrue(j.get("offlineBytesNote").asText().contains("both directions"));
        // Party 0 sends party 1 its input's other share, then its share of the result; party 1 sends nothing.
        long revealBytes = op.equals("drelu") ? (n + 7) / 8 : 8L * n;
        assertEquals(8L * n + revealBytes, j.get("ioBytes").get(0).asLong());
        assertEquals(0, j.get("ioBytes").get(1).asLong());
        double wall = j.get("wallMillis").asDouble(), online = j.get("onlineMillis").asDouble();
        assertTrue(online > 0 && online <= wall, online + " vs " + wall);
        long busier = Math.max(j.get("onlineBytes").get(0).asLong(), j.get("onlineBytes").get(1).asLong());
        assertEquals(NetworkProfile.WAN.projectSeconds(online / 1e3, formulaRounds, busier), j.at("/projectedOnlineSeconds/wan").asDouble(), 1e-9);
        assertTrue(j.at("/projectedOnlineSeconds/lan").asDouble() < j.at("/projectedOnlineSeconds/wan").asDouble());
    }

    @org.junit.jupiter.api.Test
    void statsCsvIsTidyAndAgreesWithTheJson() throws Exception {
        Path in = dir.resolve("in.txt"), out = dir.resolve("out.txt"), csv = dir.resolve("ops.csv"), stats = dir.resolve("s.json");
        Files.writeString(in, "1\n-2\n3.5\n0\n");
        Cli.Run r = Cli.run("op", "relu", "--input", in.toString(), "--output", out.toString(), "--stats", stats.toString(),
                "--stats-csv", csv.toString());
        assertEquals(0, r.exit(), r.err());
        java.util.List<String> lines = Files.readAllLines(csv);
        assertEquals("experiment,config,metric,value,unit", lines.get(0));
        String config = "op=relu;n=4;transport=memory;truncation=local;fracBits=16;correlations=dealer";
        assertTrue(lines.contains("op," + config + ",online_bytes_p0," + Relu.onlineBytes(4) + ",bytes"), lines.toString());
        assertTrue(lines.contains("op," + config + ",online_rounds,8,rounds"), lines.toString());
        for (String line : lines.subList(1, lines.size())) assertEquals(5, line.split(",").length, line);
    }
}
