package org.polympcnet.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polympcnet.protocols.ring.FixedPoint;

/** The reference: what each op computes in the clear, on the same fixed-point encodings. */
final class Plaintext {
    private Plaintext() {}

    static long[] encodedInput(Path file, FixedPoint fp) throws IOException {
        List<Long> v = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) v.add(fp.encodeExact(s));
        }
        return v.stream().mapToLong(Long::longValue).toArray();
    }

    static String relu(FixedPoint fp, long x) {
        return fp.formatExact(Math.max(x, 0));
    }

    static String drelu(long x) {
        return x >= 0 ? "1" : "0";
    }

    /** x^2 as an exact real (in units of 2^-f, i.e. ulps). */
    static BigDecimal squareUlps(FixedPoint fp, long x) {
        return new BigDecimal(BigInteger.valueOf(x).pow(2)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(fp.fracBits())));
    }

    /** a x^2 + b x + c in ulps, with the coefficients rounded to the grid as the protocol does. */
    static BigDecimal polyUlps(FixedPoint fp, long x, double a, double b, double c) {
        BigDecimal one = new BigDecimal(BigInteger.ONE.shiftLeft(fp.fracBits()));
        BigDecimal bx = BigDecimal.valueOf(x);
        BigDecimal ea = BigDecimal.valueOf(fp.encode(a)), eb = BigDecimal.valueOf(fp.encode(b)), ec = BigDecimal.valueOf(fp.encode(c));
        // (A/2^f)(x/2^f)^2 + (B/2^f)(x/2^f) + C/2^f, times 2^f
        return ea.multiply(bx).multiply(bx).divide(one.multiply(one))
                .add(eb.multiply(bx).divide(one))
                .add(ec);
    }

    /** An output line in ulps. */
    static BigDecimal ulps(FixedPoint fp, String line) {
        return new BigDecimal(line).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(fp.fracBits())));
    }
}
