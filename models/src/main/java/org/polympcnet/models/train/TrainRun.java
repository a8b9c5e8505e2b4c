package org.polympcnet.models.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.polympcnet.models.data.DatasetSplits;
import org.polympcnet.models.nn.Choices;
import org.polympcnet.models.nn.ExpectedLatency;
import org.polympcnet.models.nn.Exporter;
import org.polympcnet.models.nn.NetSpec;
import org.polympcnet.models.nn.Network;
import org.polympcnet.perfmodel.cost.ComparisonCosts;
import org.polympcnet.perfmodel.cost.ComparisonProtocols;
import org.polympcnet.perfmodel.latency.LatencyTable;
import org.polympcnet.protocols.io.AtomicFile;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;
import org.polympcnet.protocols.ops.Truncation;

/**
 * One {@code polympc train} run into an output directory: trains ({@link Trainer}), then writes
 * {@code model.json} + {@code weights.bin} (the model format, batch norm folded; metrics
 * {@code testAccuracy}, {@code validationAccuracy} in percent and the format's {@code reluCount}),
 * {@code train-log.csv} ({@link EpochRecord}), {@code summary.csv} (tidy rows
 * experiment,config,metric,value,unit for results/raw/train.csv; config {@code comparison} names the
 * protocol of the ReLU and max-pool latencies) and, for a search, {@code search.json} (alpha,
 * softmax and latency per gate, the chosen op, and the same {@code comparison}). The model's
 * metrics are numbers only (the format keeps no strings there), so the protocol is not among them. Every file is written
 * to a temp file and renamed, and only after training succeeded; during training only
 * {@code checkpoint.bin} is (re)written, after each good epoch.
 */
public final class TrainRun {
    public static final String TRAIN_LOG = "train-log.csv", SUMMARY = "summary.csv", SEARCH = "search.json";
    public static final String SUMMARY_HEADER = "experiment,config,metric,value,unit";

    /** What a run produced. */
    public record Result(Model model, double testAccuracy, double validationAccuracy, long reluCount, double imagesPerSecond,
                         double trainSeconds, Map<String, Double> modelledLatency, List<EpochRecord> log) {}

    private TrainRun() {}

    /**
     * @param table latency table of the architecture for the loss and the log (--hw, --net)
     * @param metricTables more tables, by a "hw_net" key, whose modelled latency goes in summary.csv
     * @param runName the run's name: summary.csv's config and model.json's name
     */
    public static Result run(DatasetSplits data, String datasetName, TrainSettings s, LatencyTable table, String hwName, String netName,
                             Map<String, LatencyTable> metricTables, Path out, String runName, Consumer<String> progress) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(out);
        Trainer trainer = new Trainer(data, s, table, progress, out.resolve(Checkpoint.FILE));
        Network net = trainer.run();
        double test = trainer.accuracy(net, data.test()), val = trainer.accuracy(net, data.validation());
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("testAccuracy", test);
        metrics.put("validationAccuracy", val);
        Model model = Exporter.export(net, runName, datasetName, trainer.mean(), trainer.std(), metrics);

        double stepSeconds = 0, images = 0;
        for (EpochRecord r : trainer.log()) {
            stepSeconds += r.stepSeconds();
            images += r.imagesPerSecond() * r.stepSeconds();
        }
        double imagesPerSecond = stepSeconds > 0 ? images / stepSeconds : Double.NaN;
        Map<String, Double> latency = new LinkedHashMap<>();
        for (var e : metricTables.entrySet()) latency.put(e.getKey(), ExpectedLatency.total(e.getValue(), trainer.spec(), net.choices(), Map.of()));

        ModelFile.write(out, model);
        StringBuilder csv = new StringBuilder(EpochRecord.CSV_HEADER).append('\n');
        for (EpochRecord r : trainer.log()) csv.append(r.csv()).append('\n');
        writeAtomically(out.resolve(TRAIN_LOG), csv.toString());

