package org.polympcnet.models.nn;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The search's activation gate: {@code y = p0 * ReLU(x) + p1 * X2Act(x)} with
 * {@code p = softmax(alpha)} and alpha = [alpha_relu, alpha_poly] trained on the validation
 * split. After the search each gate becomes its argmax. Alphas start at 0: both ops weighted
 * one half, so the latency term and the data decide.
 */
public final class GateAct {
    private GateAct() {}

    public static String alpha(String layer) {
        return layer + "/alpha";
    }

    public static SDVariable apply(SameDiff sd, String layer, SDVariable x, PolyInit init, double scale) {
        SDVariable p = probabilities(sd, layer);
        SDVariable relu = sd.nn().relu(x, 0);
        SDVariable poly = X2Act.apply(sd, layer, x, init, scale);
        return relu.mul(p.get(SDIndex.point(0))).add(layer + "/gate", poly.mul(p.get(SDIndex.point(1))));
    }

    /** softmax(alpha) of a gate, creating alpha (zeros) the first time. */
    static SDVariable probabilities(SameDiff sd, String layer) {
        SDVariable alpha = sd.hasVariable(alpha(layer)) ? sd.getVariable(alpha(layer)) : sd.var(alpha(layer), Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2));
        return sd.nn().softmax(layer + "/p", alpha, 0);
    }
}
