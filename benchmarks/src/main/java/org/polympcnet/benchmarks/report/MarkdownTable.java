package org.polympcnet.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A GitHub-flavoured Markdown table; numeric cells are formatted by {@link #num}. */
final class MarkdownTable {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = header;
    }

    MarkdownTable row(Object... cells) {
        if (cells.length != header.length) throw new IllegalArgumentException("row of " + cells.length + " cells, header has " + header.length);
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) r[i] = cell(cells[i]);
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    int size() {
        return rows.size();
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        sb.append('|');
        for (int i = 0; i < header.length; i++) sb.append(numeric(i) ? "---:|" : "---|");
        sb.append('\n');
        for (String[] r : rows) line(sb, r);
        return sb.toString();
    }

    /** A column of figures (right-aligned): every cell a number, a ratio, a percentage or a dash. */
    private boolean numeric(int col) {
        boolean any = false;
        for (String[] r : rows) {
            String c = r[col];
            if (c.equals("—")) continue;
            if (!c.matches("[-+<≈]?\\s?[0-9][0-9,]*(\\.[0-9]+)?(e-?[0-9]+)?( ± .*|x| %)?")) return false;
            any = true;
        }
        return any;
    }

    private static void line(StringBuilder sb, String[] cells) {
        sb.append('|');
        for (String c : cells) sb.append(' ').append(c.replace("|", "\\|")).append(" |");
        sb.append('\n');
    }

    private static String cell(Object o) {
        if (o == null) return "—";
        if (o instanceof Double d) return num(d);
        if (o instanceof Float f) return num(f);
        if (o instanceof Number n) return String.format(Locale.ROOT, "%,d", n.longValue());
        return o.toString();
    }

    /**
     * A figure with the precision it deserves: four significant digits, thousands separators
     * above 1,000, an em dash for NaN (not measured).
     */
    static String num(double v) {
        if (Double.isNaN(v)) return "—";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 1) return strip(String.format(Locale.ROOT, "%.3f", v));
        if (a >= 1e-3) return strip(String.format(Locale.ROOT, "%.4f", v));
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A ratio as "12.3x". */
    static String ratio(double v) {
        return Double.isNaN(v) ? "—" : num(v) + "x";
    }

    /** A value and its JMH error as "v ± e". */
    static String withError(double v, double e) {
        if (Double.isNaN(e) || e == 0) return num(v);
        return num(v) + " ± " + num(e);
    }

    private static String strip(String s) {
        if (s.indexOf('.') < 0) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
