package org.polympcnet.perfmodel.schedule;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A schedule as a Gantt chart (XChart): one row per unit (engines, the cpu, the link), one bar
 * per task (touching bars of one layer on one unit merged), coloured by layer, time in
 * milliseconds, and a row "in flight" for the round-trip times during which flights travel;
 * bars are thick line segments, and the legend names each layer once.
 */
public final class GanttChart {
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207),
    };

    private GanttChart() {}

    /** The row that shows flights in transit (their round-trip time), when the link has one. */
    static final String IN_FLIGHT = "in flight";

    public static XYChart chart(Schedule s, String title) {
        List<String> units = new ArrayList<>(s.units());
        boolean rtt = s.slots().stream().anyMatch(x -> x.task().latencySeconds() > 0);
        if (rtt) units.add(IN_FLIGHT);
        int height = Math.max(300, 120 + 40 * units.size());
        XYChart chart = new XYChartBuilder().width(1200).height(height).title(title)
                .xAxisTitle("time (ms)").yAxisTitle("unit").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(units.size() - 0.5);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(v -> {
            long i = Math.round(v);
            if (Math.abs(v - i) < 1e-9 && i >= 0 && i < units.size()) return units.get((int) i);
            // XChart drops every tick label unless all are distinct: blank ones differ in length.
            return " ".repeat((int) Math.max(1, Math.round(2 * v + 3)));
        });
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        float bar = Math.max(4f, Math.min(24f, 200f / units.size()));
        // Bars per layer and unit, touching ones merged (tiles back to back on one engine draw as one bar).
        Map<String, Map<Integer, List<double[]>>> byLayer = new LinkedHashMap<>();
        for (Slot slot : s.slots()) {
            Map<Integer, List<double[]>> rows = byLayer.computeIfAbsent(slot.task().layer(), k -> new TreeMap<>());
            if (slot.end() > slot.start()) { // zero-length tasks (free flights) draw nothing
                rows.computeIfAbsent(units.indexOf(slot.unit()), k -> new ArrayList<>()).add(new double[] {slot.start(), slot.end()});
            }
            if (slot.task().latencySeconds() > 0) {
                rows.computeIfAbsent(units.indexOf(IN_FLIGHT), k -> new ArrayList<>()).add(new double[] {slot.end(), slot.ready()});
            }
        }
        int colour = 0, id = 0;
        for (Map.Entry<String, Map<Integer, List<double[]>>> layer : byLayer.entrySet()) {
            Color c = PALETTE[colour++ % PALETTE.length];
            boolean first = true;
            for (Map.Entry<Integer, List<double[]>> row : layer.getValue().entrySet()) {
                for (double[] b : merged(row.getValue())) {
                    // One series per bar: XChart's NaN line breaks would upset its tick labels.
                    XYSeries series = chart.addSeries(first ? layer.getKey() : layer.getKey() + "#" + (id++),
                            new double[] {b[0] * 1e3, b[1] * 1e3}, new double[] {row.getKey(), row.getKey()});
                    series.setMarker(SeriesMarkers.NONE);
                    series.setLineColor(c);
                    series.setLineStyle(new BasicStroke(bar, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                    series.setShowInLegend(first);
                    first = false;
                }
            }
        }
        if (byLayer.isEmpty()) chart.addSeries("(no work)", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static List<double[]> merged(List<double[]> bars) {
        bars.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> out = new ArrayList<>();
        for (double[] b : bars) {
            double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && b[0] <= last[1] + 1e-12) last[1] = Math.max(last[1], b[1]);
            else out.add(b.clone());
        }
        return out;
    }

    /** The chart as PNG bytes. */
    public static byte[] png(Schedule s, String title) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BitmapEncoder.saveBitmap(chart(s, title), out, BitmapEncoder.BitmapFormat.PNG);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the Gantt chart: " + e.getMessage(), e);
        }
    }
}
