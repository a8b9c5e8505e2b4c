package org.polympcnet.models.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link NetSpec} with its {@link Choices} as a SameDiff graph: placeholders {@link #FEATURES}
 * [B, C, H, W] (preprocessed) and {@link #LABELS} [B, classes] (one-hot), outputs {@link #LOGITS}
 * and {@link #LOSS} (cross-entropy, plus the search's latency term when one is given). Trainable
 * variables fall in two sets: {@link #weights()} (conv, linear, batch norm, X2Act coefficients)
 * and {@link #alphas()} (the gates' logits), so the search can step each set on its own split.
 *
 * <p>Conv weights are kept in SameDiff's default layout [kH, kW, in, out] and linear weights as
 * [in, out]; the exporter turns them into the model format's [out, in, kh, kw] and [out, in].
 * Weights start He-normal from a {@link SplittableRandom} seeded by the caller, so a seed fixes
 * them on every backend.
 */
public final class Network {
    public static final String FEATURES = "features", LABELS = "labels", BN_TRAIN = "bn_train";
    public static final String LOGITS = "logits", CE = "ce", LATENCY = "latency_term", LOSS = "loss";

    private final SameDiff sd;
    private final NetSpec spec;
    private final Choices choices;
    private final double scale;
    private final List<String> weights = new ArrayList<>(), alphas = new ArrayList<>(), batchNorms = new ArrayList<>();
    private final Map<String, int[]> shapes = new HashMap<>();
    /** Running mean and variance of each batch norm, by placeholder name. */
    private final Map<String, INDArray> running = new LinkedHashMap<>();

    private Network(NetSpec spec, Choices choices, double scale) {
        this.sd = SameDiff.create();
        this.spec = spec;
        this.choices = choices;
        this.scale = scale;
    }

    /**
     * @param latency the search's latency term, or null for cross-entropy alone
     */
    public static Network build(NetSpec spec, Choices choices, PolyInit init, double scale, long seed, SearchLoss latency) {
        Network n = new Network(spec, choices, scale);
        n.define(init, new SplittableRandom(seed), latency);
        return n;
    }

    private void define(PolyInit init, SplittableRandom rnd, SearchLoss latency) {
        int[] in = spec.input();
        SDVariable x0 = sd.placeHolder(FEATURES, DataType.FLOAT, -1, in[0], in[1], in[2]);
        SDVariable labels = sd.placeHolder(LABELS, DataType.FLOAT, -1, spec.classes());
        SDVariable train = sd.placeHolder(BN_TRAIN, DataType.FLOAT);
        Map<String, SDVariable> out = new HashMap<>();
        out.put(NetSpec.INPUT, x0);
        shapes.put(NetSpec.INPUT, in);
        Map<String, SDVariable> gates = new LinkedHashMap<>();
        for (NetSpec.Node node : spec.nodes()) {
            SDVariable x = out.get(node.inputs().get(0));
            int[] s = shapes.get(node.inputs().get(0));
            SDVariable y;
            int[] ys;
            if (node instanceof NetSpec.Conv c) {
                SDVariable w = sd.var(c.name() + "/w", heNormal(rnd, c.in() * c.kernel() * c.kernel(), c.kernel(), c.kernel(), c.in(), c.out()));
                SDVariable b = sd.var(c.name() + "/b", Nd4j.zeros(DataType.FLOAT, c.out()));
                weights.add(w.name());
                weights.add(b.name());
                Conv2DConfig cfg = Conv2DConfig.builder().kH(c.kernel()).kW(c.kernel()).sH(c.stride()).sW(c.stride())
                        .pH(c.pad()).pW(c.pad()).dH(1).dW(1).dataFormat("NCHW").build();
                y = sd.cnn().conv2d(c.name() + "/conv", x, w, b, cfg);
                ys = new int[] {c.out(), (s[1] + 2 * c.pad() - c.kernel()) / c.stride() + 1, (s[2] + 2 * c.pad() - c.kernel()) / c.stride() + 1};
                if (c.batchNorm()) {
                    y = BatchNorm.apply(sd, c.name(), y, c.out(), train);
                    weights.add(BatchNorm.gamma(c.name()));
                    weights.add(BatchNorm.beta(c.name()));
                    batchNorms.add(c.name());
                    running.put(BatchNorm.runningMean(c.name()), Nd4j.zeros(DataType.FLOAT, c.out()));
                    running.put(BatchNorm.runningVar(c.name()), Nd4j.ones(DataType.FLOAT, c.out()));
                }
            } else if (node instanceof NetSpec.Linear l) {
                SDVariable w = sd.var(l.name() + "/w", heNormal(rnd, l.in(), l.in(), l.out()));
                SDVariable b = sd.var(l.name() + "/b", Nd4j.zeros(DataType.FLOAT, l.out()));
                weights.add(w.name());
                weights.add(b.name());
                y = sd.nn().linear(l.name() + "/linear", x, w, b);
                ys = new int[] {l.out()};
            } else if (node instanceof NetSpec.Act a) {
                String kind = choices.of(a.name());
                switch (kind) {
                    case Choices.RELU -> y = sd.nn().relu(a.name() + "/relu", x, 0);
                    case Choices.POLY -> y = X2Act.apply(sd, a.name(), x, init, scale);
                    case Choices.GATE -> {
                        y = GateAct.apply(sd, a.name(), x, init, scale);
                        gates.put(a.name(), sd.getVariable(a.name() + "/p"));
                        alphas.add(GateAct.alpha(a.name()));
                    }
                    default -> throw new IllegalArgumentException("activation " + a.name() + ": choice '" + kind + "' (want relu, poly or gate)");
                }
                if (!kind.equals(Choices.RELU)) {
                    weights.add(X2Act.w2(a.name()));
                    weights.add(X2Act.w1(a.name()));
                    weights.add(X2Act.b(a.name()));
                }
                ys = s;
            } else if (node instanceof NetSpec.Pool p) {
                String kind = p.searchable() ? choices.of(p.name()) : Choices.AVG;
                switch (kind) {
                    case Choices.MAX -> y = Pools.max(sd, x, p.kernel(), p.stride());
                    case Choices.AVG -> y = Pools.avg(sd, x, p.kernel(), p.stride());
                    case Choices.GATE -> {
                        y = GatePool.apply(sd, p.name(), x, p.kernel(), p.stride());
                        gates.put(p.name(), sd.getVariable(p.name() + "/p"));
                        alphas.add(GateAct.alpha(p.name()));
                    }
                    default -> throw new IllegalArgumentException("pool " + p.name() + ": choice '" + kind + "' (want max, avg or gate)");
                }
                ys = new int[] {s[0], (s[1] - p.kernel()) / p.stride() + 1, (s[2] - p.kernel()) / p.stride() + 1};
            } else if (node instanceof NetSpec.Add a) {
                y = x.add(out.get(a.right()));
                ys = s;
            } else if (node instanceof NetSpec.Flatten) {
                int f = s[0] * s[1] * s[2];
                y = x.reshape(-1, f);
                ys = new int[] {f};
            } else {
                throw new IllegalStateException("unknown node " + node);
            }
            out.put(node.name(), y);
            shapes.put(node.name(), ys);
        }
        SDVariable logits = out.get(spec.output()).mul(LOGITS, 1.0);
        SDVariable ce = sd.loss().softmaxCrossEntropy(CE, labels, logits, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
        SDVariable loss;
        if (latency != null && !gates.isEmpty()) {
            SDVariable term = latency.define(sd, gates);
            loss = ce.add(LOSS, term.mul(latency.lambda()));
        } else {
            loss = ce.mul(LOSS, 1.0);
        }
        sd.setLossVariables(loss.name());
        // Differentiate now, with stdout muted: ND4J 1.0.0-M2.1 prints "Added differentiated op"
        // to System.out for every op while it builds the gradient graph, which would bury the
        // command's own output.
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(stdout);
        }
    }

    /** He-normal weights, std sqrt(2 / fanIn), drawn in row-major order of {@code shape}. */
    private static INDArray heNormal(SplittableRandom rnd, int fanIn, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        float[] v = new float[Math.toIntExact(n)];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < v.length; i++) v[i] = (float) (rnd.nextGaussian() * std);
        return Nd4j.create(v, shape, 'c');
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public NetSpec spec() {
        return spec;
    }

    public Choices choices() {
        return choices;
    }

    public double scale() {
        return scale;
    }

    /** Conv, linear, batch-norm and X2Act variables: the weight step's set. */
    public List<String> weights() {
        return Collections.unmodifiableList(weights);
    }

    /** The gates' alphas: the search's alpha step's set. */
    public List<String> alphas() {
        return Collections.unmodifiableList(alphas);
    }

    /** Names of the convs followed by a batch norm. */
    public List<String> batchNorms() {
        return Collections.unmodifiableList(batchNorms);
    }

    /** Running statistics of the batch norms, by placeholder name (mutable: the trainer updates them in place). */
    public Map<String, INDArray> runningStats() {
        return running;
    }

    /** Names of the graph's batch-statistics outputs, for the running averages. */
    public List<String> batchStatOutputs() {
        List<String> r = new ArrayList<>();
        for (String c : batchNorms) {
            r.add(BatchNorm.batchMean(c));
            r.add(BatchNorm.batchVar(c));
        }
        return r;
    }

    /** Output shape of a node ([C, H, W] or [F]). */
    public int[] shape(String node) {
        return shapes.get(node).clone();
    }

    /** The array of a variable (live: writes change the network). */
    public INDArray array(String name) {
        INDArray a = sd.getArrForVarName(name);
        if (a == null) throw new IllegalArgumentException("network has no variable " + name);
        return a;
    }

    public boolean has(String name) {
        return sd.hasVariable(name) && sd.getVariable(name).getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE;
    }

    /**
     * The placeholders of one call: features, labels (may be null for inference), the batch-norm
     * mode and the running statistics.
     */
    public Map<String, INDArray> feed(INDArray features, INDArray labels, boolean train) {
        Map<String, INDArray> f = new HashMap<>(running);
        f.put(FEATURES, features);
        if (labels != null) f.put(LABELS, labels);
        f.put(BN_TRAIN, Nd4j.scalar(DataType.FLOAT, train ? 1f : 0f));
        return f;
    }

    /**
     * Logits [B, classes] of a batch in evaluation mode (running batch-norm statistics), owned by
     * the caller.
     */
    public INDArray logits(INDArray features) {
        INDArray r = owned(sd.output(feed(features, null, false), LOGITS).get(LOGITS));
        noArrayReuse();
        return r;
    }

    /**
     * Gradients of the loss for {@code variables}, and the named outputs, of one batch, all owned
     * by the caller, as row-major copies (the layout of Adam's moments, see {@code AdamStep}).
     */
    public OutAndGrad gradients(Map<String, INDArray> feed, List<String> outputs, List<String> variables) {
        OutAndGrad r = sd.calculateGradientsAndOutputs(feed, outputs, variables);
        noArrayReuse();
        return new OutAndGrad(owned(r.getOutputs()), owned(r.getGradients()));
    }

    private static Map<String, INDArray> owned(Map<String, INDArray> arrays) {
        Map<String, INDArray> m = new HashMap<>(arrays.size() * 2);
        for (var e : arrays.entrySet()) m.put(e.getKey(), owned(e.getValue()));
        return m;
    }

    /**
     * A row-major copy of a result; the result itself is freed now rather than when the garbage
     * collector finds it, since the collector does not see native memory (a training run's
     * resident size grew to several GB of results waiting for it).
     */
    private static INDArray owned(INDArray a) {
        INDArray c = a.dup('c');
        if (a.closeable()) a.close();
        return c;
    }

    /**
     * Gives every session of this graph and of its gradient function the {@link FreshArrays}
     * memory manager (see there why). Sessions are made on a graph's first call, so this runs
     * after each call and costs a map walk.
     */
    private void noArrayReuse() {
        if (Boolean.getBoolean("polympc.nd4j.arrayCache")) return;
        noArrayReuse(sd);
        SameDiff grad = sd.getFunction("grad");
        if (grad != null) noArrayReuse(grad);
    }

    private static void noArrayReuse(SameDiff g) {
        for (var s : g.getSessions().values()) {
            if (!(s.getMmgr() instanceof FreshArrays)) s.setMmgr(new FreshArrays());
        }
    }

    /** Updates the running batch-norm statistics from one training batch's statistics. */
    public void updateRunningStats(Map<String, INDArray> outputs) {
        for (String c : batchNorms) {
            blend(running.get(BatchNorm.runningMean(c)), outputs.get(BatchNorm.batchMean(c)));
            blend(running.get(BatchNorm.runningVar(c)), outputs.get(BatchNorm.batchVar(c)));
        }
    }

    private static void blend(INDArray run, INDArray batch) {
        run.muli(1 - BatchNorm.MOMENTUM).addi(batch.mul(BatchNorm.MOMENTUM));
    }
}
