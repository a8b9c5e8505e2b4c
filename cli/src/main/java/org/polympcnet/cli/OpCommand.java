package org.polympcnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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
                    + "millionaires' protocol on 1-out-of-16 OTs; both exact.",
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

    @Option(names = "--frac-bits", paramLabel = "F", defaultValue = "16", description = "Fractional bits of the fixed-point encoding, 0..40 (default: ${DEFAULT-VALUE}).")
    int fracBits;

    @Option(names = "--trunc", paramLabel = "MODE", defaultValue = "local", converter = TruncConverter.class,
            description = "Truncation after products: local or faithful (default: ${DEFAULT-VALUE}).")
    Truncation.Mode truncation;

    @Option(names = "--transport", paramLabel = "T", converter = TransportConverter.class,
            description = "In-process link between the parties: memory or tcp (loopback) (default: memory). Two-process runs always use tcp.")
    Transport transport;

    @Option(names = "--protocol", paramLabel = "P", converter = ComparisonProtocol.Converter.class,
            description = "relu and drelu only: gmw (GMW carry tree) or millionaire (CrypTFlow2 millionaires' protocol) (default: gmw).")
    ComparisonProtocol protocol;

    @Option(names = "--correlations", paramLabel = "SRC", defaultValue = "dealer",
            description = "Source of correlated randomness: dealer (a trusted third party) or ot (the two parties alone, "
                    + "by oblivious transfer) (default: ${DEFAULT-VALUE}). Both parties must use the same.")
    String correlations;

    @Option(names = "--stats", paramLabel = "STATS.json", description = "Write bytes, rounds and times of the run as JSON.")
    Path stats;

    @Option(names = "--stats-csv", paramLabel = "FILE.csv",
            description = "Write the same figures as tidy CSV rows (experiment,config,metric,value,unit) for results/raw/.")
    Path statsCsv;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up when a peer or the dealer is silent this long (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--party", paramLabel = "0|1", description = "Run only this party, in a run across two processes.")
    Integer party;

    @Option(names = "--listen", paramLabel = "PORT", converter = Ports.Converter.class, description = "Party 0: port to accept party 1 on.")
    Integer listen;

    @Option(names = "--connect", paramLabel = "HOST:PORT", converter = Endpoint.Converter.class, description = "Party 1: where party 0 listens.")
    Endpoint connect;

    @Option(names = "--dealer", paramLabel = "HOST:PORT", converter = Endpoint.Converter.class,
            description = "Two-process runs with --correlations dealer: where the dealer listens (not with --correlations ot).")
    Endpoint dealer;

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
            if (party == null) r = InProcessRun.run(s, transport == null ? Transport.MEMORY : transport, values);
            else if (party == 0) r = TwoProcessRun.party0(s, listen, dealer, values);
            else r = TwoProcessRun.party1(s, connect, dealer);
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
        FixedPoint fp;
        try {
            fp = new FixedPoint(fracBits);
        } catch (IllegalArgumentException e) {
            throw usage("--frac-bits: " + e.getMessage());
        }
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
        } else if (protocol != null) {
            throw usage("--protocol is only for op relu and drelu (how they compare), not " + op.cliName());
        }
        if (!OpSettings.DEALER.equals(correlations) && !OpSettings.OT.equals(correlations)) {
            throw usage("--correlations: unknown source '" + correlations + "'; use dealer or ot");
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > Integer.MAX_VALUE / 1000.0) {
            throw usage("--timeout must be a positive number of seconds, got " + timeoutSeconds);
        }
        int timeoutMillis = (int) Math.max(1, Math.round(timeoutSeconds * 1000));
        return new OpSettings(op, fp, truncation, comparison, correlations, c, timeoutMillis);
    }

    /** Which options go with an in-process run, party 0 and party 1. */
    private void checkMode() {
        if (party == null) {
            for (Object[] o : new Object[][] {{"--listen", listen}, {"--connect", connect}, {"--dealer", dealer}}) {
                if (o[1] != null) throw usage(o[0] + " is for runs across two processes: add --party 0 or --party 1");
            }
            require("--input", input, "an in-process run");
            require("--output", output, "an in-process run");
            return;
        }
        if (party != 0 && party != 1) throw usage("--party must be 0 or 1, got " + party);
        if (transport == Transport.MEMORY) throw usage("--transport memory is for in-process runs; two processes use tcp");
        if (OpSettings.OT.equals(correlations)) {
            if (dealer != null) {
                throw usage("--dealer is not for --correlations ot: the parties make their correlations by oblivious "
                        + "transfer over their own link; drop --dealer, or use --correlations dealer");
            }
        } else {
            require("--dealer", dealer, "party " + party + " with --correlations dealer (or use --correlations ot, without a dealer)");
        }
        if (party == 0) {
            require("--listen", listen, "party 0");
            require("--input", input, "party 0 (it owns the input)");
            reject("--connect", connect, "party 0 listens (--listen) for party 1");
            reject("--output", output, "party 0 does not learn the result; party 1 writes --output");
        } else {
            require("--connect", connect, "party 1");
            require("--output", output, "party 1 (it alone learns the result)");
            reject("--listen", listen, "party 1 connects (--connect) to party 0");
            reject("--input", input, "party 0 owns the input; party 1 has none");
        }
    }

    private void require(String name, Object value, String who) {
        if (value == null) throw usage(who + " needs " + name);
    }

    private void reject(String name, Object value, String why) {
        if (value != null) throw usage(name + " is not for party " + party + ": " + why);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static final class TruncConverter implements ITypeConverter<Truncation.Mode> {
        @Override
        public Truncation.Mode convert(String value) {
            try {
                return Truncation.Mode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class TransportConverter implements ITypeConverter<Transport> {
        @Override
        public Transport convert(String value) {
            try {
                return Transport.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
