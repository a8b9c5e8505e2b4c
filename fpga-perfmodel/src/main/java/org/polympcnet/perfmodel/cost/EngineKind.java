package org.polympcnet.perfmodel.cost;

import java.util.Locale;

/**
 * Which kind of engine a step of an op needs (paper: the cryptographic building blocks the FPGA
 * accelerates): LINEAR, the systolic array of ring multipliers (matmul, conv); RELU, the
 * bit-sliced AND lanes of the two-party adder (MSB, DReLU, ReLU, A2B, max pool); POLY, ring
 * multipliers for element-wise products (square, polynomial, multiplexer, truncation, avg pool).
 */
public enum EngineKind {
    LINEAR, RELU, POLY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
