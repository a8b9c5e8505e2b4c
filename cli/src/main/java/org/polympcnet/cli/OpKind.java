package org.polympcnet.cli;

import java.util.Locale;
import org.polympcnet.protocols.ops.DRelu;
import org.polympcnet.protocols.ops.FssDRelu;
import org.polympcnet.protocols.ops.FssRelu;
import org.polympcnet.protocols.ops.MillionaireDRelu;
import org.polympcnet.protocols.ops.MillionaireRelu;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ops.Sharing;
import org.polympcnet.protocols.ops.Square;
import org.polympcnet.protocols.ring.FixedPoint;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The ops {@code polympc op} runs, each with its protocol name for the stats, its documented
 * online cost for each party, and how to prepare it (offline) and reveal its result. Relu and
 * drelu take a {@link ComparisonProtocol}; square and poly have none (their settings carry null).
 */
enum OpKind {
    RELU(true, false) {
        @Override Prepared prepare(Party p, int n, OpSettings s) {
            switch (s.comparison()) {
                case MILLIONAIRE: return new MillionaireRelu(p, n)::apply;
                case FSS: return new FssRelu(p, n)::apply;
                default: return new Relu(p, n)::apply;
            }
        }
        @Override long formulaBytes(int party, OpSettings s, int n) {
            switch (s.comparison()) {
                case MILLIONAIRE: return MillionaireRelu.onlineBytes(s.millionaireDigits(), party, n);
                case FSS: return FssRelu.onlineBytes(n);
                default: return Relu.onlineBytes(n);
            }
        }
        @Override int formulaRounds(int party, OpSettings s) {
            switch (s.comparison()) {
                case MILLIONAIRE: return MillionaireRelu.onlineRounds(s.millionaireDigits(), party);
                case FSS: return FssRelu.onlineRounds();
                default: return Relu.onlineRounds();
            }
        }
    },
    DRELU(true, true) {
        @Override Prepared prepare(Party p, int n, OpSettings s) {
            switch (s.comparison()) {
                case MILLIONAIRE: return new MillionaireDRelu(p, n)::apply;
                case FSS: return new FssDRelu(p, n)::apply;
                default: return new DRelu(p, n)::apply;
            }
        }
        @Override long formulaBytes(int party, OpSettings s, int n) {
            switch (s.comparison()) {
                case MILLIONAIRE: return MillionaireDRelu.onlineBytes(s.millionaireDigits(), party, n);
                case FSS: return FssDRelu.onlineBytes(n);
                default: return DRelu.onlineBytes(n);
            }
        }
        @Override int formulaRounds(int party, OpSettings s) {
            switch (s.comparison()) {
                case MILLIONAIRE: return MillionaireDRelu.onlineRounds(s.millionaireDigits(), party);
                case FSS: return FssDRelu.onlineRounds();
                default: return DRelu.onlineRounds();
            }
        }
    },
    SQUARE(false, false) {
        @Override Prepared prepare(Party p, int n, OpSettings s) {
            return new Square(p, n)::apply;
        }
        @Override long formulaBytes(int party, OpSettings s, int n) { return Square.onlineBytes(s.truncation(), n); }
        @Override int formulaRounds(int party, OpSettings s) { return Square.onlineRounds(s.truncation()); }
        @Override InputRule inputRule(FixedPoint fp, Coefficients c) { return InputRule.squareFits(fp); }
    },
    POLY(false, false) {
        @Override Prepared prepare(Party p, int n, OpSettings s) {
            Coefficients c = s.coeffs();
            return new PolyActivation(p, n, c.a(), c.b(), c.c())::apply;
        }
        @Override long formulaBytes(int party, OpSettings s, int n) { return PolyActivation.onlineBytes(s.truncation(), n); }
        @Override int formulaRounds(int party, OpSettings s) { return PolyActivation.onlineRounds(s.truncation()); }
        @Override InputRule inputRule(FixedPoint fp, Coefficients c) { return InputRule.polyFits(fp, c); }
        @Override boolean needsCoefficients() { return true; }
    };

    /** The protocol name of square and poly, which take no --protocol. */
    static final String SQUARE_PROTOCOL = "beaver-square";

    /** An op whose correlations are already fetched: applying it is the online phase alone. */
    interface Prepared {
        long[] apply(long[] share);
    }

    private final boolean comparison;
    private final boolean bitOutput;

    OpKind(boolean comparison, boolean bitOutput) {
        this.comparison = comparison;
        this.bitOutput = bitOutput;
    }

    /** Constructs the op, which fetches its correlations: offline work only. */
    abstract Prepared prepare(Party p, int n, OpSettings s);

    /** The documented bytes party {@code party} sends in the online phase. */
    abstract long formulaBytes(int party, OpSettings s, int n);

    /** The documented message flights party {@code party} sends in the online phase. */
    abstract int formulaRounds(int party, OpSettings s);

    InputRule inputRule(FixedPoint fp, Coefficients coeffs) {
        return InputRule.ANY;
    }

    boolean needsCoefficients() {
        return false;
    }

    /** True for relu and drelu, which compute a comparison and take --protocol. */
    boolean hasComparison() {
        return comparison;
    }

    /** The protocol name STATS.json and the handshake use: the comparison's, or beaver-square. */
    String protocol(ComparisonProtocol c) {
        return comparison ? c.statsName() : SQUARE_PROTOCOL;
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
