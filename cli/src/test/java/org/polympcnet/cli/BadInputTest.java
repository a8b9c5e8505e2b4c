package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with one error line naming the problem, a non-zero exit, and no OUT at all. */
class BadInputTest {
    @TempDir
    Path dir;

    private Cli.Run runOn(String text, String... opAndOptions) throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, text);
        List<String> args = new java.util.ArrayList<>(List.of("op"));
        args.addAll(List.of(opAndOptions));
        args.addAll(List.of("--input", in.toString(), "--output", dir.resolve("out.txt").toString(), "--stats", dir.resolve("s.json").toString()));
        return Cli.run(args.toArray(String[]::new));
    }

    private void assertOneErrorAndNoOutput(Cli.Run r, int exit, String... fragments) throws Exception {
        assertEquals(exit, r.exit(), r.err());
        assertTrue(r.err().startsWith(Errors.PREFIX), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        try (var s = Files.list(dir)) {
            assertEquals(List.of("in.txt"), s.map(p -> p.getFileName().toString()).toList(), "no OUT, STATS or temp files");
        }
    }

    @Test
    void nonNumberNamesFileAndLine() throws Exception {
        Cli.Run r = runOn("1\n# two\n\n2\nabc\n3\n", "relu");
        assertOneErrorAndNoOutput(r, 1, "in.txt:5: 'abc' is not a number");
    }

    @Test
    void valueOutsideTheFixedPointRange() throws Exception {
        Cli.Run r = runOn("1\n140737488355328\n", "drelu");
        assertOneErrorAndNoOutput(r, 1, "in.txt:2:", "outside the fixed-point range", "140737488355327.9999847412109375");
    }

    @Test
    void hugeExponentIsOutOfRangeNotSlow() throws Exception {
        Cli.Run r = runOn("1e999999999\n", "relu");
        assertOneErrorAndNoOutput(r, 1, "in.txt:1:", "outside the fixed-point range");
    }

    @Test
    void squareRejectsValuesWhoseSquareOverflows() throws Exception {
        // 2^(31-16) = 32768: 32767.99998 fits, 32768 does not.
        Cli.Run ok = runOn("32767.99998\n-32767.99998\n", "square", "--trunc", "faithful");
        assertEquals(0, ok.exit(), ok.err());
        Files.delete(dir.resolve("out.txt"));
        Files.delete(dir.resolve("s.json"));
        Cli.Run r = runOn("1\n-32768\n", "square");
        assertOneErrorAndNoOutput(r, 1, "in.txt:2: '-32768'", "2^(31-16) = 32768");
    }

    @Test
    void polyRejectsValuesWhosePolynomialOverflows() throws Exception {
        Cli.Run r = runOn("1\n2\n2000\n", "poly", "--coeffs", "1000,0,0");
        assertOneErrorAndNoOutput(r, 1, "in.txt:3: '2000'", "poly", "1073741824");
    }

    @Test
    void polyWithoutCoeffsIsAUsageError() throws Exception {
        Cli.Run r = runOn("1\n", "poly");
        assertOneErrorAndNoOutput(r, 2, "needs --coeffs");
    }

    @Test
    void coeffsOnOtherOpsAndMalformedCoeffsAreUsageErrors() throws Exception {
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--coeffs", "1,2,3"), 2, "--coeffs is only for op poly");
        assertOneErrorAndNoOutput(runOn("1\n", "poly", "--coeffs", "1,2"), 2, "three numbers");
        assertOneErrorAndNoOutput(runOn("1\n", "poly", "--coeffs", "1,x,3"), 2, "'x' is not a number");
        assertOneErrorAndNoOutput(runOn("1\n", "poly", "--coeffs", "1,NaN,3"), 2, "'NaN' is not a number");
    }

    @Test
    void emptyInput() throws Exception {
        assertOneErrorAndNoOutput(runOn("# nothing\n\n", "relu"), 1, "no numbers");
    }

    @Test
    void usageErrors() throws Exception {
        assertOneErrorAndNoOutput(runOn("1\n", "tanh"), 2, "unknown op 'tanh'");
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--trunc", "exact"), 2, "unknown truncation mode");
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--frac-bits", "41"), 2, "0..40");
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--correlations", "ttp"), 2, "unknown source 'ttp'; use dealer or ot");
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--protocol", "dcf"), 2, "unknown protocol 'dcf': use gmw, millionaire or fss");
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--protocol", "fss", "--correlations", "ot"), 2,
                "--protocol fss needs the dealer (--correlations dealer)");
        assertOneErrorAndNoOutput(runOn("1\n", "drelu", "--protocol", "fss", "--correlations", "ot"), 2,
                "--protocol fss needs the dealer (--correlations dealer)");
        assertOneErrorAndNoOutput(runOn("1\n", "square", "--protocol", "gmw"), 2, "--protocol is only for op relu and drelu", "not square");
        assertOneErrorAndNoOutput(runOn("1\n", "poly", "--coeffs", "1,0,0", "--protocol", "millionaire"), 2, "--protocol is only for op relu and drelu", "not poly");
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--party", "0", "--listen", "7000", "--correlations", "ot", "--dealer", "localhost:2"),
                2, "--dealer is not for --correlations ot");
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--party", "0", "--listen", "7000"), 2, "with --correlations dealer", "needs --dealer");
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--listen", "7000"), 2, "add --party");
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--party", "1", "--connect", "localhost:1", "--dealer", "localhost:2"), 2, "party 0 owns the input");
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--party", "2"), 2, "--party must be 0 or 1");
        assertOneErrorAndNoOutput(runOn("1\n", "relu", "--timeout", "0"), 2, "--timeout");
    }

    @Test
    void missingInputFile() throws Exception {
        Cli.Run r = Cli.run("op", "relu", "--input", dir.resolve("absent.txt").toString(), "--output", dir.resolve("out.txt").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("absent.txt") && r.err().contains("no such file"), r.err());
        assertFalse(Files.exists(dir.resolve("out.txt")));
    }

    @Test
    void bareCommandLineStillExitsNonZeroOnErrors() throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "zz\n");
        var cmd = new picocli.CommandLine(new Polympc());
        java.io.StringWriter err = new java.io.StringWriter();
        cmd.setErr(new java.io.PrintWriter(err, true));
        assertEquals(1, cmd.execute("op", "relu", "--input", in.toString(), "--output", dir.resolve("o").toString()));
        assertTrue(err.toString().startsWith("polympc: error: "), err.toString());
        assertEquals(2, cmd.execute("op", "poly", "--input", in.toString(), "--output", dir.resolve("o").toString()));
    }
}
