package org.polympcnet.perfmodel.cost;

import org.polympcnet.protocols.nn.Layer;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.ops.Truncation;

/**
 * The ops a layer of a model runs under secure inference, as {@code nn.SecureInference} runs
 * them for a batch of b images: conv2d by im2col and a matrix product, linear as a matrix
 * product of the weights by the batch's columns (with the two layout transposes and the bias),
 * act as ReLU or the polynomial, pool as the max tournament or the average, add as a local sum,
 * flatten as nothing. ReLU and max pool use a {@link ComparisonCosts} (the GMW carry tree unless
 * {@link #withComparison} says otherwise).
 */
public final class LayerCosts {
    private final Model model;
    private final int batch;
    private final Truncation.Mode mode;
    private final int fracBits;
    private final ComparisonCosts comparison;

    public LayerCosts(Model model, int batch, Truncation.Mode mode, int fracBits) {
        this(batch, mode, fracBits, java.util.Objects.requireNonNull(model, "model"), ComparisonProtocols.DEFAULT);
    }

    /** The same layers with ReLU and max pool by another comparison protocol. */
    public LayerCosts withComparison(ComparisonCosts c) {
        return new LayerCosts(batch, mode, fracBits, model, java.util.Objects.requireNonNull(c, "comparison"));
    }

    public ComparisonCosts comparison() {
        return comparison;
    }

    /** Costs of single layers ({@link #activation}, {@link #pool}, {@link #add}) without a model. */
    public static LayerCosts withoutModel(int batch, Truncation.Mode mode, int fracBits) {
        return new LayerCosts(batch, mode, fracBits, null, ComparisonProtocols.DEFAULT);
    }

    private LayerCosts(int batch, Truncation.Mode mode, int fracBits, Model model, ComparisonCosts comparison) {
        if (batch <= 0) throw new IllegalArgumentException("batch must be positive, got " + batch);
        this.model = model;
        this.batch = batch;
        this.mode = mode;
        this.fracBits = fracBits;
        this.comparison = comparison;
    }

    /** The cost of layer i as the model declares it. */
    public OpCost of(int i) {
        if (model == null) throw new IllegalStateException("these layer costs have no model");
        Layer l = model.layers.get(i);
        int[] in = model.shape(model.inputsOf(i).get(0));
        if (l instanceof Layer.Conv2d c) {
            return OpCosts.conv2d(mode, batch, c.in(), in[1], in[2], c.out(), c.kernel(), c.kernel(), c.stride(), c.pad(), fracBits);
        } else if (l instanceof Layer.Linear f) {
            long moves = (long) batch * f.in() + 2L * batch * f.out(); // [b, in] -> [in, b], [out, b] -> [b, out], + bias
            OpCost layout = new OpCost("linear", (long) batch * f.out(),
                    new Steps(EngineKind.LINEAR, (long) batch * f.out()).work(Work.ringOps(moves)).build(), CorrelationCost.NONE, 0, 0);
            return OpCosts.matmul(mode, f.out(), f.in(), batch, fracBits).then(layout, "linear");
        } else if (l instanceof Layer.Act a) {
            return activation(a.isRelu() ? "relu" : "poly", elements(in));
        } else if (l instanceof Layer.Pool p) {
            return pool(p.kind(), in, p.kernel(), p.stride());
        } else if (l instanceof Layer.Add) {
            return add(elements(in));
        }
        return OpCost.none(l.type(), elements(in)); // flatten: the layout is already right
    }

    /** An activation of n elements as "relu" or "poly". */
    public OpCost activation(String kind, int n) {
        switch (kind) {
            case "relu": return comparison.relu(n);
            case "poly": return OpCosts.poly(mode, n, fracBits);
            default: throw new IllegalArgumentException("activation kind '" + kind + "' (want relu or poly)");
        }
    }

    /** The local sum of a residual connection over n elements. */
    public OpCost add(int n) {
        return new OpCost("add", n, new Steps(EngineKind.POLY, n).work(Work.ringOps(n)).build(), CorrelationCost.NONE, 0, 0);
    }

    /** A pool over an input of shape [C, H, W] (per image) as "max" or "avg". */
    public OpCost pool(String kind, int[] in, int kernel, int stride) {
        switch (kind) {
            case "max": return OpCosts.maxPool(comparison, batch, in[0], in[1], in[2], kernel, stride);
            case "avg": return OpCosts.avgPool(mode, batch, in[0], in[1], in[2], kernel, stride, fracBits);
            default: throw new IllegalArgumentException("pool kind '" + kind + "' (want max or avg)");
        }
    }

    /** Elements of a per-image shape across the batch. */
    public int elements(int[] shape) {
        long n = Model.size(shape) * batch;
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("layer of " + n + " elements is too large for one op");
        return (int) n;
    }

    public Model model() {
        return model;
    }

    public int batch() {
        return batch;
    }
}
