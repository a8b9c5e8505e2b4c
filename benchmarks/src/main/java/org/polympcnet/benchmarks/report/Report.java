package org.polympcnet.benchmarks.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns the raw results folder into results/tables/*.md, results/plots/*.png and
 * results/REPORT.md. Every figure comes from a raw file named next to its table; a table whose
 * raw file is missing is replaced by a line naming that file (in REPORT.md and on stderr), and
 * nothing from an earlier run survives (see {@link OutputSwap}). A malformed raw file stops the
 * report with one error naming the file and line, and the old report stays as it was.
 */
public final class Report {
    /** What a run produced: its sections (tables), plots, and the sources it missed. */
    public record Result(List<Section> sections, List<Plots.Plot> plots, List<String> missing, List<String> usedRaw) {}

    private Report() {}

    /**
     * @param raw the raw folder (results/raw)
     * @param out the results folder: tables/, plots/ and REPORT.md are (re)written here
     * @param published the curated published figures (results/published/figures.csv), or null
     * @param err where missing sources are reported, one line each
     */
    public static Result generate(Path raw, Path out, Path published, PrintWriter err) {
        RawDir dir = new RawDir(raw);
        List<Section> sections = new ArrayList<>();
        sections.add(OpCostTables.cli(dir));
        sections.addAll(JmhTables.all(dir));
        sections.add(OpCostTables.reluVsPoly(dir));
        List<ReluCostTable.Row> reluCost = new ArrayList<>();
        sections.add(ReluCostTable.table(dir, reluCost));
        Section byProtocol = new Section("search-by-protocol",
                "Searched models per comparison protocol: activation latency against each protocol's ReLU baseline");
        Optional<ProtocolFronts.Fronts> fronts = ProtocolFronts.read(dir, byProtocol);
        sections.add(ProtocolFronts.table(fronts, byProtocol));
        Map<String, ModelTables.ModelRow> models = new LinkedHashMap<>();
        sections.add(ModelTables.models(dir, models));
        sections.add(ModelTables.gains(models));
        sections.add(ModelTables.layers(dir, models));
        List<LatencyValidationTable.Pair> pairs = new ArrayList<>();
        sections.add(LatencyValidationTable.table(dir, pairs));
        Section published0 = PublishedTable.table(published);

        // Plots record their own sources and missing files in sections of their own.
        Section pPareto = new Section("plot-accuracy-vs-latency", "Plot: accuracy against latency (Pareto front)");
        Section pProtocols = new Section("plot-accuracy-vs-latency-by-protocol",
                "Plot: accuracy against latency per comparison protocol (Pareto fronts)");
        Section pRelu = new Section("plot-relu-cost", "Plot: ReLU cost per comparison protocol");
        Section pOps = new Section("plot-op-cost", "Plot: op cost against size");
        Section pScatter = new Section("plot-modelled-vs-measured", "Plot: modelled against measured latency");
        Section pTrain = new Section("plot-training", "Plot: training curves");
        Section pGantt = new Section("plot-gantt", "Plot: the scheduler's Gantt chart");
        List<Plots.Plot> plots = new ArrayList<>();
        plots.addAll(Plots.pareto(dir, pPareto));
        plots.addAll(ProtocolPlots.pareto(fronts, pProtocols));
        plots.addAll(ProtocolPlots.reluCost(reluCost, pRelu));
        plots.addAll(Plots.opCost(dir, pOps));
        plots.addAll(Plots.modelledVsMeasured(pairs, pScatter));
        if (pairs.isEmpty()) pScatter.missing("compare-latency*.csv");
        plots.addAll(Plots.trainingCurves(dir, pTrain));
        for (ModelTables.ModelRow m : models.values()) if (m.trained) ModelTables.expect(dir, pTrain, "train-log-" + m.name + ".csv");
        plots.addAll(Plots.gantt(dir, pGantt));
        List<Section> plotSections = List.of(pPareto, pProtocols, pRelu, pOps, pScatter, pTrain, pGantt);

        List<String> missing = new ArrayList<>();
        for (Section s : sections) for (String m : s.missing) missing.add(line("table", s.name, m, s.table != null));
        for (String m : published0.missing) missing.add("table published: missing source " + published + " (not shown)");
        for (Section s : plotSections) for (String m : s.missing) missing.add(line("plot", s.name.substring(5), m, false));

        try (OutputSwap swap = new OutputSwap(out)) {
            for (Section s : sections) writeTable(swap, s);
            writeTable(swap, published0);
            for (Plots.Plot p : plots) {
                Path target = swap.plots().resolve(p.file());
                if (p.png() != null) swap.write(target, p.png());
                else swap.copy(p.from(), target);
            }
            String md = reportMarkdown(dir, sections, published0, plots, plotSections, missing);
            swap.write(swap.staged(OutputSwap.REPORT), md.getBytes(StandardCharsets.UTF_8));
            swap.commit();
        }
        for (String m : missing) err.println("polympc report: " + m);
        err.flush();
        return new Result(sections, plots, missing, dir.usedNames());
    }

