package org.polympcnet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * Reads an input file: one decimal number a line; blank lines and lines starting with '#' are
 * skipped. Each number is encoded exactly (round half away from zero to the nearest 2^-f) and
 * checked against the fixed-point range and the op's {@link InputRule}. Every error names the
 * file and the line, as {@code in.txt:7: 'abc' is not a number}.
 */
final class NumberFile {
    /**
     * Above 10^40 nothing fits 64 bits at any f >= 0, below 10^-20 everything rounds to 0 at any
     * f <= 40. Deciding these cases from the exponent alone keeps a line like "1e999999999" from
     * making BigDecimal build a billion-digit integer.
     */
    private static final int MAX_DIGITS_BEFORE_POINT = 40, MIN_MAGNITUDE_EXPONENT = -20;

    private NumberFile() {}

    static long[] read(Path file, FixedPoint fp, InputRule rule) {
        LongList out = new LongList();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                out.add(parse(s, fp, rule, file + ":" + lineNo + ": "));
            }
        } catch (CharacterCodingException e) {
            throw new CliException("cannot read " + file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + AtomicOutput.describe(e), e);
        }
        if (out.size() == 0) throw new CliException(file + ": no numbers (only blank lines and # comments)");
        return out.toArray();
    }

    static long parse(String s, FixedPoint fp, InputRule rule, String where) {
        BigDecimal x;
        try {
            x = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new CliException(where + "'" + abbreviate(s) + "' is not a number");
        }
        long v;
        int magnitude = x.signum() == 0 ? 0 : x.precision() - x.scale(); // digits before the point
        if (magnitude > MAX_DIGITS_BEFORE_POINT) {
            throw outOfRange(where, s, fp);
        } else if (magnitude < MIN_MAGNITUDE_EXPONENT) {
            v = 0;
        } else {
            try {
                v = fp.encodeExact(x.toPlainString());
            } catch (IllegalArgumentException e) {
                throw outOfRange(where, s, fp);
            }
        }
        String problem = rule.check(v);
        if (problem != null) throw new CliException(where + "'" + abbreviate(s) + "' is " + problem);
        return v;
    }

    private static CliException outOfRange(String where, String s, FixedPoint fp) {
        return new CliException(where + "'" + abbreviate(s) + "' is outside the fixed-point range: |x| must be at most "
                + fp.maxValue().toPlainString() + " with " + fp.fracBits() + " fractional bits");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** A growable long[]: inputs can be millions of values, so no boxing. */
    private static final class LongList {
        private long[] a = new long[1024];
        private int n;

        void add(long v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, a.length * 2);
            a[n++] = v;
        }

        int size() {
            return n;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
