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
import org.polympcnet.protocols.ops.MillionaireDRelu;
import org.polympcnet.protocols.ops.MillionaireDigits;
import org.polympcnet.protocols.ops.MillionaireRelu;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ops.Square;
import org.polympcnet.protocols.ops.Truncation;

/**
 * STATS.json: the fields other tools read, and each party's online bytes and rounds equal to the
 * formulas, for each comparison protocol and correlation source.
 */
class StatsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "relu, gmw, dealer, local, memory, 100",
        "relu, gmw, dealer, local, tcp, 77",
        "drelu, gmw, dealer, local, memory, 64",
        "relu, millionaire, dealer, local, memory, 100",
        "relu, millionaire, ot, local, tcp, 77",
        "drelu, millionaire, ot, local, memory, 64",
        "drelu, gmw, ot, local, memory, 9",
        "square, , dealer, local, memory, 13",
        "square, , dealer, faithful, tcp, 13",
        "square, , ot, faithful, memory, 13",
        "poly, , dealer, local, memory, 50",
        "poly, , dealer, faithful, memory, 50",
        "poly, , ot, local, memory, 50",
    })
    void statsHoldTheMeasuredCountsAndTheyMatchTheFormula(String op, String protocol, String corr, String trunc, String transport, int n)
            throws Exception {
        StringBuilder text = new StringBuilder("# generated\n");
        for (int i = 0; i < n; i++) text.append((i % 7 - 3) * 1.25).append('\n');
        Path in = dir.resolve("in.txt"), out = dir.resolve("out.txt"), stats = dir.resolve("stats.json");
        Files.writeString(in, text);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("op", op, "--input", in.toString(), "--output", out.toString(),
                "--stats", stats.toString(), "--trunc", trunc, "--transport", transport, "--correlations", corr));
        if (op.equals("poly")) args.addAll(java.util.List.of("--coeffs", "0.25,1,0"));
        if (protocol != null) args.addAll(java.util.List.of("--protocol", protocol));
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());

        JsonNode j = new ObjectMapper().readTree(stats.toFile());
        Truncation.Mode mode = Truncation.Mode.parse(trunc);
        boolean mill = "millionaire".equals(protocol);
        long[] formulaBytes = new long[2];
        int[] formulaRounds = new int[2];
        for (int p = 0; p < 2; p++) {
            formulaBytes[p] = switch (op) {
                case "relu" -> mill ? MillionaireRelu.onlineBytes(MillionaireDigits.of(corr), p, n) : Relu.onlineBytes(n);
                case "drelu" -> mill ? MillionaireDRelu.onlineBytes(MillionaireDigits.of(corr), p, n) : DRelu.onlineBytes(n);
                case "square" -> Square.onlineBytes(mode, n);
                default -> PolyActivation.onlineBytes(mode, n);
            };
            formulaRounds[p] = switch (op) {
                case "relu" -> mill ? MillionaireRelu.onlineRounds(MillionaireDigits.of(corr), p) : Relu.onlineRounds();
                case "drelu" -> mill ? MillionaireDRelu.onlineRounds(MillionaireDigits.of(corr), p) : DRelu.onlineRounds();
                case "square" -> Square.onlineRounds(mode);
                default -> PolyActivation.onlineRounds(mode);
            };
        }
        int maxRounds = Math.max(formulaRounds[0], formulaRounds[1]);
        assertEquals("polympc-op-stats/2", j.get("schema").asText());
        assertEquals(op, j.get("op").asText());
        assertEquals(n, j.get("n").asInt());
        String expectProtocol = !op.endsWith("relu") ? "beaver-square" : mill ? "millionaire-cryptflow2" : "gmw-carry-tree";
        assertEquals(expectProtocol, j.get("protocol").asText());
        assertEquals(corr, j.get("correlations").asText());
        assertEquals(trunc, j.get("truncation").asText());
        assertEquals(16, j.get("fracBits").asInt());
        assertEquals(transport, j.get("transport").asText());
        assertEquals(maxRounds, j.at("/formula/onlineRounds").asInt());
        for (int p = 0; p < 2; p++) {
            assertEquals(formulaBytes[p], j.at("/formula/onlineBytesPerParty").get(p).asLong(), "formula, party " + p);
            assertEquals(formulaRounds[p], j.at("/formula/onlineRoundsPerParty").get(p).asInt(), "formula, party " + p);
            assertEquals(formulaBytes[p], j.get("onlineBytes").get(p).asLong(), "measured, party " + p);
            assertEquals(formulaRounds[p], j.get("onlineRoundsPerParty").get(p).asInt(), "measured, party " + p);
            long offline = j.get("offlineBytes").get(p).asLong(), sent = j.get("offlineBytesSent").get(p).asLong();
            long fromDealer = j.get("offlineBytesFromDealer").get(p).asLong();
            if (corr.equals("dealer")) {
                // All of it on the dealer link: what the party sent it plus what it sent back.
                assertTrue(fromDealer > 0 && sent > 0, "offline both ways");
                assertEquals(offline, sent + fromDealer, "no offline traffic on the peer link with a dealer");
            } else {
                assertEquals(0, fromDealer);
                assertTrue(sent > 0);
            }
        }
        if (corr.equals("ot")) {
            long total = j.get("offlineBytes").get(0).asLong();
            assertEquals(total, j.get("offlineBytes").get(1).asLong(), "one link, counted from both ends");
            assertEquals(total, j.get("offlineBytesSent").get(0).asLong() + j.get("offlineBytesSent").get(1).asLong());
            assertTrue(total > 2 * 128 * 32, "at least the base OTs: " + total);
            assertTrue(j.get("offlineBytesNote").asText().contains("no dealer"));
        } else {
            assertTrue(j.get("offlineBytesNote").asText().contains("both directions"));
        }
        assertEquals(maxRounds, j.get("onlineRounds").asInt());
        // Party 0 sends party 1 its input's other share, then its share of the result; party 1 sends nothing.
        long revealBytes = op.equals("drelu") ? (n + 7) / 8 : 8L * n;
        assertEquals(8L * n + revealBytes, j.get("ioBytes").get(0).asLong());
        assertEquals(0, j.get("ioBytes").get(1).asLong());
        double wall = j.get("wallMillis").asDouble(), online = j.get("onlineMillis").asDouble();
        assertTrue(online > 0 && online <= wall, online + " vs " + wall);
        long busier = Math.max(j.get("onlineBytes").get(0).asLong(), j.get("onlineBytes").get(1).asLong());
        assertEquals(NetworkProfile.WAN.projectSeconds(online / 1e3, maxRounds, busier), j.at("/projectedOnlineSeconds/wan").asDouble(), 1e-9);
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
        String config = "op=relu;n=4;transport=memory;truncation=local;fracBits=16;correlations=dealer;protocol=gmw-carry-tree";
        assertTrue(lines.contains("op," + config + ",online_bytes_p0," + Relu.onlineBytes(4) + ",bytes"), lines.toString());
        assertTrue(lines.contains("op," + config + ",online_rounds,8,rounds"), lines.toString());
        assertTrue(lines.contains("op," + config + ",formula_online_bytes_p0," + Relu.onlineBytes(4) + ",bytes"), lines.toString());
        assertTrue(lines.contains("op," + config + ",formula_online_bytes_p1," + Relu.onlineBytes(4) + ",bytes"), lines.toString());
        assertTrue(lines.contains("op," + config + ",formula_online_rounds,8,rounds"), lines.toString());
        for (String line : lines.subList(1, lines.size())) assertEquals(5, line.split(",").length, line);
    }

    /** The millionaires' protocol sends different amounts from each party: one formula row each. */
    @org.junit.jupiter.api.Test
    void statsCsvOfTheMillionairesProtocolWithoutDealerHasPerPartyFormulaRows() throws Exception {
        Path in = dir.resolve("in.txt"), out = dir.resolve("out.txt"), csv = dir.resolve("ops.csv"), stats = dir.resolve("s.json");
        Files.writeString(in, "1\n-2\n3.5\n0\n-8\n9\n10\n-11\n12\n");
        Cli.Run r = Cli.run("op", "drelu", "--protocol", "millionaire", "--correlations", "ot", "--input", in.toString(),
                "--output", out.toString(), "--stats", stats.toString(), "--stats-csv", csv.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(stats.toFile());
        java.util.List<String> lines = Files.readAllLines(csv);
        String config = "op=drelu;n=9;transport=memory;truncation=local;fracBits=16;correlations=ot;protocol=millionaire-cryptflow2";
        assertTrue(MillionaireDRelu.onlineBytes(MillionaireDigits.FIVE_BIT, 0, 9) != MillionaireDRelu.onlineBytes(MillionaireDigits.FIVE_BIT, 1, 9));
        for (int p = 0; p < 2; p++) {
            assertTrue(lines.contains("op," + config + ",formula_online_bytes_p" + p + "," + MillionaireDRelu.onlineBytes(MillionaireDigits.FIVE_BIT, p, 9) + ",bytes"), lines.toString());
            assertTrue(lines.contains("op," + config + ",formula_online_rounds_p" + p + "," + MillionaireDRelu.onlineRounds(MillionaireDigits.FIVE_BIT, p) + ",rounds"), lines.toString());
            assertTrue(lines.contains("op," + config + ",online_bytes_p" + p + "," + MillionaireDRelu.onlineBytes(MillionaireDigits.FIVE_BIT, p, 9) + ",bytes"), lines.toString());
            assertTrue(lines.contains("op," + config + ",offline_bytes_p" + p + "," + j.get("offlineBytes").get(0).asLong() + ",bytes"), lines.toString());
            assertTrue(lines.contains("op," + config + ",offline_bytes_sent_p" + p + "," + j.get("offlineBytesSent").get(p).asLong() + ",bytes"), lines.toString());
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains("formula_online_bytes_per_party")), "no single-figure formula row");
    }
}
