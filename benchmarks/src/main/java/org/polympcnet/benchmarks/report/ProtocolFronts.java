package org.polympcnet.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The models per comparison protocol, at one hardware and network (zcu104/lan when present): the
 * searched models priced with the protocol (train.csv), the ReLU baseline under it (train.csv when it
 * was trained under that protocol, else the sum of the relu and max-pool choices of its latency table
 * under the protocol, reproduce.sh's relu-baseline-PROTOCOL.csv: the trainer's own sum) and the
 * comparison-free all-poly models, which are the same under every protocol. From these: each
 * protocol's Pareto front, and the table of how much lower each model's modelled activation latency
 * is than the ReLU baseline's under the same protocol.
 */
final class ProtocolFronts {
    static final String BASELINE_PREFIX = "relu-baseline-";

    /** Everything one protocol's series and front are made of. */
    record Fronts(String key, Map<ReluProtocol, List<ModelPoint>> searched, Map<ReluProtocol, ModelPoint> baseline, List<ModelPoint> free) {
        double ms(ModelPoint m) {
            return m.latencyMs().get(key);
        }

        /** The protocol's models (baseline, searched) with the all-poly ones, as {latency, accuracy}. */
        List<double[]> points(ReluProtocol p) {
            List<double[]> pts = new ArrayList<>();
            for (ModelPoint m : searched.get(p)) pts.add(new double[] {ms(m), m.accuracy()});
            if (baseline.containsKey(p)) pts.add(new double[] {ms(baseline.get(p)), baseline.get(p).accuracy()});
            return pts;
        }

        List<double[]> freePoints() {
            List<double[]> pts = new ArrayList<>();
            for (ModelPoint m : free) pts.add(new double[] {ms(m), m.accuracy()});
            return pts;
        }
    }

    private ProtocolFronts() {}

    static String baselineFile(ReluProtocol p) {
        return BASELINE_PREFIX + p.cli + ".csv";
    }

    /** The fronts, or empty when train.csv is missing (named in s) or holds no model with a modelled latency. */
    static Optional<Fronts> read(RawDir raw, Section s) {
        Optional<Path> f = raw.file(ModelTables.TRAIN);
        if (f.isEmpty()) {
            s.missing(ModelTables.TRAIN);
            return Optional.empty();
        }
        s.source(ModelTables.TRAIN);
        List<ModelPoint> models = ModelPoint.read(raw.tidy(f.get()));
        String key = ModelPoint.preferredKey(models);
        if (key == null) return Optional.empty();
        Map<ReluProtocol, List<ModelPoint>> searched = new LinkedHashMap<>();
        Map<ReluProtocol, ModelPoint> baseline = new LinkedHashMap<>();
        List<ModelPoint> free = new ArrayList<>(), relus = new ArrayList<>();
        for (ReluProtocol p : ReluProtocol.values()) searched.put(p, new ArrayList<>());
        for (ModelPoint m : models) {
            if (!m.latencyMs().containsKey(key)) continue;
            if (m.comparisonFree()) free.add(m);
            else if ("search".equals(m.experiment()) || "search".equals(m.act())) searched.get(m.protocol()).add(m);
            else if ("relu".equals(m.act())) {
                relus.add(m);
                baseline.putIfAbsent(m.protocol(), m);
            }
        }
        for (ReluProtocol p : ReluProtocol.values()) {
            if (searched.get(p).isEmpty()) s.missing(ModelTables.TRAIN + " (no searched model with --relu-protocol " + p.cli + ")");
            // Under another protocol the trained baseline is priced from its latency table (the relucost stage).
            if (relus.isEmpty() || baseline.containsKey(p) || searched.get(p).isEmpty()) continue;
            Optional<Path> table = raw.file(baselineFile(p));
            if (table.isEmpty()) {
                s.missing(baselineFile(p));
                continue;
            }
            s.source(baselineFile(p));
            fromTable(raw, table.get(), p, relus).ifPresent(m -> baseline.put(p, m));
        }
        for (List<ModelPoint> l : searched.values()) l.sort(Comparator.comparingDouble(m -> m.latencyMs().get(key)));
        return Optional.of(new Fronts(key, searched, baseline, free));
    }

