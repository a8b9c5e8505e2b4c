package org.polympcnet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polympcnet.benchmarks.report.Report;
import org.polympcnet.benchmarks.report.ReportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code polympc report}: raw results in, tables, plots and REPORT.md out. The work is in
 * {@code org.polympcnet.benchmarks.report} (the benchmarks module, DESIGN.md); this class parses
 * options and maps the outcome to exit codes.
 */
@Command(
        name = "report",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Turns every raw result file into Markdown tables (OUT/tables/*.md), PNG plots (OUT/plots/*.png) and "
                    + "OUT/REPORT.md. Nothing is typed by hand: each table names the raw files its figures come from.",
            "",
            "Reads from RAW: ops-cli.csv (polympc op), jmh-*.csv (JMH -rf csv), train.csv and train-log-RUN.csv (the "
                    + "trainer), infer-MODEL.csv and infer-layers-MODEL.csv (polympc infer), perfmodel-MODEL-HW-NET.csv and "
                    + "*gantt*.png (polympc perfmodel), compare-latency*.csv (polympc compare-latency), ENV.json; and the "
                    + "curated published figures of other systems (--published).",
            "",
            "A table or plot whose raw file is missing is not shown: REPORT.md and stderr name the table and the missing "
                    + "file. tables/ and plots/ are replaced whole, so nothing from an earlier run survives. A malformed raw "
                    + "file is an error naming the file and line; the old report is then left as it was.",
            ""
        },
        footer = {
            "",
            "Exit status: 0 when written (even with missing sources, unless --strict), 3 with --strict and a missing "
                    + "source, 1 on a malformed raw file, 2 on a usage error.",
            "",
            "Example:",
            "  polympc report --raw results/raw --out results",
            ""
        })
final class ReportCommand implements Callable<Integer> {
    static final int MISSING_SOURCE = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--raw", paramLabel = "DIR", defaultValue = "results/raw", description = "Raw results folder (default: ${DEFAULT-VALUE}).")
    Path raw;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Where tables/, plots/ and REPORT.md go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--published", paramLabel = "FILE.csv",
            description = "Published figures of other systems, each with its source (default: OUT/published/figures.csv).")
    Path published;

    @Option(names = "--strict", description = "Exit 3 when any table or plot lost its raw source.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path pub = published != null ? published : out.resolve("published").resolve("figures.csv");
            Report.Result r = Report.generate(raw, out, pub, err);
            int tables = 0;
            for (var s : r.sections()) if (s.table() != null) tables++;
            spec.commandLine().getOut().printf(Locale.ROOT, "report: %d tables, %d plots from %d raw files; %d missing source(s); wrote %s%n",
                    tables, r.plots().size(), r.usedRaw().size(), r.missing().size(), out.resolve("REPORT.md"));
            spec.commandLine().getOut().flush();
            return strict && !r.missing().isEmpty() ? MISSING_SOURCE : 0;
        } catch (ReportException e) {
            return Errors.runtime(err, new CliException(e.getMessage(), e));
        }
    }
}
