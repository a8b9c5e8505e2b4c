package org.polympcnet.cli;

import java.math.BigInteger;
import java.util.Locale;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * The public coefficients of the polynomial activation a*x^2 + b*x + c. Parsed as doubles because
 * that is what {@link org.polympcnet.protocols.ops.PolyActivation} takes (it rounds them to the
 * fixed-point grid); {@link #canonical()} is what both parties compare in the handshake, so
 * "0.50" and "0.5" agree.
 */
record Coefficients(double a, double b, double c) {

    static Coefficients parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("--coeffs takes three numbers a,b,c (for a*x^2 + b*x + c), got '" + text + "'");
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            String s = parts[i].trim();
            try {
                // Double.parseDouble also takes "NaN", "Infinity" and hex floats; a coefficient
                // must be a plain finite decimal.
                if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) throw new NumberFormatException();
                v[i] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--coeffs: '" + s + "' is not a number");
            }
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException("--coeffs: '" + s + "' is out of range");
        }
        return new Coefficients(v[0], v[1], v[2]);
    }

    /** The coefficients as the fixed-point integers the protocol uses. */
    long[] encoded(FixedPoint fp) {
        return new long[] {fp.encode(a), fp.encode(b), fp.encode(c)};
    }

    /** Throws IllegalArgumentException if the coefficients alone would already overflow. */
    void check(FixedPoint fp) {
        long[] e;
        try {
            e = encoded(fp);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("--coeffs: " + ex.getMessage());
        }
        // c enters the pre-truncation sum at 2f fractional bits: c * 2^(2f) must stay below 2^62.
        if (BigInteger.valueOf(e[2]).abs().shiftLeft(fp.fracBits()).bitLength() > 62) {
            throw new IllegalArgumentException("--coeffs: c = " + c + " is too large for " + fp.fracBits()
                    + " fractional bits: |c| must be below 2^(62-2f) = " + BigInteger.ONE.shiftLeft(62 - 2 * fp.fracBits()));
        }
    }

    String canonical() {
        return String.format(Locale.ROOT, "%s,%s,%s", Double.toString(a), Double.toString(b), Double.toString(c));
    }
}