        String experiment = s.mode().equals("search") ? "search" : "train";
        String config = String.format(Locale.ROOT, "run=%s;dataset=%s;arch=%s;act=%s;init=%s;lambda=%s;epochs=%d;finetune_epochs=%s;batch=%d;seed=%d;limit=%s;train_limit=%s;lr=%s;lr_schedule=%s;from=%s;comparison=%s",
                runName, datasetName, s.arch(), s.mode(), s.mode().equals("relu") ? "" : s.init().label(),
                s.mode().equals("search") ? Double.toString(s.lambda()) : "", s.epochs(),
                s.mode().equals("search") ? Integer.toString(s.fineTuneEpochs()) : "", s.batch(), s.seed(), s.limit() == 0 ? "" : Integer.toString(s.limit()),
                s.trainLimit() == 0 ? "" : Integer.toString(s.trainLimit()), Double.toString(s.learningRate()), s.schedule(),
                s.from() == null ? "" : String.valueOf(s.from().toAbsolutePath().normalize().getFileName()), table.comparison());
        StringBuilder sum = new StringBuilder(SUMMARY_HEADER).append('\n');
        row(sum, experiment, config, "test_accuracy", test, "percent");
        row(sum, experiment, config, "val_accuracy", val, "percent");
        row(sum, experiment, config, "relu_count", model.reluCount(), "count");
        int reluLayers = 0, polyLayers = 0;
        for (String a : trainer.spec().activations()) {
            if (net.choices().of(a).equals(Choices.RELU)) reluLayers++;
            else polyLayers++;
        }
        row(sum, experiment, config, "relu_layers", reluLayers, "count");
        row(sum, experiment, config, "poly_layers", polyLayers, "count");
        for (var e : latency.entrySet()) row(sum, experiment, config, "modelled_activation_latency_s_" + e.getKey(), e.getValue(), "s");
        row(sum, experiment, config, "images_per_s", imagesPerSecond, "images/s");
        row(sum, experiment, config, "train_seconds", trainSeconds, "s");
        writeAtomically(out.resolve(SUMMARY), sum.toString());

        if (s.mode().equals("search")) {
            writeAtomically(out.resolve(SEARCH), searchJson(trainer, net, s, hwName, netName));
        }
        return new Result(model, test, val, model.reluCount(), imagesPerSecond, trainSeconds, latency, trainer.log());
    }

    private static void row(StringBuilder sb, String experiment, String config, String metric, double value, String unit) {
        sb.append(experiment).append(',').append(config).append(',').append(metric).append(',').append(value).append(',').append(unit).append('\n');
    }

    static String searchJson(Trainer trainer, Network net, TrainSettings s, String hw, String netName) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("lambda", s.lambda());
        root.put("hardware", hw);
        root.put("network", netName);
        NetSpec spec = trainer.spec();
        LatencyTable table = trainer.table();
        root.put("comparison", table.comparison()); // the protocol of the ReLU and max-pool latencies (--relu-protocol)
        Map<String, double[]> probs = trainer.searchedProbabilities();
        ArrayNode gates = root.putArray("gates");
        for (String layer : probs.keySet()) {
            boolean act = spec.activations().contains(layer);
            List<String> names = act ? LatencyTable.ACTIVATION_CHOICES : LatencyTable.POOL_CHOICES;
            double[] p = probs.get(layer);
            ObjectNode g = gates.addObject();
            g.put("layer", layer);
            g.put("type", act ? "act" : "pool");
            ObjectNode alpha = g.putObject("alpha"), prob = g.putObject("softmax"), sec = g.putObject("latency_s");
            double expected = 0;
            for (int i = 0; i < 2; i++) {
                String c = names.get(i);
                alpha.put(c, Math.log(p[i]) - Math.log(p[0]));
                prob.put(c, p[i]);
                double t = table.seconds(layer, c);
                sec.put(c, t);
                expected += p[i] * t;
            }
            g.put("expected_latency_s", expected);
            g.put("chosen", net.choices().of(layer));
            g.put("chosen_latency_s", table.seconds(layer, net.choices().of(layer)));
        }
        root.put("expected_latency_s", ExpectedLatency.total(table, spec, Choices.forMode(spec, "search"), probs));
        root.put("chosen_latency_s", ExpectedLatency.total(table, spec, net.choices(), Map.of()));
        root.put("all_relu_latency_s", ExpectedLatency.total(table, spec, Choices.forMode(spec, "relu"), Map.of()));
        root.put("note", "alpha is given relative to the first choice (softmax is shift-invariant); latencies per image, in seconds, "
                + "from the performance model's latency table; chosen = argmax of softmax(alpha)");
        return m.writeValueAsString(root) + "\n";
    }

    /** Writes text to a temp file beside {@code target}, then renames it. */
    static void writeAtomically(Path target, String text) throws IOException {
        AtomicFile.write(target.toAbsolutePath(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The latency table of an architecture, for the search loss and the logs (ReLUs by the GMW carry tree). */
    public static LatencyTable latencyTable(NetSpec spec, String dataset, org.polympcnet.perfmodel.hardware.HardwareProfile hw,
                                            org.polympcnet.protocols.net.NetworkProfile net) {
        return latencyTable(spec, dataset, hw, net, ComparisonProtocols.DEFAULT);
    }

    /** As above, ReLU and max-pool latencies by the comparison protocol `comparison` ({@code --relu-protocol}). */
    public static LatencyTable latencyTable(NetSpec spec, String dataset, org.polympcnet.perfmodel.hardware.HardwareProfile hw,
                                            org.polympcnet.protocols.net.NetworkProfile net, ComparisonCosts comparison) {
        return LatencyTable.forModel(Exporter.architecture(spec, Choices.forMode(spec, "relu"), dataset), hw, net, 1,
                Truncation.Mode.LOCAL, 16, comparison);
    }
}
