package org.polympcnet.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of the report, or the reason it is missing. {@code name} is the file stem under
 * tables/; {@code sources} the raw files its figures come from; {@code missing} the raw files
 * (or globs) it needed but did not find. A section with no table says so instead of showing old
 * numbers.
 */
public final class Section {
    final String name, title;
    final List<String> sources = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** One-line findings for REPORT.md's "at a glance", each computed from this table's raw figures. */
    final List<String> headlines = new ArrayList<>();
    String table; // Markdown, null when every source is missing
    String sourceFolder = "raw/"; // where the sources live, relative to results/

    Section(String name, String title) {
        this.name = name;
        this.title = title;
    }

    Section source(String file) {
        if (!sources.contains(file)) sources.add(file);
        return this;
    }

    Section missing(String file) {
        if (!missing.contains(file)) missing.add(file);
        return this;
    }

    Section note(String text) {
        notes.add(text);
        return this;
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public String table() {
        return table;
    }

    public List<String> missing() {
        return missing;
    }

    public List<String> sources() {
        return sources;
    }

    /** The content of tables/NAME.md: title, sources, the table, notes. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n");
        sb.append(body(2));
        return sb.toString();
    }

    /** Sources, missing sources, the table and its notes, for embedding under a heading. */
    String body(int level) {
        StringBuilder sb = new StringBuilder();
        boolean grouped = !sources.isEmpty() && sourceGroups(sources).size() < sources.size();
        if (!sources.isEmpty()) {
            sb.append("Source: ").append(grouped ? groupedFiles(sourceFolder, sources) : files(sourceFolder, sources))
                    .append(grouped ? "; every file is listed below the table.\n\n" : ".\n\n");
        }
        for (String m : missing) {
            sb.append("**Missing source: `results/").append(sourceFolder).append(m).append("`** — ")
                    .append(table == null ? "this table is not shown." : "the figures it feeds are left out.").append("\n\n");
        }
        if (table != null) sb.append(table).append('\n');
        for (String n : notes) sb.append(n).append("\n\n");
        if (grouped) {
            sb.append("<details><summary>Source files (").append(sources.size()).append(")</summary>\n\n");
            for (String n : sources) sb.append("- `").append(sourceFolder).append(n).append("`\n");
            sb.append("\n</details>\n\n");
        }
        return sb.toString();
    }

    /**
     * Sources grouped by kind, the name up to its first '-' (perfmodel-MODEL-HW-NET.csv files form one
     * group, train.csv another), in order of first appearance: a table fed by dozens of per-model files
     * names them in one line, and lists each one under the table.
     */
    static Map<String, List<String>> sourceGroups(List<String> names) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String n : names) {
            int dash = n.indexOf('-');
            int dot = n.lastIndexOf('.');
            String kind = (dash > 0 ? n.substring(0, dash) : n) + (dot > 0 ? n.substring(dot) : "");
            groups.computeIfAbsent(kind, k -> new ArrayList<>()).add(n);
        }
        return groups;
    }

    /** One entry a group: the file itself, or the group's common prefix and suffix around a * and its count. */
    private static String groupedFiles(String folder, List<String> names) {
        List<String> q = new ArrayList<>();
        for (List<String> g : sourceGroups(names).values()) {
            if (g.size() == 1) {
                q.add("`" + folder + g.get(0) + "`");
                continue;
            }
            String prefix = g.get(0), suffix = g.get(0);
            int shortest = Integer.MAX_VALUE;
            for (String n : g) {
                while (!n.startsWith(prefix)) prefix = prefix.substring(0, prefix.length() - 1);
                while (!n.endsWith(suffix)) suffix = suffix.substring(1);
                shortest = Math.min(shortest, n.length());
            }
            // The * stands for at least nothing: prefix and suffix must not overlap in the shortest name.
            while (prefix.length() + suffix.length() > shortest) suffix = suffix.substring(1);
            q.add("`" + folder + prefix + "*" + suffix + "` (" + g.size() + " files)");
        }
        return String.join(", ", q);
    }

    private static String files(String folder, List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) q.add("`" + folder + n + "`");
        return String.join(", ", q);
    }
}