    private static String line(String kind, String name, String file, boolean partial) {
        return kind + " " + name + ": missing source results/raw/" + file
                + (partial ? " (the " + kind + " is shown without the figures it would give)" : " (not shown)");
    }

    private static void writeTable(OutputSwap swap, Section s) {
        if (s.table == null) return; // no table file at all: an old one must not linger either
        swap.write(swap.tables().resolve(s.name + ".md"), s.markdown().getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------ REPORT.md

    private static String reportMarkdown(RawDir raw, List<Section> sections, Section published, List<Plots.Plot> plots,
                                         List<Section> plotSections, List<String> missing) {
        StringBuilder sb = new StringBuilder();
        sb.append("# PolyMPCNet-J results\n\n");
        sb.append("Generated by `polympc report` from the raw files in `results/raw/`; every figure below comes from the raw file "
                + "named with its table. Regenerate with `./reproduce.sh` (or `./reproduce.sh --stage report`).\n\n");
        env(raw).ifPresent(sb::append);
        sb.append(glance(sections));
        if (!missing.isEmpty()) {
            sb.append("## Missing sources\n\n");
            sb.append("These raw files are absent (their stage has not run, or failed), so the tables and plots they feed are "
                    + "not shown, or shown without their figures:\n\n");
            for (String m : missing) sb.append("- ").append(m).append('\n');
            sb.append('\n');
        }
        sb.append("## Contents\n\n");
        for (Section s : sections) {
            sb.append("- ").append(s.title).append(s.table == null ? " — *not available*" : " — [`tables/" + s.name + ".md`](tables/" + s.name + ".md)").append('\n');
        }
        sb.append("- ").append(published.title).append(published.table == null ? " — *not available*" : " — [`tables/published.md`](tables/published.md)").append('\n');
        for (Plots.Plot p : plots) sb.append("- Plot: [`plots/").append(p.file()).append("`](plots/").append(p.file()).append(")\n");
        sb.append('\n');
        for (Section s : sections) {
            sb.append("## ").append(s.title).append("\n\n").append(s.body(3));
        }
        sb.append("## Plots\n\n");
        for (Section s : plotSections) {
            for (String m : s.missing) sb.append("- ").append(s.title).append(": **missing source `results/raw/").append(m).append("`**\n");
        }
        sb.append('\n');
        for (Plots.Plot p : plots) {
            sb.append("### ").append(p.caption()).append("\n\n![").append(p.caption()).append("](plots/").append(p.file()).append(")\n\n");
        }
        sb.append("## ").append(published.title).append("\n\n").append(published.body(3));
        return sb.toString();
    }

    /** The machine the raw results come from (ENV.json), one line. */
    private static Optional<String> env(RawDir raw) {
        Optional<Path> f = raw.file("ENV.json");
        if (f.isEmpty()) return Optional.of("**Missing source: `results/raw/ENV.json`** — the machine these results come from is unknown.\n\n");
        try {
            JsonNode n = new ObjectMapper().readTree(Files.readString(f.get(), StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("Machine (`raw/ENV.json`): ");
            List<String> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                parts.add(e.getKey() + " " + (e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            }
            sb.append(String.join("; ", parts)).append(".\n\n");
            return Optional.of(sb.toString());
        } catch (IOException e) {
            throw new ReportException(f.get() + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The findings each table computed from its raw figures (no number here is typed). Where each
     * table is, and the raw files it comes from, stay with the table (Contents and its heading), so
     * that this section reads in one glance.
     */
    private static String glance(List<Section> sections) {
        List<String> lines = new ArrayList<>();
        for (Section s : sections) for (String h : s.headlines) lines.add("- " + h);
        if (lines.isEmpty()) return "";
        return "## At a glance\n\n" + String.join("\n", lines) + "\n\n";
    }
}
