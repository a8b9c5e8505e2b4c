package org.polympcnet.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How relu and drelu compute the sign of a shared value ({@code --protocol}): the GMW
 * parallel-prefix carry tree (CrypTen's method; the same bytes for both parties), or the
 * CrypTFlow2 millionaires' protocol (1-out-of-16 OTs on 4-bit digits, then a comparison tree;
 * the parties send different amounts). Square and poly have no comparison and take no protocol.
 */
enum ComparisonProtocol {
    GMW("gmw", "gmw-carry-tree"),
    MILLIONAIRE("millionaire", "millionaire-cryptflow2");

    private final String cliName;
    private final String statsName;

    ComparisonProtocol(String cliName, String statsName) {
        this.cliName = cliName;
        this.statsName = statsName;
    }

    /** As given to --protocol. */
    String cliName() {
        return cliName;
    }

    /** As STATS.json's "protocol" and the handshake name it. */
    String statsName() {
        return statsName;
    }

    static ComparisonProtocol parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (ComparisonProtocol p : values()) if (p.cliName.equals(t)) return p;
        throw new IllegalArgumentException("unknown protocol '" + s + "': use gmw or millionaire");
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
