package org.polympcnet.benchmarks.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots that set the comparison protocols side by side: the ReLU's modelled latency, bytes and
 * measured throughput per protocol (from {@link ReluCostTable}'s rows), and test accuracy against
 * modelled activation latency of the searched models, one series and one Pareto front per protocol.
 */
final class ProtocolPlots {
    /** Colours by protocol (gmw, millionaire, fss). */
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};

    private ProtocolPlots() {}

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new ReportException("cannot encode plot '" + chart.getTitle() + "': " + e.getMessage(), e);
        }
    }

    private static CategoryChart bars(String title, String y) {
        CategoryChart c = new CategoryChartBuilder().width(1000).height(650).title(title).xAxisTitle("comparison protocol").yAxisTitle(y).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return c;
    }

    /** A log y axis for bars: XChart starts bars at zero unless the axis has a positive minimum below every bar. */
    private static void logAxis(CategoryChart c, double lowest) {
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lowest))));
    }

    /**
     * Modelled latency of n ReLUs per protocol and setting, bytes per ReLU per protocol, and JMH's
     * online ReLUs per second against n. A protocol without every figure a bar plot needs is left out
     * of that plot, and the section says which.
     */
    static List<Plots.Plot> reluCost(List<ReluCostTable.Row> rows, Section s) {
        List<Plots.Plot> out = new ArrayList<>();
        List<ReluCostTable.Row> modelled = new ArrayList<>();
        for (ReluCostTable.Row r : rows) {
            if (!r.modelled()) continue;
            if (r.ms.keySet().containsAll(ReluCostTable.SETTINGS)) modelled.add(r);
            else s.note("ReLU by " + r.protocol.cli + ": not every setting modelled, left out of `relu-cost-latency.png`.");
            s.source(r.protocol.perfmodelFile());
        }
        if (!modelled.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (ReluCostTable.Row r : modelled) names.add(r.protocol.cli);
            double n = modelled.get(0).n;
            CategoryChart c = bars("Modelled latency of " + MarkdownTable.num(n) + " ReLUs per comparison protocol", "ms (log)");
            double lowest = Double.MAX_VALUE;
            for (String at : ReluCostTable.SETTINGS) {
                List<Double> y = new ArrayList<>();
                for (ReluCostTable.Row r : modelled) {
                    y.add(r.ms.get(at));
                    lowest = Math.min(lowest, r.ms.get(at));
                }
                c.addSeries(at, names, y);
            }
            logAxis(c, lowest);
            out.add(new Plots.Plot("relu-cost-latency.png", "ReLU: modelled latency of n = " + MarkdownTable.num(n)
                    + " per comparison protocol, zcu104 and cpu over lan and wan (`polympc perfmodel --op relu`)", png(c), null));

            CategoryChart b = bars("Bytes per ReLU per comparison protocol (modelled, dealer)", "bytes per ReLU");
            // Offline as the dealer's total to both parties: party 0's share is often a few session bytes over
            // a million ReLUs, which on a log axis would stretch it over six decades for nothing.
            String[] series = {"online p0", "online p1", "offline, both parties"};
            List<List<Double>> ys = new ArrayList<>();
            boolean positive = true;
            double lowestBytes = Double.MAX_VALUE;
            for (int i = 0; i < series.length; i++) ys.add(new ArrayList<>());
            for (ReluCostTable.Row r : modelled) {
                double[] v = {r.onlineP0, r.onlineP1, r.offlineP0 + r.offlineP1};
                for (int i = 0; i < v.length; i++) {
                    ys.get(i).add(Double.isNaN(v[i]) ? 0.0 : v[i]);
                    positive &= v[i] > 0;
                    if (v[i] > 0) lowestBytes = Math.min(lowestBytes, v[i]);
                }
            }
            // Offline keys are thousands of bytes, online a few: log scale when every bar can have one.
            if (positive) {
                logAxis(b, lowestBytes);
                b.setYAxisTitle("bytes per ReLU (log)");
            }
            for (int i = 0; i < series.length; i++) b.addSeries(series[i], names, ys.get(i));
            out.add(new Plots.Plot("relu-cost-bytes.png", "ReLU: online bytes per ReLU of each party and offline bytes per ReLU of both, "
                    + "per comparison protocol (the performance model's figures)", png(b), null));
        }
        XYChart t = Plots.chart("ReLU throughput online (JMH, dealer, both parties on one machine)", "n (ReLUs a call)", "ReLUs per second");
        t.getStyler().setXAxisLogarithmic(true);
        t.getStyler().setYAxisLogarithmic(true);
        boolean any = false;
        for (ReluCostTable.Row r : rows) {
            if (r.jmhByN.isEmpty()) continue;
            Map<Double, Double> byN = new TreeMap<>();
            for (Map.Entry<Double, JmhPoint> e : r.jmhByN.entrySet()) byN.put(e.getKey(), e.getValue().counter("elements"));
            double[] x = new double[byN.size()], y = new double[x.length];
            int i = 0;
            for (Map.Entry<Double, Double> e : byN.entrySet()) {
                x[i] = e.getKey();
                y[i++] = e.getValue();
            }
            XYSeries ts = t.addSeries(r.protocol.cli + " (" + r.protocol.benchmark + ")", x, y);
            ts.setMarker(SeriesMarkers.CIRCLE);
            ts.setMarkerColor(COLOURS[r.protocol.ordinal() % COLOURS.length]);
            ts.setLineColor(COLOURS[r.protocol.ordinal() % COLOURS.length]);
            for (JmhPoint p : r.jmhByN.values()) for (String f : p.files) s.source(f);
            any = true;
        }
        if (any) out.add(new Plots.Plot("relu-cost-throughput.png", "ReLU: online ReLUs per second against n per comparison protocol, "
                + "log-log (JMH `online`, dealer)", png(t), null));
        return out;
    }

    /** A protocol's Pareto front: over its models and the comparison-free ones, which every protocol can use as they are. */
    static List<double[]> front(List<double[]> protocolModels, List<double[]> comparisonFree) {
        List<double[]> all = new ArrayList<>(protocolModels);
        all.addAll(comparisonFree);
        return Plots.paretoFront(all);
    }

    /**
     * Test accuracy against modelled activation latency, a series per comparison protocol (the
     * models whose ReLUs and max pools were priced with it), its ReLU baseline and its Pareto front,
     * which also takes the comparison-free all-poly models (their latency is every protocol's).
     * What is missing per protocol is named by {@link ProtocolFronts#read} in its table.
     */
    static List<Plots.Plot> pareto(Optional<ProtocolFronts.Fronts> fronts, Section s) {
        List<Plots.Plot> out = new ArrayList<>();
        if (fronts.isEmpty()) {
            s.missing(ModelTables.TRAIN);
            return out;
        }
        ProtocolFronts.Fronts f = fronts.get();
        s.source(ModelTables.TRAIN);
        boolean anySearch = false;
        for (List<ModelPoint> l : f.searched().values()) anySearch |= !l.isEmpty();
        if (!anySearch) {
            s.note("`raw/train.csv` has no searched model with a modelled latency on " + f.key() + ": no plot per protocol.");
            return out;
        }
        XYChart c = Plots.chart("Test accuracy against modelled activation latency per comparison protocol (" + f.key() + ")",
                "modelled activation latency (ms)", "test accuracy (%)");
        for (ReluProtocol p : ReluProtocol.values()) {
            if (f.searched().get(p).isEmpty()) continue;
            // One colour a protocol: its searched models, its baseline and its front read together.
            Color colour = COLOURS[p.ordinal() % COLOURS.length];
            List<double[]> searched = new ArrayList<>();
            for (ModelPoint m : f.searched().get(p)) searched.add(new double[] {f.ms(m), m.accuracy()});
            XYSeries ss = c.addSeries(p.cli + ": searched", Plots.col(searched, 0), Plots.col(searched, 1));
            ss.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            ss.setMarker(SeriesMarkers.CIRCLE);
            ss.setMarkerColor(colour);
            ModelPoint base = f.baseline().get(p);
            if (base != null) {
                XYSeries bs = c.addSeries(p.cli + ": ReLU baseline", new double[] {f.ms(base)}, new double[] {base.accuracy()});
                bs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                bs.setMarker(SeriesMarkers.DIAMOND);
                bs.setMarkerColor(colour);
            }
            List<double[]> front = front(f.points(p), f.freePoints());
            XYSeries fs = c.addSeries(p.cli + ": Pareto front", Plots.col(front, 0), Plots.col(front, 1));
            fs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            fs.setMarker(SeriesMarkers.NONE);
            fs.setLineColor(colour);
        }
        List<double[]> free = f.freePoints();
        if (!free.isEmpty()) {
            XYSeries ps = c.addSeries("all-poly (no comparison)", Plots.col(free, 0), Plots.col(free, 1));
            ps.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            ps.setMarker(SeriesMarkers.TRIANGLE_UP);
            ps.setMarkerColor(Color.DARK_GRAY);
        }
        out.add(new Plots.Plot("accuracy-vs-latency-by-protocol.png", "Test accuracy against modelled activation latency (" + f.key()
                + ") of the searched models, a series, the ReLU baseline and a Pareto front per comparison protocol (the all-poly models "
                + "belong to every front)", png(c), null));
        return out;
    }
}
