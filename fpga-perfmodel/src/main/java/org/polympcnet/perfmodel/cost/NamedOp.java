package org.polympcnet.perfmodel.cost;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.polympcnet.protocols.ops.Truncation;

/**
 * The single ops the model can cost by name, as {@code polympc op} and {@code polympc perfmodel
 * --op} name them. n is the element count; for matmul it is the side of the square product
 * (n x n) times (n x n).
 */
public enum NamedOp {
    RELU(true), DRELU(true), MSB(true), SQUARE(true), POLY(true), MULT(true), TRUNCATION(true), MUX(true), B2A(true), A2B(true),
    MATMUL(false);

    private final boolean elementwise;

    NamedOp(boolean elementwise) {
        this.elementwise = elementwise;
    }

    /** True if the op works element by element, so that a tile of it is the same op on fewer elements. */
    public boolean elementwise() {
        return elementwise;
    }

    public OpCost cost(Truncation.Mode mode, int n, int fracBits) {
        if (n <= 0) throw new IllegalArgumentException("n must be positive, got " + n);
        switch (this) {
            case RELU: return OpCosts.relu(n);
            case DRELU: return OpCosts.drelu(n);
            case MSB: return OpCosts.msb(n);
            case SQUARE: return OpCosts.square(mode, n, fracBits);
            case POLY: return OpCosts.poly(mode, n, fracBits);
            case MULT: return OpCosts.mult(mode, n, fracBits);
            case TRUNCATION: return OpCosts.truncation(mode, n, fracBits);
            case MUX: return OpCosts.mux(n);
            case B2A: return OpCosts.b2a(n);
            case A2B: return OpCosts.a2b(n);
            default: return OpCosts.matmul(mode, n, n, n, fracBits);
        }
    }

    /** The protocol, named as polympc op's stats name it. */
    public String protocol() {
        switch (this) {
            case RELU: case DRELU: return ComparisonProtocols.DEFAULT.protocol();
            case MSB: return GmwCarryTreeCosts.INSTANCE.protocol();
            case SQUARE: case POLY: return "beaver-square";
            case MULT: return "beaver";
            case MATMUL: return "matrix-triple";
            case A2B: return "kogge-stone";
            case B2A: return "dabits";
            case MUX: return "mux";
            default: return "truncation";
        }
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NamedOp parse(String s) {
        for (NamedOp o : values()) if (o.cliName().equals(s.trim().toLowerCase(Locale.ROOT))) return o;
        throw new IllegalArgumentException("unknown op '" + s + "': use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(NamedOp::cliName).collect(Collectors.joining(", "));
    }
}
