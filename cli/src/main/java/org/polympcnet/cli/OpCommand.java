package org.polympcnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polympcnet.protocols.ring.FixedPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polympc op}: one op under 2PC on the numbers of a file. Without --party both parties
 * (and the dealer, if any) run in this process; with --party each process is one party, and
 * either a separate {@code polympc dealer} serves them or, with {@code --correlations ot}, they
 * make their correlations by oblivious transfer over their own link. This class validates options
 * and orders the work; the protocol steps are in {@link PartyProtocol}.
 */
@Command(
        name = "op",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs one op under two-party computation: party 0 secret-shares the numbers of IN, both parties "
                    + "run the op, and party 1 alone learns the result, written to OUT.",
            "",
            "IN: one decimal number a line (e.g. -1.5, 3, 2.5e-3); blank lines and lines starting with # are "
                    + "skipped. Numbers are rounded to the nearest multiple of 2^-F and must fit the fixed-point "
                    + "range |x| < 2^(63-F); for square and poly also |x| < 2^(31-F), so that x^2 fits the ring.",
            "OUT: one result a line, in input order: relu, square and poly as exact decimals, drelu as 0 or 1 "
                    + "(1 when x >= 0). OUT appears complete or not at all.",
            "",
            "Truncation (square, poly): 'local' costs no communication but fails with probability about "
                    + "|x^2 * 2^(2F)| / 2^63 per value; 'faithful' costs one more round and never fails.",
            "Comparison (relu, drelu): 'gmw', the GMW carry tree on AND triples, or 'millionaire', the CrypTFlow2 "
                    + "millionaires' protocol, a 1-out-of-2^m OT per m-bit digit, then a comparison tree; both exact. The "
                    + "millionaire's digits follow --correlations: dealer 3 + 15 x 4 bits (online 75.25 / 21.125 B a ReLU from "
                    + "party 0 / 1), ot 2 x 4 + 11 x 5 bits (108.125 / 20 B); 6 rounds either way.",
            "Correlations: 'dealer', a trusted third party (a thread here, or 'polympc dealer' across processes), or "
                    + "'ot', made by the two parties alone by oblivious transfer (no dealer, more offline traffic).",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  polympc op relu --input in.txt --output out.txt --stats stats.json",
            "  polympc op poly --coeffs 0.125,0.5,0.25 --trunc faithful \\",
            "      --input in.txt --output out.txt",
            "Across two processes, with a dealer:",
            "  polympc dealer --listen 7001",
            "  polympc op relu --party 0 --listen 7000 --dealer localhost:7001 \\",
            "      --input in.txt",
            "  polympc op relu --party 1 --connect localhost:7000 \\",
            "      --dealer localhost:7001 --output out.txt",
            "Across two processes, without a dealer:",
            "  polympc op relu --protocol millionaire --correlations ot --party 0 \\",
            "      --listen 7000 --input in.txt",
            "  polympc op relu --protocol millionaire --correlations ot --party 1 \\",
            "      --connect localhost:7000 --output out.txt",
            ""
        })
final class OpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OP", converter = OpKind.Converter.class,
            description = "relu, drelu, square or poly (a*x^2 + b*x + c).")
    OpKind op;

    @Option(names = "--input", paramLabel = "IN", description = "Input numbers (party 0, or an in-process run).")
    Path input;

    @Option(names = "--output", paramLabel = "OUT", description = "Where the result goes (party 1, or an in-process run).")
    Path output;

    @Option(names = "--coeffs", paramLabel = "A,B,C", description = "Coefficients of a*x^2 + b*x + c; required for poly, only for poly.")
    String coeffs;

    @Option(names = "--protocol", paramLabel = "P", converter = ComparisonProtocol.Converter.class,
            description = "relu and drelu only: gmw (GMW carry tree), millionaire (CrypTFlow2 millionaires' protocol) or fss "
                    + "(BCG+21 function secret sharing: one round, 8 bytes a value a party; dealer only) (default: gmw).")
    ComparisonProtocol protocol;

    @Mixin
    PartyOptions parties;

    @Option(names = "--stats", paramLabel = "STATS.json", description = "Write bytes, rounds and times of the run as JSON.")
    Path stats;

    @Option(names = "--stats-csv", paramLabel = "FILE.csv",
            description = "Write the same figures as tidy CSV rows (experiment,config,metric,value,unit) for results/raw/.")
    Path statsCsv;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        OpSettings settings = settings();
        checkMode();
        try {
            return run(settings, start);
        } catch (Exception e) {
            return Errors.runtime(spec.commandLine().getErr(), e);
        }
    }

    private int run(OpSettings s, long start) throws Exception {
        long[] values = input == null ? null
                : NumberFile.read(input, s.fp(), s.op().inputRule(s.fp(), s.coeffs()));
        try (AtomicOutput out = output == null ? null : AtomicOutput.begin(output)) {
            RunResult r;
            if (parties.inProcess()) r = InProcessRun.run(s, parties.inProcessTransport(), values);
            else if (parties.isParty(0)) r = TwoProcessRun.party0(s, parties.listen, parties.dealer, values);
            else r = TwoProcessRun.party1(s, parties.connect, parties.dealer);
            if (out != null) ResultFile.write(out.writer(), s.op(), s.fp(), r.revealed(), r.n());
            long wall = System.nanoTime() - start;
            if (stats != null) StatsWriter.write(stats, s, r, wall);
            if (statsCsv != null) StatsCsv.write(statsCsv, StatsWriter.toJson(s, r, wall));
            if (out != null) out.commit();
        }
        return 0;
    }

    /** Validates what both parties must agree on; usage errors (exit 2) otherwise. */
    private OpSettings settings() {
        FixedPoint fp = parties.fixedPoint();
        Coefficients c = null;
        if (op.needsCoefficients()) {
            if (coeffs == null) throw usage("op " + op.cliName() + " needs --coeffs A,B,C (for a*x^2 + b*x + c)");
            try {
                c = Coefficients.parse(coeffs);
                c.check(fp);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        } else if (coeffs != null) {
            throw usage("--coeffs is only for op poly, not " + op.cliName());
        }
        ComparisonProtocol comparison = null;
        if (op.hasComparison()) {
            comparison = protocol == null ? ComparisonProtocol.GMW : protocol;
            if (comparison == ComparisonProtocol.FSS && OpSettings.OT.equals(parties.correlations)) {
                throw usage(ComparisonProtocol.FSS_NEEDS_DEALER);
            }
        } else if (protocol != null) {
            throw usage("--protocol is only for op relu and drelu (how they compare), not " + op.cliName());
        }
        int timeoutMillis = parties.timeoutMillis();
        return new OpSettings(op, fp, parties.truncation, comparison, parties.correlations, c, timeoutMillis);
    }

    /** Which options go with an in-process run, party 0 and party 1. */
    private void checkMode() {
        parties.checkMode("party 0", "party 1");
        if (parties.inProcess()) {
            parties.require("--input", input, "an in-process run");
            parties.require("--output", output, "an in-process run");
        } else if (parties.isParty(0)) {
            parties.require("--input", input, "party 0 (it owns the input)");
            parties.reject("--output", output, "party 0 does not learn the result; party 1 writes --output");
        } else {
            parties.require("--output", output, "party 1 (it alone learns the result)");
            parties.reject("--input", input, "party 0 owns the input; party 1 has none");
        }
    }

    private ParameterException usage(String message) {
        return parties.usage(message);
    }
}
