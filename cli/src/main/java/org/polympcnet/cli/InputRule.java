package org.polympcnet.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * What an op needs of its inputs beyond fitting the fixed-point range. A product of two values
 * with f fractional bits has 2f bits and must not wrap around the 64-bit ring before it is
 * truncated: the protocols' truncation is exact only for |z| < 2^62 (DESIGN.md, ops/Truncation).
 */
interface InputRule {
    /** null if the encoded value is fine, else the reason (without file and line). */
    String check(long x);

    InputRule ANY = x -> null;

    /** |x * 2^f|^2 < 2^62, that is |x| < 2^(31-f). */
    static InputRule squareFits(FixedPoint fp) {
        long limit = 1L << 31; // on the encoding
        String real = pow2(31 - fp.fracBits());
        return x -> (x > -limit && x < limit) ? null
                : "too large for square: |x| must be below 2^(31-" + fp.fracBits() + ") = " + real
                        + " so that x^2 fits the ring";
    }

    /**
     * Square first, then the whole polynomial before its final truncation, at 2f fractional bits:
     * |a| (x^2 + 1 ulp) + |b| |x| + |c| must stay below 2^(62-2f).
     */
    static InputRule polyFits(FixedPoint fp, Coefficients coeffs) {
        InputRule square = squareFits(fp);
        long[] e = coeffs.encoded(fp);
        BigInteger a = BigInteger.valueOf(e[0]).abs(), b = BigInteger.valueOf(e[1]).abs(), c = BigInteger.valueOf(e[2]).abs();
        int f = fp.fracBits();
        return x -> {
            String s = square.check(x);
            if (s != null) return s;
            BigInteger bx = BigInteger.valueOf(x).abs();
            BigInteger t = bx.multiply(bx).shiftRight(f).add(BigInteger.ONE); // x^2 at f bits, rounded up
            BigInteger z = a.multiply(t).add(b.multiply(bx)).add(c.shiftLeft(f));
            return z.bitLength() <= 62 ? null
                    : "too large for poly with coefficients " + coeffs.canonical() + ": |a| x^2 + |b| |x| + |c| must be below 2^(62-2*"
                            + f + ") = " + pow2(62 - 2 * f) + " so that the polynomial fits the ring";
        };
    }

    private static String pow2(int e) {
        return e >= 0 ? BigInteger.ONE.shiftLeft(e).toString()
                : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e))).toPlainString();
    }
}
