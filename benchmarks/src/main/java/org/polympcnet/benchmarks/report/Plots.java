package org.polympcnet.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.polympcnet.benchmarks.report.Figures.Point;

/**
 * The report's plots (XChart, PNG): accuracy against latency with the Pareto front of the
 * search, op cost against size (log-log), modelled against measured latency, training curves,
 * and the scheduler's Gantt charts (drawn by {@code polympc perfmodel --gantt}, copied). Each
 * method returns the plots it made, or records in the section why it could not.
 */
final class Plots {
    /** A finished plot: its file name under plots/, its caption, and its PNG bytes (null: copy {@code from}). */
    record Plot(String file, String caption, byte[] png, Path from) {}

    private Plots() {}

    static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new ReportException("cannot encode plot '" + chart.getTitle() + "': " + e.getMessage(), e);
        }
    }

    static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(1000).height(650).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(7);
        return c;
    }

    // ------------------------------------------------------------ accuracy vs latency

    /**
     * The trainer's and the search's models, test accuracy against modelled activation latency,
     * and the Pareto front over all of them (no other point is both faster and more accurate). Only
     * the models modelled with gmw (and the comparison-free all-poly ones): latencies modelled with
     * different comparison protocols are drawn apart, in {@link ProtocolPlots#pareto}.
     */
    static List<Plot> pareto(RawDir raw, Section s) {
        List<Plot> out = new ArrayList<>();
        Optional<Path> f = raw.file(ModelTables.TRAIN);
        if (f.isEmpty()) {
            s.missing(ModelTables.TRAIN);
            return out;
        }
        s.source(ModelTables.TRAIN);
        List<ModelPoint> models = new ArrayList<>();
        for (ModelPoint m : ModelPoint.read(raw.tidy(f.get()))) if (m.protocol() == ReluProtocol.GMW || m.comparisonFree()) models.add(m);
        if (models.isEmpty()) {
            s.note("`raw/train.csv` has no rows with both test_accuracy and modelled_activation_latency: no accuracy-latency plot.");
            return out;
        }
        String key = ModelPoint.preferredKey(models);
        Map<String, List<double[]>> bySeries = new TreeMap<>();
        List<double[]> all = new ArrayList<>();
        for (ModelPoint m : models) {
            Double ms = m.latencyMs().get(key);
            if (ms == null) continue;
            double[] xy = {ms, m.accuracy()};
            bySeries.computeIfAbsent(m.experiment() + " (" + (m.act() == null ? "?" : m.act()) + ")", k -> new ArrayList<>()).add(xy);
            all.add(xy);
        }
        XYChart c = chart("Test accuracy against modelled activation latency (" + key + ", ReLU by gmw)", "modelled activation latency (ms)",
                "test accuracy (%)");
        for (Map.Entry<String, List<double[]>> e : bySeries.entrySet()) {
            XYSeries xs = c.addSeries(e.getKey(), col(e.getValue(), 0), col(e.getValue(), 1));
            xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        List<double[]> front = paretoFront(all);
        XYSeries fs = c.addSeries("Pareto front", col(front, 0), col(front, 1));
        fs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        fs.setMarker(SeriesMarkers.NONE);
        out.add(new Plot("accuracy-vs-latency.png", "Test accuracy against modelled activation latency (" + key
                + ") of every trained and searched model whose ReLUs are modelled with gmw, with the Pareto front", png(c), null));
        return out;
    }

    /** Points no other point beats in both latency (lower) and accuracy (higher), by latency. */
    static List<double[]> paretoFront(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> -p[1]));
        List<double[]> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (double[] p : sorted) {
            if (p[1] > best) {
                front.add(p);
                best = p[1];
            }
        }
        return front;
    }

    static String latencyKey(Map<String, String> config, String metric) {
        String hw = config.get("hw"), net = config.get("net");
        for (String part : metric.split("_")) {
            if (hw == null && (part.equals("zcu104") || part.equals("cpu"))) hw = part;
            if (net == null && (part.equals("lan") || part.equals("wan") || part.equals("gbe") || part.equals("none"))) net = part;
        }
        return (hw == null ? "?" : hw) + "/" + (net == null ? "?" : net);
    }

    // ------------------------------------------------------------ op cost vs size

    /**
     * Nanoseconds per element against n, log-log, for every JMH op point measured at two sizes or
     * more: one plot for the online phase, one for all phases (offline + online), so that the
     * dealer-free offline cost does not squash the online lines.
     */
    static List<Plot> opCost(RawDir raw, Section s) {
        List<Plot> out = new ArrayList<>();
        if (raw.glob("jmh-*.csv").isEmpty()) {
            s.missing("jmh-*.csv");
            return out;
        }
        Map<String, Map<String, TreeMap<Double, Double>>> byMethod = new TreeMap<>();
        for (JmhPoint p : JmhPoint.group(raw.allJmh()).values()) {
            if (!p.group.equals("ops") || p.method.equals("offline")) continue;
            double perSec = p.counter("elements"), n = p.elements();
            if (!(perSec > 0) || !(n > 0)) continue;
            StringBuilder name = new StringBuilder(p.benchmarkClass.replace("Benchmark", ""));
            // A method named after its op (FssReluBenchmark.relu, .drelu) times the online phase: drawn with the online points.
            String method = p.method;
            if (!method.equals("online") && !method.equals("allPhases")) {
                name.append('.').append(method);
                method = "online";
            }
            name.append(" (").append(p.params.getOrDefault("correlations", "dealer"));
            if ("faithful".equals(p.params.get("trunc"))) name.append(", faithful");
            name.append(')');
            byMethod.computeIfAbsent(method, k -> new TreeMap<>()).computeIfAbsent(name.toString(), k -> new TreeMap<>()).put(n, 1e9 / perSec);
            for (String f : p.files) s.source(f);
        }
        for (Map.Entry<String, Map<String, TreeMap<Double, Double>>> m : byMethod.entrySet()) {
            Map<String, TreeMap<Double, Double>> series = m.getValue();
            series.values().removeIf(v -> v.size() < 2);
            if (series.isEmpty()) continue;
            boolean online = m.getKey().equals("online");
            XYChart c = chart("Op cost against size: " + (online ? "online phase" : m.getKey()) + " (both parties, one machine)",
                    "elements n (matmul: output entries)", "ns per element");
            c.getStyler().setXAxisLogarithmic(true);
            c.getStyler().setYAxisLogarithmic(true);
            for (Map.Entry<String, TreeMap<Double, Double>> e : series.entrySet()) {
                double[] x = new double[e.getValue().size()], y = new double[x.length];
                int i = 0;
                for (Map.Entry<Double, Double> q : e.getValue().entrySet()) {
                    x[i] = q.getKey();
                    y[i++] = q.getValue();
                }
                c.addSeries(e.getKey(), x, y);
            }
            String file = online ? "op-cost-vs-size.png" : "op-cost-vs-size-" + m.getKey() + ".png";
            out.add(new Plot(file, "Time per element against size, log-log, JMH `" + m.getKey() + "` points", png(c), null));
        }
        if (out.isEmpty()) s.note("The JMH files hold no op measured at two sizes or more: no op-cost plot.");
        return out;
    }

    // ------------------------------------------------------------ modelled vs measured

    static List<Plot> modelledVsMeasured(List<LatencyValidationTable.Pair> pairs, Section s) {
        List<Plot> out = new ArrayList<>();
        List<double[]> pts = new ArrayList<>();
        Map<String, List<double[]>> byFile = new TreeMap<>();
        for (LatencyValidationTable.Pair p : pairs) {
            if (p.modelledMs() > 0 && p.measuredMs() > 0) {
                double[] xy = {p.measuredMs(), p.modelledMs()};
                pts.add(xy);
                byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(xy);
            }
        }
        if (pts.isEmpty()) return out;
        XYChart c = chart("Modelled against measured latency", "measured (ms)", "modelled (ms)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        for (Map.Entry<String, List<double[]>> e : byFile.entrySet()) {
            c.addSeries(e.getKey(), col(e.getValue(), 0), col(e.getValue(), 1)).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        double lo = Double.MAX_VALUE, hi = 0;
        for (double[] p : pts) {
            lo = Math.min(lo, Math.min(p[0], p[1]));
            hi = Math.max(hi, Math.max(p[0], p[1]));
        }
        XYSeries diag = c.addSeries("modelled = measured", new double[] {lo, hi}, new double[] {lo, hi});
        diag.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diag.setMarker(SeriesMarkers.NONE);
        out.add(new Plot("modelled-vs-measured.png", "Modelled against measured latency, one point per joined row, log-log", png(c), null));
        return out;
    }

    // ------------------------------------------------------------ training curves

    /** One plot per run: every accuracy column of train-log-RUN.csv against the epoch, and the loss. */
    static List<Plot> trainingCurves(RawDir raw, Section s) {
        List<Plot> out = new ArrayList<>();
        List<Path> logs = raw.glob("train-log-*.csv");
        if (logs.isEmpty()) {
            s.missing("train-log-RUN.csv");
            return out;
        }
        for (Path f : logs) {
            String run = ModelTables.stem(f, "train-log-");
            Map<String, List<Double>> cols = readColumns(f);
            List<Double> epoch = cols.remove(cols.containsKey("epoch") ? "epoch" : cols.keySet().iterator().next());
            XYChart acc = chart("Training curves: " + run, "epoch", "accuracy");
            XYChart loss = chart("Training loss: " + run, "epoch", "loss");
            boolean anyAcc = false, anyLoss = false;
            for (Map.Entry<String, List<Double>> e : cols.entrySet()) {
                String name = e.getKey().toLowerCase(java.util.Locale.ROOT);
                XYChart target = name.contains("acc") ? acc : name.contains("loss") ? loss : null;
                if (target == null || e.getValue().stream().allMatch(v -> Double.isNaN(v))) continue;
                target.addSeries(e.getKey(), toArray(epoch), toArray(e.getValue())).setMarker(SeriesMarkers.CIRCLE);
                if (target == acc) anyAcc = true;
                else anyLoss = true;
            }
            s.source(f.getFileName().toString());
            if (anyAcc) out.add(new Plot("training-" + run + ".png", "Accuracy per epoch, run " + run, png(acc), null));
            if (anyLoss) out.add(new Plot("training-loss-" + run + ".png", "Loss per epoch, run " + run, png(loss), null));
            if (!anyAcc && !anyLoss) s.note("`raw/" + f.getFileName() + "` has no accuracy or loss column: no curve for run " + run + ".");
        }
        return out;
    }

    /** Numeric columns of a plain CSV with a header; a blank or non-numeric cell reads as NaN. */
    static Map<String, List<Double>> readColumns(Path f) {
        Map<String, List<Double>> cols = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            if (p.getHeaderNames().isEmpty()) throw new ReportException(f + ":1: no header");
            for (String h : p.getHeaderNames()) cols.put(h, new ArrayList<>());
            for (CSVRecord rec : p) {
                if (rec.size() != p.getHeaderNames().size()) {
                    throw new ReportException(f + ":" + (rec.getRecordNumber() + 1) + ": want " + p.getHeaderNames().size() + " fields, got " + rec.size());
                }
                for (String h : p.getHeaderNames()) {
                    double v;
                    try {
                        v = Double.parseDouble(rec.get(h).trim());
                    } catch (NumberFormatException e) {
                        v = Double.NaN;
                    }
                    cols.get(h).add(v);
                }
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new ReportException(f + ": cannot read: " + e.getMessage(), e);
        }
        return cols;
    }

    // ------------------------------------------------------------ Gantt charts

    /** The scheduler's Gantt charts, as polympc perfmodel --gantt drew them into the raw folder. */
    static List<Plot> gantt(RawDir raw, Section s) {
        List<Plot> out = new ArrayList<>();
        List<Path> pngs = raw.glob("*.png");
        for (Path p : pngs) {
            String n = p.getFileName().toString();
            if (!n.contains("gantt")) continue;
            s.source(n);
            out.add(new Plot(n, "Gantt chart of the cryptographic scheduler (`polympc perfmodel --gantt`): " + n, null, p));
        }
        if (out.isEmpty()) s.missing("gantt-*.png (polympc perfmodel --gantt)");
        return out;
    }

    static double[] col(List<double[]> pts, int i) {
        double[] out = new double[pts.size()];
        for (int k = 0; k < out.length; k++) out[k] = pts.get(k)[i];
        return out;
    }

    private static double[] toArray(List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i);
        return out;
    }
}