    /**
     * The baseline under protocol p: per hardware and network, the sum of its latency table's relu
     * (activation) and max (pool) choices in ms; its accuracy from train.csv (the model the table's
     * config names). The table must be of protocol p (its config's comparison; none is gmw).
     */
    private static Optional<ModelPoint> fromTable(RawDir raw, Path file, ReluProtocol p, List<ModelPoint> relus) {
        Map<String, Double> latency = new LinkedHashMap<>();
        String model = null;
        for (TidyRow r : raw.tidy(file)) {
            if (!"latency".equals(r.metric())) continue;
            ReluProtocol q = r.get("comparison") == null ? ReluProtocol.GMW : ReluProtocol.of(r.get("comparison")).orElse(null);
            if (q != p) throw new ReportException(r.where() + ": comparison '" + r.get("comparison") + "', want " + p.stats + " (the file's name)");
            if (model == null) model = r.get("model");
            else if (!model.equals(r.get("model"))) throw new ReportException(r.where() + ": model '" + r.get("model") + "', but the file began with " + model);
            String choice = r.get("choice");
            if (!"relu".equals(choice) && !"max".equals(choice)) continue;
            double ms = Figures.millis(r);
            if (Double.isNaN(ms)) throw new ReportException(r.where() + ": latency '" + r.value() + " " + r.unit() + "' is not a time");
            latency.merge(r.get("hw") + "/" + r.get("net"), ms, Double::sum);
        }
        for (ModelPoint m : relus) {
            if (m.run() != null && m.run().equals(model)) {
                return Optional.of(new ModelPoint(m.run(), m.experiment(), m.act(), p, m.accuracy(), latency));
            }
        }
        return Optional.empty();
    }

    /**
     * Per protocol with searched models: the ReLU baseline, each searched model and each all-poly
     * model, with its modelled activation latency and how many times lower it is than the baseline's
     * under the same protocol, and whether it is on the protocol's Pareto front.
     */
    static Section table(Optional<Fronts> fronts, Section s) {
        if (fronts.isEmpty()) return s;
        Fronts f = fronts.get();
        MarkdownTable t = new MarkdownTable("protocol", "model", "kind", "test accuracy %", "modelled activation ms (" + f.key() + ")",
                "lower than the ReLU baseline", "on the protocol's front");
        for (ReluProtocol p : ReluProtocol.values()) {
            if (f.searched().get(p).isEmpty()) continue;
            ModelPoint base = f.baseline().get(p);
            List<double[]> front = ProtocolPlots.front(f.points(p), f.freePoints());
            List<ModelPoint> rows = new ArrayList<>();
            if (base != null) rows.add(base);
            rows.addAll(f.searched().get(p));
            rows.addAll(f.free());
            StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "Under %s (%s):", p.cli, f.key()));
            if (base != null) h.append(String.format(Locale.ROOT, " the ReLU baseline's activations %s ms;", MarkdownTable.num(f.ms(base))));
            for (ModelPoint m : rows) {
                String kind = m == base ? "ReLU baseline" : m.comparisonFree() ? "all-poly (no comparison)" : "searched";
                double lower = base == null ? Double.NaN : f.ms(base) / f.ms(m);
                boolean onFront = false;
                for (double[] q : front) onFront |= q[0] == f.ms(m) && q[1] == m.accuracy();
                t.row(p.cli, m.run(), kind, m.accuracy(), f.ms(m), m == base ? null : MarkdownTable.ratio(lower), onFront ? "yes" : "no");
                if (m != base && base != null) {
                    h.append(String.format(Locale.ROOT, " `%s` %s %% at %s lower;", m.run(), MarkdownTable.num(m.accuracy()), MarkdownTable.ratio(lower)));
                }
            }
            s.headlines.add(h.substring(0, h.length() - 1) + ".");
        }
        if (t.isEmpty()) return s;
        s.table = t.render();
        s.note("Modelled activation latency: the ReLU, polynomial and pool layers of one image as the trainer's latency table prices them "
                + "(train.csv); the ReLU baseline under a protocol it was not trained with: the relu and max choices of its latency table under "
                + "that protocol summed (relu-baseline-PROTOCOL.csv), the trainer's own sum. The all-poly models compare nothing, so they are "
                + "the same under every protocol: how much lower they are than each protocol's ReLU baseline is the polynomial's advantage "
                + "left under that protocol.");
        return s;
    }
}
