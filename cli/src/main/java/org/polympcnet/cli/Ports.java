package org.polympcnet.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A TCP port to listen on or connect to: 1..65535 (0, "any free port", would be unknowable to the peer). */
final class Ports {
    private Ports() {}

    static int parse(String s) {
        int p;
        try {
            p = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a port number");
        }
        if (p < 1 || p > 65535) throw new IllegalArgumentException("port must be in 1..65535, got " + p);
        return p;
    }

    static final class Converter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
