package org.polympcnet.models.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * X2Act, the trainable quadratic activation of PolyMPCNet: {@code y = s*w2*x^2 + w1*x + b} with
 * scalars w2, w1, b trained per layer and a fixed scale s. Under 2PC it is one square (a square
 * pair, one round) and local multiplications, where a ReLU needs a secure comparison. Exported as
 * the polynomial {@code a x^2 + b x + c} with {@code [a, b, c] = [s*w2, w1, b]}.
 *
 * <p>The scale s damps the step of the quadratic coefficient relative to the linear one: with
 * an adaptive optimiser each scalar moves by about the learning rate a step, so s sets how fast
 * the curvature {@code s*w2} can grow. s = 1 by default ({@link #DEFAULT_SCALE}).
 */
public final class X2Act {
    public static final double DEFAULT_SCALE = 1.0;

    private X2Act() {}

    /** Variable names of layer {@code layer}'s coefficients. */
    public static String w2(String layer) {
        return layer + "/w2";
    }

    public static String w1(String layer) {
        return layer + "/w1";
    }

    public static String b(String layer) {
        return layer + "/b";
    }

    /** Adds the layer's three trainable scalars (initialised by {@code init}) and returns y. */
    public static SDVariable apply(SameDiff sd, String layer, SDVariable x, PolyInit init, double scale) {
        DataType t = x.dataType() == null || !x.dataType().isFPType() ? DataType.FLOAT : x.dataType();
        SDVariable w2 = sd.var(w2(layer), Nd4j.scalar(t, init.w2));
        SDVariable w1 = sd.var(w1(layer), Nd4j.scalar(t, init.w1));
        SDVariable b = sd.var(b(layer), Nd4j.scalar(t, init.b));
        // Horner form, x * (s*w2*x + w1) + b: three element-wise ops and their gradients, where
        // square(x) would add ND4J's pow derivative, the slowest op of the probe CNN's step.
        SDVariable inner = x.mul(w2.mul(scale)).add(w1);
        return x.mul(inner).add(layer + "/y", b);
    }

    /** The exported coefficients [a, b, c] of {@code a x^2 + b x + c}. */
    public static double[] coefficients(double w2, double w1, double b, double scale) {
        return new double[] {scale * w2, w1, b};
    }
}
