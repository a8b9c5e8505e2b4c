package org.polympcnet.cli;

import java.util.Locale;
import org.polympcnet.perfmodel.cost.ComparisonCosts;
import org.polympcnet.perfmodel.cost.ComparisonProtocols;
import org.polympcnet.protocols.ops.ReluProtocol;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How relu and drelu compute the sign of a shared value ({@code --protocol}): the GMW
 * parallel-prefix carry tree (CrypTen's method; the same bytes for both parties), or the
 * CrypTFlow2 millionaires' protocol (a 1-out-of-2^m OT per m-bit digit, then a comparison tree;
 * the parties send different amounts), or function secret sharing (BCG+21 DCF keys from the
 * dealer: one round, 8 bytes a value a party; dealer only). The millionaires' digits follow the
 * correlation source ({@code
 * ops.MillionaireDigits}): with a dealer one of 3 bits and fifteen of 4 (1-out-of-8 and 1-out-of-16
 * OTs), over OT two of 4 bits and eleven of 5 (1-out-of-16 and 1-out-of-32 KK13 OTs). Square and
 * poly have no comparison and take no protocol. {@code polympc perfmodel --relu-protocol} takes the
 * same names ({@link #costs}).
 */
enum ComparisonProtocol {
    GMW("gmw", "gmw-carry-tree"),
    MILLIONAIRE("millionaire", "millionaire-cryptflow2"),
    FSS("fss", "fss-dcf");

    /** --protocol fss with --correlations ot: FSS keys come from the dealer only. */
    static final String FSS_NEEDS_DEALER = "--protocol fss needs the dealer (--correlations dealer): its DCF keys are made by "
            + "a party that knows the mask, and no dealer-free key generation is built; use --correlations dealer, or "
            + "--protocol gmw or millionaire with --correlations ot";

    private final String cliName;
    private final String statsName;

    ComparisonProtocol(String cliName, String statsName) {
        this.cliName = cliName;
        this.statsName = statsName;
    }

    /**
     * True when the performance model has costs under this protocol's name. fss-dcf's costs are
     * registered by the perf model separately; until then perfmodel refuses --relu-protocol fss.
     */
    boolean modelled() {
        return ComparisonProtocols.names().contains(statsName);
    }

    /** How secure inference computes its ReLU layers and max pool's comparisons with this protocol. */
    ReluProtocol relu() {
        switch (this) {
            case MILLIONAIRE: return ReluProtocol.MILLIONAIRE;
            case FSS: return ReluProtocol.FSS;
            default: return ReluProtocol.GMW;
        }
    }

    /** As given to --protocol. */
    String cliName() {
        return cliName;
    }

    /** As STATS.json's "protocol" and the handshake name it. */
    String statsName() {
        return statsName;
    }

    /**
     * The perf model's costs of this protocol (with the dealer's digits, as the model assumes a
     * dealer), looked up by name on each call: the model registers "fss-dcf" separately, and an op
     * or inference run never needs it.
     */
    ComparisonCosts costs() {
        return ComparisonProtocols.of(statsName);
    }

    static ComparisonProtocol parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (ComparisonProtocol p : values()) if (p.cliName.equals(t)) return p;
        throw new IllegalArgumentException("unknown protocol '" + s + "': use gmw, millionaire or fss");
    }

    static final class Converter implements ITypeConverter<ComparisonProtocol> {
        @Override
        public ComparisonProtocol convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
