package org.polympcnet.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** X2Act's values and gradients, and what STPAI and naive initialisation start from. */
class X2ActTest {
    private static final double SCALE = 0.7;

    /** L = sum(r * X2Act(x)) for fixed random r, in double precision. */
    private static SameDiff graph(double[] x, double[] r, PolyInit init) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("x", Nd4j.createFromArray(x).reshape(2, x.length / 2));
        SDVariable y = X2Act.apply(sd, "act", in, init, SCALE);
        SDVariable weights = sd.constant("r", Nd4j.createFromArray(r).reshape(2, r.length / 2));
        SDVariable loss = y.mul(weights).sum("loss");
        sd.setLossVariables(loss.name());
        return sd;
    }

    private static double loss(SameDiff sd) {
        return sd.output(Map.of(), "loss").get("loss").getDouble(0);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random rnd = new Random(3);
        double[] x = new double[12], r = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian() * 2;
            r[i] = rnd.nextGaussian();
        }
        SameDiff sd = graph(x, r, PolyInit.STPAI);
        // Move the coefficients off their initial values so that every term matters.
        sd.getArrForVarName(X2Act.w2("act")).assign(0.3);
        sd.getArrForVarName(X2Act.w1("act")).assign(-0.8);
        sd.getArrForVarName(X2Act.b("act")).assign(0.25);
        List<String> vars = List.of("x", X2Act.w2("act"), X2Act.w1("act"), X2Act.b("act"));
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), vars);
        double h = 1e-6;
        int checked = 0;
        for (String v : vars) {
            INDArray p = sd.getArrForVarName(v);
            INDArray g = grads.get(v);
            for (int i = 0; i < p.length(); i++) {
                double old = p.getDouble(i);
                p.putScalar(i, old + h);
                double up = loss(sd);
                p.putScalar(i, old - h);
                double down = loss(sd);
                p.putScalar(i, old);
                double fd = (up - down) / (2 * h);
                assertEquals(fd, g.getDouble(i), 1e-6 * Math.max(1, Math.abs(fd)), v + "[" + i + "]");
                checked++;
            }
        }
        assertEquals(15, checked);
        // And the closed forms: dL/dw2 = s sum r x^2, dL/dw1 = sum r x, dL/db = sum r, dL/dx = r (2 s w2 x + w1).
        double dw2 = 0, dw1 = 0, db = 0;
        for (int i = 0; i < x.length; i++) {
            dw2 += SCALE * r[i] * x[i] * x[i];
            dw1 += r[i] * x[i];
            db += r[i];
            assertEquals(r[i] * (2 * SCALE * 0.3 * x[i] - 0.8), grads.get("x").getDouble(i), 1e-9);
        }
        assertEquals(dw2, grads.get(X2Act.w2("act")).getDouble(0), 1e-9);
        assertEquals(dw1, grads.get(X2Act.w1("act")).getDouble(0), 1e-9);
        assertEquals(db, grads.get(X2Act.b("act")).getDouble(0), 1e-9);
    }

    /** y of a lone X2Act for inputs x, initial coefficients. */
    private static double[] apply(PolyInit init, double[] x) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.DOUBLE, x.length);
        X2Act.apply(sd, "act", in, init, X2Act.DEFAULT_SCALE);
        return sd.output(Map.of("x", Nd4j.createFromArray(x)), "act/y").get("act/y").toDoubleVector();
    }

    @Test
    void stpaiStartsNearTheIdentityAndNaiveAsTheSquare() {
        double[] x = new double[61];
        for (int i = 0; i < x.length; i++) x[i] = -3 + 0.1 * i;
        double[] stpai = apply(PolyInit.STPAI, x), naive = apply(PolyInit.NAIVE, x);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            assertEquals(0.005 * x[i] * x[i] + x[i], stpai[i], 1e-12);
            worst = Math.max(worst, Math.abs(stpai[i] - x[i]));
            assertEquals(x[i] * x[i], naive[i], 1e-12);
        }
        // Within |x| <= 3 (about three standard deviations after batch norm) STPAI is the identity to 0.045.
        assertEquals(0.045, worst, 1e-9);
        assertEquals(List.of(0.005, 1.0, 0.0), List.of(PolyInit.STPAI.w2, PolyInit.STPAI.w1, PolyInit.STPAI.b));
        double[] c = X2Act.coefficients(PolyInit.STPAI.w2, PolyInit.STPAI.w1, PolyInit.STPAI.b, 2.0);
        assertEquals(0.01, c[0], 1e-15);
    }
}
