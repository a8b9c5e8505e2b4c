package org.polympcnet.models.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.polympcnet.models.data.Dataset;
import org.polympcnet.models.data.DatasetSplits;
import org.polympcnet.models.nn.Architectures;
import org.polympcnet.models.nn.Choices;
import org.polympcnet.models.nn.ExpectedLatency;
import org.polympcnet.models.nn.GateAct;
import org.polympcnet.models.nn.NetSpec;
import org.polympcnet.models.nn.Network;
import org.polympcnet.models.nn.SearchLoss;
import org.polympcnet.perfmodel.latency.LatencyTable;

/**
 * The latency-aware trainer. {@code relu} and {@code poly} train the weights with Adam on the
 * training split. {@code search} puts a gate at every activation and searchable pool and
 * alternates, batch by batch, a weight step on the training split (cross-entropy) and an alpha
 * step on the validation split (cross-entropy + lambda x the expected latency, {@link SearchLoss}),
 * the first-order alternation of DARTS that PolyMPCNet follows; then each gate becomes its
 * argmax and the fixed network is fine-tuned on the training split.
 *
 * <p>Every step clips the gradients' global norm. A NaN, infinite or exploding loss stops
 * training with {@link TrainingDiverged}; the network is put back to its state after the last
 * good epoch, which is also the checkpoint on disk. All randomness (initial weights, batch
 * order) comes from the seed, so the same seed gives the same run.
 */
public final class Trainer {
    /** A loss above this, or not finite, is divergence: cross-entropy of 10 classes starts near 2.3. */
    public static final double DIVERGED_LOSS = 1e3;
    private static final int EVAL_BATCH = 500;
    /**
     * Steps between explicit collections. ND4J frees the native memory of arrays nobody closes
     * (batches, the graph's intermediate arrays it does not release) only when the garbage
     * collector finds them, and the collector, seeing a near-empty heap, seldom runs: a 3-epoch
     * run grew to 9 GB resident. Collecting every 50 steps and after each evaluation held the
     * probe's resident size at 2.4 GB where it climbed past 3.9 GB, and a 3-epoch cnn run (4,000
     * images) at 6.9 GB instead of 9.1, at no measurable cost in speed. The rest is not garbage the
     * collector can free (collecting after every evaluation batch changed nothing).
     */
    private static final int GC_EVERY = 50;

    private final DatasetSplits data;
    private final TrainSettings s;
    private final LatencyTable table;
    private final double[] mean, std;
    private final Consumer<String> progress;
    private final Path checkpoint;
    private final NetSpec spec;
    private final List<EpochRecord> log = new ArrayList<>();
    private Map<String, double[]> searchedProbabilities = Map.of();
    private Network network;
    private Map<String, INDArray> lastGood;
    private String lastGoodWhat = "none yet";

    /**
     * @param table the latency table of the architecture on the chosen hardware and network
     * @param checkpoint where each good epoch's state is saved, or null
     */
    public Trainer(DatasetSplits data, TrainSettings settings, LatencyTable table, Consumer<String> progress, Path checkpoint) {
        this.data = data;
        this.s = settings;
        this.table = table;
        this.progress = progress;
        this.checkpoint = checkpoint;
        this.mean = data.trainStats().mean();
        this.std = data.trainStats().std();
        for (int c = 0; c < std.length; c++) if (!(std[c] > 0)) std[c] = 1;
        this.spec = specFor(settings.arch(), data.train());
    }

    public static NetSpec specFor(String arch, Dataset train) {
        return Architectures.build(arch, train.imageShape(), train.classes());
    }

    /** Trains as the settings say; returns the trained network with every choice fixed. */
    public Network run() {
        switch (s.mode()) {
            case "relu", "poly" -> {
                network = Network.build(spec, Choices.forMode(spec, s.mode()), s.init(), s.x2Scale(), s.seed(), null);
                startFrom(network);
                epochs(network, "train", s.epochs(), null);
            }
            case "search" -> {
                SearchLoss loss = SearchLoss.of(table, spec, s.lambda());
                Network search = Network.build(spec, Choices.forMode(spec, "search"), s.init(), s.x2Scale(), s.seed(), loss);
                network = search;
                startFrom(search);
                epochs(search, "search", s.epochs(), loss);
                searchedProbabilities = probabilities(search);
                Choices fixed = argmax(spec, searchedProbabilities);
                progress.accept("search chose " + fixed);
                network = Network.build(spec, fixed, s.init(), s.x2Scale(), s.seed(), null);
                Checkpoint.restore(network, Checkpoint.snapshot(search));
                if (s.fineTuneEpochs() > 0) epochs(network, "finetune", s.fineTuneEpochs(), null);
            }
            default -> throw new IllegalArgumentException("unknown mode " + s.mode());
        }
        return network;
    }

