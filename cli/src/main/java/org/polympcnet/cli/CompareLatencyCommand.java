package org.polympcnet.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polympcnet.perfmodel.hardware.CpuCalibration;
import org.polympcnet.perfmodel.hardware.CpuProfile;
import org.polympcnet.perfmodel.latency.OnlineLatencyMeasurement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polympc compare-latency}: modelled against measured latency. Both inputs are tidy CSV;
 * rows join on the values of the key fields of their config (those of --keys that the row's
 * config has); several measured rows of one key (repeated runs) give their median.
 */
@Command(
        name = "compare-latency",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compares modelled latencies (polympc perfmodel) with measured ones (polympc op --stats-csv, secure "
                    + "inference, or a board run in the same schema), row by row and in total. With --measure it takes "
                    + "both itself: single ops and op sequences measured in this JVM (warm, both parties in memory with a "
                    + "dealer; runs in which a party thread waited for a CPU are discarded and taken again) and modelled by "
                    + "the calibrated cpu profile.",
            "",
            "Join: a row's key is the key=value pairs of its config for the fields named by --keys (default "
                    + "model,layer,op,n,truncation,fracBits,party,kernel,step) that it has; rows join when their keys are equal. "
                    + "Other config "
                    + "fields (hw, net, transport, engine ...) are ignored, but measured rows of one key must agree on them "
                    + "(pick with --where, e.g. --where transport=memory). Measured rows of one key are repeated runs: "
                    + "their median is compared. Values are converted to ms from their unit (ns, us, ms, s).",
            "",
            "OUT rows (experiment compare-latency): per key modelled and measured_median (ms), measured_runs and "
                    + "relative_error = (modelled - measured) / measured; config 'total': the sums, their relative_error, "
                    + "mean_abs_relative_error, max_abs_relative_error, rows and rows_within_20pct.",
            ""
        },
        footer = {
            "",
            "Example (the cpu model's acceptance points, measured here and modelled; an idle machine):",
            "  POLYMPC_JAVA_OPTS='-Xms4g -Xmx4g -XX:+AlwaysPreTouch' polympc calibrate --out cal.json",
            "  POLYMPC_JAVA_OPTS='-Xms4g -Xmx4g -XX:+AlwaysPreTouch' polympc compare-latency --measure --calibration cal.json \\",
            "      --measured measured.csv --modelled modelled.csv --out compare.csv",
            "",
            "Example (a model of relu at n = 4096 against five runs of polympc op):",
            "  polympc perfmodel --op relu --n 4096 --hw cpu --calibration cal.json --out model.csv",
            "  for i in 1 2 3 4 5; do polympc op relu --input in.txt --output out.txt --stats-csv run$i.csv; done",
            "  { head -1 run1.csv; tail -q -n +2 run*.csv; } > measured.csv",
            "  polympc compare-latency --modelled model.csv --measured measured.csv --out compare.csv",
            ""
        })
final class CompareLatencyCommand implements Callable<Integer> {
    static final String EXPERIMENT = "compare-latency";
    static final String DEFAULT_KEYS = "model,layer,op,n,truncation,fracBits,party,kernel,step";

    @Spec
    CommandSpec spec;

    @Option(names = "--modelled", paramLabel = "FILE", description = "Tidy CSV of modelled latencies (with --measure: where they are written).")
    Path modelled;

    @Option(names = "--measured", paramLabel = "FILE", description = "Tidy CSV of measured latencies (with --measure: where they are written).")
    Path measured;

    @Option(names = "--measure", description = "Measure single ops and op sequences here (warm JVM, both parties in memory with a dealer) "
            + "and model them with the calibrated cpu profile (--calibration), then compare.")
    boolean measure;

    @Option(names = "--calibration", paramLabel = "FILE.json", description = "With --measure: the cpu calibration from 'polympc calibrate'.")
    Path calibration;

