package org.polympcnet.cli;

import java.util.Locale;
import org.polympcnet.protocols.ops.DRelu;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ops.Sharing;
import org.polympcnet.protocols.ops.Square;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The ops {@code polympc op} runs, each with its protocol name for the stats, its documented
 * per-party online cost, and how to prepare it (offline) and reveal its result.
 */
enum OpKind {
    RELU("gmw-carry-tree", false) {
        @Override Prepared prepare(Party p, int n, Coefficients c) {
            return new Relu(p, n)::apply;
        }
        @Override long formulaBytes(Truncation.Mode m, int n) { return Relu.onlineBytes(n); }
        @Override int formulaRounds(Truncation.Mode m) { return Relu.onlineRounds(); }
    },
    DRELU("gmw-carry-tree", true) {
        @Override Prepared prepare(Party p, int n, Coefficients c) {
            return new DRelu(p, n)::apply;
        }
        @Override long formulaBytes(Truncation.Mode m, int n) { return DRelu.onlineBytes(n); }
        @Override int formulaRounds(Truncation.Mode m) { return DRelu.onlineRounds(); }
    },
    SQUARE("beaver-square", false) {
        @Override Prepared prepare(Party p, int n, Coefficients c) {
            return new Square(p, n)::apply;
        }
        @Override long formulaBytes(Truncation.Mode m, int n) { return Square.onlineBytes(m, n); }
        @Override int formulaRounds(Truncation.Mode m) { return Square.onlineRounds(m); }
        @Override InputRule inputRule(FixedPoint fp, Coefficients c) { return InputRule.squareFits(fp); }
    },
    POLY("beaver-square", false) {
        @Override Prepared prepare(Party p, int n, Coefficients c) {
            return new PolyActivation(p, n, c.a(), c.b(), c.c())::apply;
        }
        @Override long formulaBytes(Truncation.Mode m, int n) { return PolyActivation.onlineBytes(m, n); }
        @Override int formulaRounds(Truncation.Mode m) { return PolyActivation.onlineRounds(m); }
        @Override InputRule inputRule(FixedPoint fp, Coefficients c) { return InputRule.polyFits(fp, c); }
        @Override boolean needsCoefficients() { return true; }
    };

    /** An op whose correlations are already fetched: applying it is the online phase alone. */
    interface Prepared {
        long[] apply(long[] share);
    }

    private final String protocol;
    private final boolean bitOutput;

    OpKind(String protocol, boolean bitOutput) {
        this.protocol = protocol;
        this.bitOutput = bitOutput;
    }

    /** Constructs the op, which fetches its correlations: offline work only. */
    abstract Prepared prepare(Party p, int n, Coefficients coeffs);

    abstract long formulaBytes(Truncation.Mode m, int n);

    abstract int formulaRounds(Truncation.Mode m);

    InputRule inputRule(FixedPoint fp, Coefficients coeffs) {
        return InputRule.ANY;
    }

    boolean needsCoefficients() {
        return false;
    }

    String protocol() {
        return protocol;
    }

    /** True if the result is XOR-shared bits (bit-sliced) rather than ring elements. */
    boolean bitOutput() {
        return bitOutput;
    }

    /** Reveals the result to party 1 only: ring elements, or bit-sliced words for bit outputs. */
    long[] revealToParty1(Party p, long[] result, int n) {
        return bitOutput ? Sharing.revealBits(p, 1, result, n) : Sharing.reveal(p, 1, result);
    }

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OpKind parse(String s) {
        for (OpKind k : values()) if (k.cliName().equals(s.trim().toLowerCase(Locale.ROOT))) return k;
        throw new IllegalArgumentException("unknown op '" + s + "': use relu, drelu, square or poly");
    }

    static final class Converter implements ITypeConverter<OpKind> {
        @Override
        public OpKind convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
