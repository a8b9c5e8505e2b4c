package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.polympcnet.protocols.ring.FixedPoint;

/** polympc op with both parties in this process, against the plaintext result. */
class OpInProcessTest {
    static final String INPUT = String.join("\n",
            "# comment lines and blank lines are skipped",
            "1.5", "-2.25", "", "0", "3.14159", "-0.00001", "1e2", "-100", "0.5", "-0.5",
            "  7  ", "-7.125", "#", "99.99", "-33.3", "0.0000152587890625", "-1", "2", "-3", "42") + "\n";

    @TempDir
    Path dir;

    private Path input(String text) throws Exception {
        Path p = dir.resolve("in.txt");
        Files.writeString(p, text);
        return p;
    }

    private List<String> run(String op, String transport, String... extra) throws Exception {
        Path in = input(INPUT), out = dir.resolve("out-" + op + ".txt");
        String[] base = {"op", op, "--input", in.toString(), "--output", out.toString(), "--transport", transport, "--timeout", "20"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra)).toArray(String[]::new);
        Cli.Run r = Cli.run(args);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        return Files.readAllLines(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "tcp"})
    void reluIsExact(String transport) throws Exception {
        FixedPoint fp = new FixedPoint(16);
        long[] x = Plaintext.encodedInput(input(INPUT), fp);
        List<String> got = run("relu", transport);
        assertEquals(x.length, got.size());
        for (int i = 0; i < x.length; i++) assertEquals(Plaintext.relu(fp, x[i]), got.get(i), "line " + i);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "tcp"})
    void dreluIsExact(String transport) throws Exception {
        long[] x = Plaintext.encodedInput(input(INPUT), new FixedPoint(16));
        List<String> got = run("drelu", transport);
        assertEquals(x.length, got.size());
        for (int i = 0; i < x.length; i++) assertEquals(Plaintext.drelu(x[i]), got.get(i), "line " + i);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "tcp"})
    void squareWithinTwoUlps(String transport) throws Exception {
        FixedPoint fp = new FixedPoint(16);
        long[] x = Plaintext.encodedInput(input(INPUT), fp);
        for (String trunc : new String[] {"local", "faithful"}) {
            List<String> got = run("square", transport, "--trunc", trunc);
            assertEquals(x.length, got.size());
            for (int i = 0; i < x.length; i++) {
                BigDecimal err = Plaintext.ulps(fp, got.get(i)).subtract(Plaintext.squareUlps(fp, x[i])).abs();
                assertTrue(err.compareTo(BigDecimal.valueOf(2)) <= 0, trunc + " line " + i + ": " + got.get(i) + " off by " + err + " ulp");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "tcp"})
    void polyWithinDocumentedError(String transport) throws Exception {
        FixedPoint fp = new FixedPoint(16);
        long[] x = Plaintext.encodedInput(input(INPUT), fp);
        double a = 0.125, b = -0.5, c = 0.25;
        for (String trunc : new String[] {"local", "faithful"}) {
            List<String> got = run("poly", transport, "--coeffs", a + "," + b + "," + c, "--trunc", trunc);
            assertEquals(x.length, got.size());
            for (int i = 0; i < x.length; i++) {
                BigDecimal err = Plaintext.ulps(fp, got.get(i)).subtract(Plaintext.polyUlps(fp, x[i], a, b, c)).abs();
                // PolyActivation documents |a| + 1 ulp from its two truncations; allow 2 + |a|.
                assertTrue(err.compareTo(BigDecimal.valueOf(2 + Math.abs(a))) <= 0, trunc + " line " + i + ": " + got.get(i) + " off by " + err + " ulp");
            }
        }
    }

    /**
     * relu and drelu by each comparison protocol with each correlation source: every output equals
     * the plaintext, so all four agree line for line (the dealer and OT give identical outputs).
     */
    @ParameterizedTest
    @ValueSource(strings = {"relu", "drelu"})
    void everyProtocolWithEveryCorrelationSourceIsExactAndTheyAgree(String op) throws Exception {
        long[] x = Plaintext.encodedInput(input(INPUT), new FixedPoint(16));
        FixedPoint fp = new FixedPoint(16);
        List<String> first = null;
        for (String protocol : new String[] {"gmw", "millionaire"}) {
            for (String corr : new String[] {"dealer", "ot"}) {
                List<String> got = run(op, "memory", "--protocol", protocol, "--correlations", corr);
                String what = op + " --protocol " + protocol + " --correlations " + corr;
                assertEquals(x.length, got.size(), what);
                for (int i = 0; i < x.length; i++) {
                    String want = op.equals("relu") ? Plaintext.relu(fp, x[i]) : Plaintext.drelu(x[i]);
                    assertEquals(want, got.get(i), what + ", line " + i);
                }
                if (first == null) first = got;
                else assertEquals(first, got, what + " agrees with --protocol gmw --correlations dealer");
            }
        }
    }

    @Test
    void dealerFreeMillionaireOverLoopbackTcp() throws Exception {
        FixedPoint fp = new FixedPoint(16);
        long[] x = Plaintext.encodedInput(input(INPUT), fp);
        List<String> got = run("relu", "tcp", "--protocol", "millionaire", "--correlations", "ot");
        for (int i = 0; i < x.length; i++) assertEquals(Plaintext.relu(fp, x[i]), got.get(i), "line " + i);
        List<String> bits = run("drelu", "tcp", "--protocol", "gmw", "--correlations", "ot");
        for (int i = 0; i < x.length; i++) assertEquals(Plaintext.drelu(x[i]), bits.get(i), "line " + i);
    }

    /** Square and poly with correlations from OT (faithful truncation then takes its masks from daBits). */
    @ParameterizedTest
    @ValueSource(strings = {"local", "faithful"})
    void squareAndPolyWithCorrelationsFromOtWithinDocumentedError(String trunc) throws Exception {
        FixedPoint fp = new FixedPoint(16);
        long[] x = Plaintext.encodedInput(input(INPUT), fp);
        List<String> sq = run("square", "memory", "--correlations", "ot", "--trunc", trunc);
        assertEquals(x.length, sq.size());
        for (int i = 0; i < x.length; i++) {
            BigDecimal err = Plaintext.ulps(fp, sq.get(i)).subtract(Plaintext.squareUlps(fp, x[i])).abs();
            assertTrue(err.compareTo(BigDecimal.valueOf(2)) <= 0, "square " + trunc + " line " + i + ": " + sq.get(i) + " off by " + err + " ulp");
        }
        double a = 0.125, b = -0.5, c = 0.25;
        List<String> poly = run("poly", "memory", "--coeffs", a + "," + b + "," + c, "--correlations", "ot", "--trunc", trunc);
        assertEquals(x.length, poly.size());
        for (int i = 0; i < x.length; i++) {
            BigDecimal err = Plaintext.ulps(fp, poly.get(i)).subtract(Plaintext.polyUlps(fp, x[i], a, b, c)).abs();
            assertTrue(err.compareTo(BigDecimal.valueOf(2 + Math.abs(a))) <= 0, "poly " + trunc + " line " + i + ": " + poly.get(i) + " off by " + err + " ulp");
        }
    }

    @ParameterizedTest
    @CsvSource({"relu, millionaire, ot", "drelu, millionaire, dealer", "drelu, gmw, ot"})
    void comparisonsAtTheEdgesOfTheRange(String op, String protocol, String corr) throws Exception {
        FixedPoint fp = new FixedPoint(8);
        // The extremes, the smallest steps either side of zero, and values whose 4-bit digits
        // (as the millionaires' protocol cuts them) are equal in all but one place.
        String text = "36028797018963967.99609375\n-36028797018963968\n0\n0.00390625\n-0.00390625\n0.001953125\n"
                + "4096\n-4096\n4095.99609375\n-4095.99609375\n1\n-1\n17.0625\n-17.0625\n";
        Path in = input(text), out = dir.resolve("edge.txt");
        Cli.Run r = Cli.run("op", op, "--frac-bits", "8", "--protocol", protocol, "--correlations", corr,
                "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        long[] x = Plaintext.encodedInput(in, fp);
        List<String> got = Files.readAllLines(out);
        assertEquals(x.length, got.size());
        for (int i = 0; i < x.length; i++) {
            assertEquals(op.equals("relu") ? Plaintext.relu(fp, x[i]) : Plaintext.drelu(x[i]), got.get(i), "line " + i);
        }
    }

    @Test
    void reluAtTheEdgesOfTheRangeAndOtherFracBits() throws Exception {
        FixedPoint fp = new FixedPoint(8);
        String text = "36028797018963967.99609375\n-36028797018963968\n0.00390625\n-0.00390625\n0.001953125\n";
        Path in = input(text), out = dir.resolve("edge.txt");
        Cli.Run r = Cli.run("op", "relu", "--frac-bits", "8", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        long[] x = Plaintext.encodedInput(in, fp);
        List<String> got = Files.readAllLines(out);
        for (int i = 0; i < x.length; i++) assertEquals(Plaintext.relu(fp, x[i]), got.get(i));
        assertEquals("36028797018963967.99609375", got.get(0));
        assertEquals("0.00390625", got.get(4)); // 2^-9 rounds half away from zero to 2^-8
    }

    @Test
    void replacesAnExistingOutputAndLeavesNoTempFiles() throws Exception {
        Path out = dir.resolve("out-relu.txt");
        Files.writeString(out, "old\n");
        run("relu", "memory");
        assertEquals("1.5", Files.readAllLines(out).get(0));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("in.txt", "out-relu.txt"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
