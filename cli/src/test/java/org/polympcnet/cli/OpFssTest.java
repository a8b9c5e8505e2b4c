package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polympcnet.protocols.correlation.dealer.DealerClient;
import org.polympcnet.protocols.ops.FssDRelu;
import org.polympcnet.protocols.ops.FssRelu;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * polympc op relu|drelu --protocol fss (dealer mode), both parties in this process: equal to the
 * plaintext on the range's edges, and STATS.json holds 8n bytes and 1 round online per party and the
 * documented offline bytes on each dealer link.
 */
class OpFssTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"relu, memory", "relu, tcp", "drelu, memory", "drelu, tcp"})
    void fssIsExactAtTheEdgesAndCostsWhatIsDocumented(String op, String transport) throws Exception {
        FixedPoint fp = new FixedPoint(8);
        String text = "36028797018963967.99609375\n-36028797018963968\n0\n0.00390625\n-0.00390625\n0.001953125\n"
                + "4096\n-4096\n4095.99609375\n-4095.99609375\n1\n-1\n17.0625\n-17.0625\n" + OpInProcessTest.INPUT;
        Path in = dir.resolve("in.txt"), out = dir.resolve("out.txt"), stats = dir.resolve("stats.json");
        Files.writeString(in, text);
        Cli.Run r = Cli.run("op", op, "--protocol", "fss", "--frac-bits", "8", "--transport", transport, "--timeout", "20",
                "--input", in.toString(), "--output", out.toString(), "--stats", stats.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        long[] x = Plaintext.encodedInput(in, fp);
        int n = x.length;
        List<String> got = Files.readAllLines(out);
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) {
            assertEquals(op.equals("relu") ? Plaintext.relu(fp, x[i]) : Plaintext.drelu(x[i]), got.get(i), "line " + i);
        }
        JsonNode j = new ObjectMapper().readTree(stats.toFile());
        assertEquals("fss-dcf", j.get("protocol").asText());
        for (int p = 0; p < 2; p++) {
            assertEquals(8L * n, j.get("onlineBytes").get(p).asLong(), "online bytes, party " + p);
            assertEquals(1, j.get("onlineRoundsPerParty").get(p).asInt(), "online rounds, party " + p);
            assertEquals(8L * n, j.at("/formula/onlineBytesPerParty").get(p).asLong());
            long formula = op.equals("relu") ? FssRelu.offlineBytes(p, n) : FssDRelu.offlineBytes(p, n);
            assertEquals(formula + DealerClient.SESSION_BYTES, j.get("offlineBytes").get(p).asLong(), "offline bytes, party " + p);
        }
        assertEquals(1, j.get("onlineRounds").asInt());
    }
}
