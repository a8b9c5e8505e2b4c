package org.polympcnet.protocols.nn;

import java.util.HashMap;
import java.util.Map;

/**
 * The plaintext reference: the same network in double precision, on preprocessed images. Secure
 * inference is checked against it (agreement of predictions, largest logit error).
 */
public final class PlainInference {
    private final Model model;

    public PlainInference(Model model) {
        if (!model.hasWeights()) throw new IllegalArgumentException("plaintext inference needs the weights of " + model.name);
        this.model = model;
    }

    /** One preprocessed image [C, H, W] to logits [classes]. */
    public double[] logits(double[] image) {
        Map<String, double[]> out = new HashMap<>();
        out.put(Model.INPUT, image);
        for (int i = 0; i < model.layers.size(); i++) {
            Layer l = model.layers.get(i);
            double[] x = out.get(model.inputsOf(i).get(0));
            int[] xs = model.shape(model.inputsOf(i).get(0));
            double[] y;
            if (l instanceof Layer.Conv2d c) {
                y = conv(x, xs, c);
            } else if (l instanceof Layer.Linear f) {
                float[] w = model.tensor(f.weight()), b = model.tensor(f.bias());
                y = new double[f.out()];
                for (int o = 0; o < f.out(); o++) {
                    double s = b[o];
                    for (int k = 0; k < f.in(); k++) s += w[o * f.in() + k] * x[k];
                    y[o] = s;
                }
            } else if (l instanceof Layer.Act a) {
                y = new double[x.length];
                for (int k = 0; k < x.length; k++) {
                    y[k] = a.isRelu() ? Math.max(0, x[k]) : a.coeffs()[0] * x[k] * x[k] + a.coeffs()[1] * x[k] + a.coeffs()[2];
                }
            } else if (l instanceof Layer.Pool p) {
                y = pool(x, xs, p);
            } else if (l instanceof Layer.Add) {
                double[] z = out.get(model.inputsOf(i).get(1));
                y = new double[x.length];
                for (int k = 0; k < x.length; k++) y[k] = x[k] + z[k];
            } else {
                y = x;
            }
            out.put(l.name(), y);
        }
        return out.get(model.layers.get(model.layers.size() - 1).name());
    }

    private double[] conv(double[] x, int[] xs, Layer.Conv2d c) {
        float[] w = model.tensor(c.weight()), b = model.tensor(c.bias());
        int h = xs[1], wd = xs[2], k = c.kernel();
        int ho = (h + 2 * c.pad() - k) / c.stride() + 1, wo = (wd + 2 * c.pad() - k) / c.stride() + 1;
        double[] y = new double[c.out() * ho * wo];
        for (int o = 0; o < c.out(); o++) {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    double s = b[o];
                    for (int ci = 0; ci < c.in(); ci++) {
                        for (int i = 0; i < k; i++) {
                            int iy = oy * c.stride() + i - c.pad();
                            if (iy < 0 || iy >= h) continue;
                            for (int j = 0; j < k; j++) {
                                int ix = ox * c.stride() + j - c.pad();
                                if (ix < 0 || ix >= wd) continue;
                                s += w[((o * c.in() + ci) * k + i) * k + j] * x[(ci * h + iy) * wd + ix];
                            }
                        }
                    }
                    y[(o * ho + oy) * wo + ox] = s;
                }
            }
        }
        return y;
    }

    private static double[] pool(double[] x, int[] xs, Layer.Pool p) {
        int ch = xs[0], h = xs[1], w = xs[2], k = p.kernel(), s = p.stride();
        int ho = (h - k) / s + 1, wo = (w - k) / s + 1;
        double[] y = new double[ch * ho * wo];
        for (int c = 0; c < ch; c++) {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    double acc = p.kind().equals("max") ? Double.NEGATIVE_INFINITY : 0;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            double v = x[(c * h + oy * s + i) * w + ox * s + j];
                            acc = p.kind().equals("max") ? Math.max(acc, v) : acc + v;
                        }
                    }
                    y[(c * ho + oy) * wo + ox] = p.kind().equals("max") ? acc : acc / (k * k);
                }
            }
        }
        return y;
    }

    /** Pixels in [0, 1], [C, H, W], to the network's input: (x - mean[c]) / std[c]. */
    public static double[] preprocess(Model m, double[] pixels01) {
        int hw = m.input[1] * m.input[2];
        double[] r = new double[pixels01.length];
        for (int i = 0; i < r.length; i++) {
            int c = i / hw;
            r[i] = (pixels01[i] - m.mean[c]) / m.std[c];
        }
        return r;
    }
}