    @Option(names = "--point", paramLabel = "OPS:N[,N...]", description = "With --measure: ops (relu, poly, square, mult, matmul, or a "
            + "sequence such as square+relu; matmul's N is the side of N x N by N x N) and sizes, repeatable "
            + "(default: relu,poly,square,mult at 2^12..2^18, matmul at 16..256, and the sequences square+relu, poly+mult, matmul+relu).")
    List<String> points = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "R", defaultValue = "15", description = "With --measure: clean runs per point (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "5", description = "With --measure: warm-up rounds over every point (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "0",
            description = "With --measure: start no measured round after this long; 0 for none (default: ${DEFAULT-VALUE}).")
    double deadline;

    @Option(names = "--tolerated-wait", paramLabel = "FRACTION", defaultValue = "0.05",
            description = "With --measure: discard a run whose party threads waited for a CPU longer than this fraction of its time "
                    + "plus 20 us (another process was busy; default: ${DEFAULT-VALUE}; a large value keeps every run).")
    double toleratedWait;

    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Tidy CSV of the comparison (written atomically).")
    Path out;

    @Option(names = "--keys", paramLabel = "K1,K2", defaultValue = DEFAULT_KEYS, split = ",",
            description = "Config fields to join on (default: ${DEFAULT-VALUE}).")
    List<String> keys;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "online_time", description = "Metric compared in both files (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--modelled-metric", paramLabel = "NAME", description = "Metric of the modelled file, if it differs (e.g. latency for perfmodel's layer rows).")
    String modelledMetric;

    @Option(names = "--measured-metric", paramLabel = "NAME", description = "Metric of the measured file, if it differs.")
    String measuredMetric;

    @Option(names = "--where", paramLabel = "KEY=VALUE", description = "Keep only rows whose config has KEY=VALUE or no KEY at all (repeatable).")
    List<String> where = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, String> filter = filter();
        checkMode();
        PrintWriter err = spec.commandLine().getErr();
        Path scratch = null;
        try (AtomicOutput file = AtomicOutput.begin(out)) {
            if (measure) scratch = measureAndModel();
            Map<String, Sample> model = read(modelled, modelledMetric == null ? metric : modelledMetric, filter);
            Map<String, Sample> meas = read(measured, measuredMetric == null ? metric : measuredMetric, filter);
            List<TidyRow> rows = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            double sumModel = 0, sumMeas = 0, sumAbs = 0, maxAbs = 0;
            int joined = 0, within = 0;
            List<String> unmatched = new ArrayList<>();
            for (Map.Entry<String, Sample> e : model.entrySet()) {
                Sample m = e.getValue();
                if (m.values.size() > 1) {
                    throw new CliException(modelled + ": " + m.values.size() + " rows for " + e.getKey() + " (lines " + m.lines
                            + "): one model per key; narrow with --where or --keys");
                }
                Sample x = meas.get(e.getKey());
                if (x == null) {
                    unmatched.add(e.getKey());
                    continue;
                }
                double mv = m.values.get(0), xv = x.median();
                double rel = (mv - xv) / xv;
                Map<String, String> config = new LinkedHashMap<>(m.key);
                rows.add(new TidyRow(EXPERIMENT, config, "modelled", mv, "ms"));
                rows.add(new TidyRow(EXPERIMENT, config, "measured_median", xv, "ms"));
                rows.add(new TidyRow(EXPERIMENT, config, "measured_runs", x.values.size(), "count"));
                rows.add(new TidyRow(EXPERIMENT, config, "relative_error", rel, "ratio"));
                lines.add(String.format(Locale.ROOT, "%-48s %12.4f %12.4f %5d %+9.1f%%", TidyRow.render(config), mv, xv, x.values.size(), 100 * rel));
                sumModel += mv;
                sumMeas += xv;
                sumAbs += Math.abs(rel);
                maxAbs = Math.max(maxAbs, Math.abs(rel));
                joined++;
                if (Math.abs(rel) <= 0.2) within++;
            }
            if (joined == 0) {
                throw new CliException("no row of " + modelled + " joins a row of " + measured + " on keys " + String.join(",", keys)
                        + (model.isEmpty() ? " (" + modelled + " has no metric " + (modelledMetric == null ? metric : modelledMetric) + ")" : "")
                        + (meas.isEmpty() ? " (" + measured + " has no metric " + (measuredMetric == null ? metric : measuredMetric) + ")" : ""));
            }
            Map<String, String> total = new LinkedHashMap<>();
            total.put("total", "all");
            rows.add(new TidyRow(EXPERIMENT, total, "modelled", sumModel, "ms"));
            rows.add(new TidyRow(EXPERIMENT, total, "measured_median", sumMeas, "ms"));
            rows.add(new TidyRow(EXPERIMENT, total, "relative_error", (sumModel - sumMeas) / sumMeas, "ratio"));
            rows.add(new TidyRow(EXPERIMENT, total, "mean_abs_relative_error", sumAbs / joined, "ratio"));
            rows.add(new TidyRow(EXPERIMENT, total, "max_abs_relative_error", maxAbs, "ratio"));
            rows.add(new TidyRow(EXPERIMENT, total, "rows", joined, "count"));
            rows.add(new TidyRow(EXPERIMENT, total, "rows_within_20pct", within, "count"));
            file.writer().write(TidyRow.toCsv(rows));
            file.commit();
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "%-48s %12s %12s %5s %10s%n", "key", "modelled ms", "measured ms", "runs", "rel. err");
            for (String l : lines) o.println(l);
            o.printf(Locale.ROOT, "%-48s %12.4f %12.4f %5s %+9.1f%%%n", "total", sumModel, sumMeas, "", 100 * (sumModel - sumMeas) / sumMeas);
            o.printf(Locale.ROOT, "%d rows joined, %d within 20%%; mean |error| %.1f%%, max %.1f%%; wrote %s%n", joined, within,
                    100 * sumAbs / joined, 100 * maxAbs, out);
            o.flush();
            if (!unmatched.isEmpty()) {
                err.println("polympc compare-latency: note: " + unmatched.size() + " modelled row(s) have no measured counterpart, e.g. "
                        + unmatched.get(0));
                err.flush();
            }
            return 0;
        } catch (Exception e) {
            return Errors.runtime(err, e);
        } finally {
            if (scratch != null) deleteScratch(scratch);
        }
    }

    private void checkMode() {
        if (measure) {
            if (calibration == null) throw new ParameterException(spec.commandLine(), "--measure needs --calibration FILE.json (make one with: polympc calibrate --out FILE.json)");
            if (runs < 1) throw new ParameterException(spec.commandLine(), "--runs must be at least 1, got " + runs);
            if (warmup < 0) throw new ParameterException(spec.commandLine(), "--warmup must not be negative, got " + warmup);
            if (!(deadline >= 0)) throw new ParameterException(spec.commandLine(), "--deadline must not be negative, got " + deadline);
            if (!(toleratedWait >= 0)) throw new ParameterException(spec.commandLine(), "--tolerated-wait must not be negative, got " + toleratedWait);
        } else {
            if (modelled == null || measured == null) throw new ParameterException(spec.commandLine(), "give --modelled FILE and --measured FILE, or --measure");
            for (Object[] o : new Object[][] {{"--calibration", calibration}, {"--point", points.isEmpty() ? null : points}}) {
                if (o[1] != null) throw new ParameterException(spec.commandLine(), o[0] + " is for --measure");
            }
        }
    }

    /**
     * Measures and models the --point list, writes both as tidy CSV (to --measured and --modelled,
     * or to a scratch directory) and points this command at them; returns the scratch directory or
     * null.
     */
    private Path measureAndModel() throws Exception {
        CpuProfile cpu;
        try {
            cpu = new CpuProfile(CpuCalibration.read(calibration));
        } catch (IllegalArgumentException e) {
            throw new CliException("--calibration: " + e.getMessage(), e);
        }
        List<OnlineLatencyMeasurement.Point> pts =
                CompareLatencyOps.parse(points.isEmpty() ? CompareLatencyOps.DEFAULT_POINTS : points);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "compare-latency: measuring %d points, %d clean runs each (%d warm-up rounds)%n", pts.size(), runs, warmup);
        o.flush();
        PrintStream log = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                o.write(b);
            }

            @Override
            public void flush() {
                o.flush();
            }
        }, true, StandardCharsets.UTF_8);
        var results = CompareLatencyOps.measure(pts,
                new OnlineLatencyMeasurement.Options(runs, warmup, 6, deadline, toleratedWait), log);
        log.flush();
        Path scratch = null;
        if (measured == null || modelled == null) {
            scratch = Files.createTempDirectory(out.toAbsolutePath().getParent(), ".compare-latency.");
        }
        if (measured == null) measured = scratch.resolve("measured.csv");
        if (modelled == null) modelled = scratch.resolve("modelled.csv");
        writeAtomically(measured, CompareLatencyOps.measured(results));
        writeAtomically(modelled, CompareLatencyOps.modelled(pts, cpu));
        return scratch;
    }

    private static void writeAtomically(Path file, List<TidyRow> rows) throws IOException {
        try (AtomicOutput a = AtomicOutput.begin(file)) {
            a.writer().write(TidyRow.toCsv(rows));
            a.commit();
        }
    }

    private static void deleteScratch(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Scratch files only; the comparison is written already.
        }
    }

    /** Values of one key, in ms, with the lines they came from and the config fields outside the key. */
    private static final class Sample {
        final Map<String, String> key;
        final List<Double> values = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();
        Map<String, String> rest;

        Sample(Map<String, String> key) {
            this.key = key;
        }

        double median() {
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(v);
            int m = v.length / 2;
            return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
        }
    }

    private Map<String, Sample> read(Path file, String wanted, Map<String, String> filter) {
        Map<String, Sample> out = new LinkedHashMap<>();
        for (TidyRow r : TidyRow.read(file)) {
            if (!r.metric().equals(wanted)) continue;
            Map<String, String> c = r.configMap();
            if (!passes(c, filter)) continue;
            Map<String, String> key = new LinkedHashMap<>(), rest = new LinkedHashMap<>(c);
            for (String k : keys) {
                if (c.containsKey(k)) key.put(k, c.get(k));
                rest.remove(k);
            }
            rest.remove("engine");
            String id = TidyRow.render(key);
            Sample s = out.computeIfAbsent(id, k -> new Sample(key));
            if (s.rest == null) s.rest = rest;
            else if (!s.rest.equals(rest)) {
                throw new CliException(file + ":" + r.line() + ": rows for " + id + " differ in other config fields (" + TidyRow.render(s.rest)
                        + " vs " + TidyRow.render(rest) + "): pick one with --where KEY=VALUE");
            }
            s.values.add(toMillis(file, r));
            s.lines.add(r.line());
        }
        return out;
    }

    private static boolean passes(Map<String, String> config, Map<String, String> filter) {
        for (Map.Entry<String, String> f : filter.entrySet()) {
            String v = config.get(f.getKey());
            if (v != null && !v.equals(f.getValue())) return false;
        }
        return true;
    }

    private static double toMillis(Path file, TidyRow r) {
        double v;
        try {
            v = Double.parseDouble(r.value());
        } catch (NumberFormatException e) {
            throw new CliException(file + ":" + r.line() + ": value '" + r.value() + "' is not a number");
        }
        if (!Double.isFinite(v) || v <= 0) throw new CliException(file + ":" + r.line() + ": latency " + r.value() + " is not positive");
        switch (r.unit()) {
            case "ns": return v / 1e6;
            case "us": return v / 1e3;
            case "ms": return v;
            case "s": return v * 1e3;
            default: throw new CliException(file + ":" + r.line() + ": unit '" + r.unit() + "' is not a time (ns, us, ms, s)");
        }
    }

    private Map<String, String> filter() {
        Map<String, String> f = new LinkedHashMap<>();
        for (String w : where) {
            int eq = w.indexOf('=');
            if (eq <= 0) throw new ParameterException(spec.commandLine(), "--where wants KEY=VALUE, got '" + w + "'");
            f.put(w.substring(0, eq).trim(), w.substring(eq + 1).trim());
        }
        if (keys.isEmpty() || keys.stream().anyMatch(String::isBlank)) throw new ParameterException(spec.commandLine(), "--keys needs field names");
        return f;
    }
}
