package org.polympcnet.perfmodel.cost;

import java.util.Locale;

/**
 * Which kind of engine a step of an op needs (paper: the cryptographic building blocks the FPGA
 * accelerates): LINEAR, the systolic array of ring multipliers (matmul, conv); RELU, the
 * bit-sliced AND lanes of the two-party adder (MSB, DReLU, ReLU, A2B, max pool); POLY, ring
 * multipliers for element-wise products (square, polynomial, multiplexer, truncation, avg pool);
 * FSS, pipelined fixed-key AES-128 cores that evaluate the dealer's DCF keys (the FSS ReLU and
 * DReLU of BCG+21: one AES block per tree level and element, a few XORs alongside).
 */
public enum EngineKind {
    LINEAR, RELU, POLY, FSS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
