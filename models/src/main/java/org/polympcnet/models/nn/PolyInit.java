package org.polympcnet.models.nn;

import java.util.Locale;

/**
 * Initial coefficients (w2, w1, b) of an X2Act, {@code s*w2*x^2 + w1*x + b}.
 *
 * <p>{@link #STPAI}, the straight-through polynomial activation initialisation of PolyMPCNet:
 * w2 = 0.005, w1 = 1, b = 0, so a new polynomial starts as (almost) the identity. A network whose
 * ReLUs are replaced by it still passes its signal straight through (no vanishing or exploding
 * squares at the start), and a ReLU-trained network can be switched over without collapse.
 * {@link #NAIVE}: w2 = 1, w1 = 0, b = 0, a plain square, for comparison.
 */
public enum PolyInit {
    STPAI(0.005, 1, 0),
    NAIVE(1, 0, 0);

    public final double w2, w1, b;

    PolyInit(double w2, double w1, double b) {
        this.w2 = w2;
        this.w1 = w1;
        this.b = b;
    }

    public static PolyInit parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "stpai" -> STPAI;
            case "naive" -> NAIVE;
            default -> throw new IllegalArgumentException("unknown init '" + s + "': use stpai or naive");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
