package org.polympcnet.models.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.polympcnet.models.nn.Network;

/**
 * Adam on one set of a network's variables (the weights, or the search's alphas), with
 * gradient clipping by global L2 norm. The search alternates two of these on different splits,
 * each with its own moment estimates, which one SameDiff training config cannot do.
 */
public final class AdamStep {
    private final Network net;
    private final List<String> names;
    private final Map<String, GradientUpdater> updaters = new LinkedHashMap<>();
    private final double clipNorm;
    private int iteration;
    private double lastNorm;

    public AdamStep(Network net, List<String> names, double learningRate, double clipNorm) {
        this(net, names, new Adam(learningRate), clipNorm);
    }

    /** Adam whose learning rate decays linearly to zero over {@code steps} steps ({@link LinearDecay}). */
    public static AdamStep linearDecay(Network net, List<String> names, double learningRate, int steps, double clipNorm) {
        return new AdamStep(net, names, new Adam(new LinearDecay(learningRate, steps)), clipNorm);
    }

    private AdamStep(Network net, List<String> names, Adam adam, double clipNorm) {
        this.net = net;
        this.names = List.copyOf(names);
        this.clipNorm = clipNorm;
        for (String n : names) {
            INDArray p = net.array(n);
            INDArray state = Nd4j.zeros(DataType.FLOAT, 1, adam.stateSize(p.length()));
            updaters.put(n, adam.instantiate(state, true));
        }
    }

    public List<String> names() {
        return names;
    }

    /**
     * Applies one step from these gradients (consumed: they are clipped and turned into the
     * update in place). Returns the gradients' global norm before clipping.
     */
    public double apply(Map<String, INDArray> gradients, int epoch) {
        double sq = 0;
        for (String n : names) {
            INDArray g = gradients.get(n);
            if (g == null) throw new IllegalStateException("no gradient for " + n);
            double v = g.norm2Number().doubleValue();
            sq += v * v;
        }
        double norm = Math.sqrt(sq);
        lastNorm = norm;
        double factor = clipNorm > 0 && norm > clipNorm ? clipNorm / norm : 1;
        for (String n : names) {
            INDArray p = net.array(n);
            // ND4J's Adam keeps its moments as [1, n] in row-major order, walks the gradient's buffer
            // in that order and writes the update into it, so the gradient goes in as a row-major
            // [1, n] view of its own buffer (Network.gradients hands out row-major copies; anything
            // else is copied here, since a reshape of it would be a copy and the update would be lost).
            INDArray g = gradients.get(n);
            if (g.ordering() != 'c' || g.dataType() != DataType.FLOAT || g.isView()) g = g.castTo(DataType.FLOAT).dup('c');
            g = g.reshape('c', 1, p.length());
            if (factor != 1) g.muli(factor);
            updaters.get(n).applyUpdater(g, iteration, epoch);
            p.subi(g.reshape('c', p.shape()));
        }
        iteration++;
        return norm;
    }

    public double lastNorm() {
        return lastNorm;
    }
}
