package org.polympcnet.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

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
        if (!sources.isEmpty()) sb.append("Source: ").append(files(sourceFolder, sources)).append(".\n\n");
        for (String m : missing) {
            sb.append("**Missing source: `results/").append(sourceFolder).append(m).append("`** — ")
                    .append(table == null ? "this table is not shown." : "the columns it feeds are empty.").append("\n\n");
        }
        if (table != null) sb.append(table).append('\n');
        for (String n : notes) sb.append(n).append("\n\n");
        return sb.toString();
    }

    private static String files(String folder, List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) q.add("`" + folder + n + "`");
        return String.join(", ", q);
    }
}