    /**
     * With {@code --from}, copies a checkpoint's arrays into the network: the weights a ReLU run
     * trained, while the arrays the checkpoint lacks keep their start (X2Act coefficients their
     * init, so STPAI starts as almost the identity; gates' alphas zero, an even mix).
     */
    private void startFrom(Network net) {
        if (s.from() == null) return;
        Map<String, INDArray> state = Checkpoint.read(s.from().resolve(Checkpoint.FILE));
        int n = Checkpoint.restore(net, state);
        progress.accept(String.format(Locale.ROOT, "started from %s: %d arrays (X2Act coefficients: %s init)",
                s.from().resolve(Checkpoint.FILE), n, s.init().label()));
    }

    private void epochs(Network net, String phase, int count, SearchLoss loss) {
        int n = data.train().size(), b = Math.min(s.batch(), n), steps = n / b;
        if (steps == 0) throw new IllegalArgumentException("the training split is empty");
        AdamStep weights = TrainSettings.LINEAR.equals(s.schedule())
                ? AdamStep.linearDecay(net, net.weights(), s.learningRate(), count * steps, s.clipNorm())
                : new AdamStep(net, net.weights(), s.learningRate(), s.clipNorm());
        AdamStep alphas = loss == null ? null : new AdamStep(net, net.alphas(), s.alphaLearningRate(), s.clipNorm());
        SplittableRandom order = new SplittableRandom(s.seed() ^ phase.hashCode());
        Batches train = new Batches(data.train(), mean, std), val = new Batches(data.validation(), mean, std);
        int[] valOrder = permutation(data.validation().size(), order);
        int valPos = 0;
        lastGood = Checkpoint.snapshot(net);
        List<String> outputs = new ArrayList<>(List.of(Network.LOSS, Network.LOGITS));
        outputs.addAll(net.batchStatOutputs());
        int logEvery = Math.max(1, steps / 10);
        for (int epoch = 1; epoch <= count; epoch++) {
            int[] perm = permutation(n, order);
            double lossSum = 0;
            long correct = 0, seen = 0, nanos = 0;
            for (int step = 0; step < steps; step++) {
                int[] idx = java.util.Arrays.copyOfRange(perm, step * b, step * b + b);
                INDArray[] batch = train.of(idx);
                long t0 = System.nanoTime();
                OutAndGrad r = net.gradients(net.feed(batch[0], batch[1], true), outputs, net.weights());
                double l = r.getOutputs().get(Network.LOSS).getDouble(0);
                checkLoss(net, l, phase, epoch, step);
                weights.apply(r.getGradients(), epoch);
                net.updateRunningStats(r.getOutputs());
                if (alphas != null && data.validation().size() > 0) {
                    int vb = Math.min(b, valOrder.length);
                    if (valPos + vb > valOrder.length) {
                        valOrder = permutation(valOrder.length, order);
                        valPos = 0;
                    }
                    INDArray[] v = val.of(java.util.Arrays.copyOfRange(valOrder, valPos, valPos + vb));
                    valPos += vb;
                    Map<String, INDArray> g = net.gradients(net.feed(v[0], v[1], true), List.of(Network.LOSS), net.alphas()).getGradients();
                    alphas.apply(g, epoch);
                }
                nanos += System.nanoTime() - t0;
                if ((step + 1) % GC_EVERY == 0) System.gc();
                lossSum += l;
                correct += countCorrect(r.getOutputs().get(Network.LOGITS), train.labels(), b);
                seen += b;
                if ((step + 1) % logEvery == 0 || step + 1 == steps) {
                    progress.accept(String.format(Locale.ROOT, "[%s] epoch %d/%d  batch %d/%d  loss %.4f  train acc %.2f%%  %.0f images/s",
                            phase, epoch, count, step + 1, steps, lossSum / (step + 1), 100.0 * correct / seen, seen / (nanos / 1e9)));
                }
            }
            double valAcc = accuracy(net, data.validation()), testAcc = accuracy(net, data.test());
            System.gc();
            Map<String, double[]> probs = probabilities(net);
            double latency = ExpectedLatency.total(table, spec, net.choices(), probs);
            EpochRecord rec = new EpochRecord(phase, epoch, lossSum / steps, 100.0 * correct / seen, valAcc, testAcc, latency, seen / (nanos / 1e9), nanos / 1e9);
            log.add(rec);
            progress.accept(String.format(Locale.ROOT, "[%s] epoch %d/%d done: loss %.4f  val acc %.2f%%  test acc %.2f%%  latency %.4g s  %.0f images/s",
                    phase, epoch, count, rec.loss(), valAcc, testAcc, latency, rec.imagesPerSecond()));
            if (!probs.isEmpty()) progress.accept("  gates p(relu|max): " + formatGates(probs));
            lastGood = Checkpoint.snapshot(net);
            lastGoodWhat = phase + " epoch " + epoch;
            if (checkpoint != null) {
                try {
                    Checkpoint.write(checkpoint, lastGood);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write checkpoint " + checkpoint + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void checkLoss(Network net, double loss, String phase, int epoch, int step) {
        if (Double.isFinite(loss) && loss < DIVERGED_LOSS) return;
        Checkpoint.restore(net, lastGood);
        throw new TrainingDiverged(String.format(Locale.ROOT,
                "training diverged: loss %s at %s epoch %d, batch %d (try a smaller --lr or the stpai init); the network is back at its state after %s%s",
                loss, phase, epoch, step + 1, lastGoodWhat, checkpoint == null ? "" : ", the last checkpoint " + checkpoint + " is kept"));
    }

    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static long countCorrect(INDArray logits, int[] labels, int b) {
        long c = 0;
        float[] v = logits.dup('c').data().asFloat();
        int k = v.length / b;
        for (int i = 0; i < b; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) if (v[i * k + j] > v[i * k + best]) best = j;
            if (best == labels[i]) c++;
        }
        return c;
    }

    /** Accuracy in percent of the network (evaluation mode) on a split; NaN for an empty split. */
    public double accuracy(Network net, Dataset d) {
        if (d.size() == 0) return Double.NaN;
        Batches batches = new Batches(d, mean, std);
        long correct = 0;
        for (int from = 0; from < d.size(); from += EVAL_BATCH) {
            int to = Math.min(d.size(), from + EVAL_BATCH);
            INDArray[] x = batches.range(from, to);
            correct += countCorrect(net.logits(x[0]), batches.labels(), to - from);
        }
        return 100.0 * correct / d.size();
    }

    /** softmax(alpha) of each gate of a network, by layer. */
    public static Map<String, double[]> probabilities(Network net) {
        Map<String, double[]> r = new LinkedHashMap<>();
        for (String a : net.alphas()) {
            INDArray alpha = net.array(a);
            double a0 = alpha.getDouble(0), a1 = alpha.getDouble(1), m = Math.max(a0, a1);
            double e0 = Math.exp(a0 - m), e1 = Math.exp(a1 - m);
            r.put(a.substring(0, a.length() - GateAct.alpha("").length()), new double[] {e0 / (e0 + e1), e1 / (e0 + e1)});
        }
        return r;
    }

    /** Each gate's most probable op: relu or poly, max or avg (ties go to the cheaper second op). */
    public static Choices argmax(NetSpec spec, Map<String, double[]> probabilities) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : spec.activations()) m.put(a, pick(probabilities, a) ? Choices.RELU : Choices.POLY);
        for (String p : spec.searchablePools()) m.put(p, pick(probabilities, p) ? Choices.MAX : Choices.AVG);
        return Choices.forMode(spec, "search").with(m);
    }

    private static boolean pick(Map<String, double[]> probs, String layer) {
        double[] p = probs.get(layer);
        if (p == null) throw new IllegalArgumentException("no gate probabilities for " + layer);
        return p[0] > p[1];
    }

    private static String formatGates(Map<String, double[]> probs) {
        StringBuilder sb = new StringBuilder();
        for (var e : probs.entrySet()) sb.append(String.format(Locale.ROOT, "%s %.3f  ", e.getKey(), e.getValue()[0]));
        return sb.toString().trim();
    }

    public NetSpec spec() {
        return spec;
    }

    public List<EpochRecord> log() {
        return List.copyOf(log);
    }

    /** The gates' softmax(alpha) at the end of the search (empty unless mode search). */
    public Map<String, double[]> searchedProbabilities() {
        return searchedProbabilities;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] std() {
        return std.clone();
    }

    public LatencyTable table() {
        return table;
    }
}
