package org.polympcnet.protocols.ring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Fixed-point codec on Z_2^64: a real x is the signed 64-bit integer round(x * 2^f), f fractional
 * bits (16 by default, as CrypTen). One ulp is 2^-f. The representable range is
 * [-2^(63-f), 2^(63-f) - 2^-f]; encoding anything outside is an error, never a silent wrap.
 */
public final class FixedPoint {
    public static final int DEFAULT_FRAC_BITS = 16;

    private final int fracBits;
    private final double scale;

    public FixedPoint(int fracBits) {
        if (fracBits < 0 || fracBits > 40) {
            throw new IllegalArgumentException("fractional bits must be in 0..40, got " + fracBits);
        }
        this.fracBits = fracBits;
        this.scale = Math.scalb(1.0, fracBits);
    }

    public static FixedPoint standard() {
        return new FixedPoint(DEFAULT_FRAC_BITS);
    }

    public int fracBits() {
        return fracBits;
    }

    /** 2^f, the encoding of 1.0. */
    public long one() {
        return 1L << fracBits;
    }

    /** Encodes a double, rounding to nearest; throws if it does not fit the signed 64-bit range. */
    public long encode(double x) {
        if (!Double.isFinite(x)) throw new IllegalArgumentException("not a finite number: " + x);
        double v = Math.rint(x * scale);
        // 2^63 is exactly representable as a double; anything at or above it does not fit.
        if (v >= 0x1p63 || v < -0x1p63) {
            throw new IllegalArgumentException("value " + x + " is outside the fixed-point range ±" + maxValue());
        }
        return (long) v;
    }

    public long[] encode(double[] xs) {
        long[] r = new long[xs.length];
        for (int i = 0; i < xs.length; i++) r[i] = encode(xs[i]);
        return r;
    }

    public double decode(long v) {
        return v / scale;
    }

    public double[] decode(long[] vs) {
        double[] r = new double[vs.length];
        for (int i = 0; i < vs.length; i++) r[i] = decode(vs[i]);
        return r;
    }

    /**
     * Exact decimal parse for file input: rounds half away from zero to the nearest multiple of
     * 2^-f, and rejects values whose encoding is not a signed 64-bit integer.
     */
    public long encodeExact(String text) {
        BigDecimal x = new BigDecimal(text.trim());
        BigInteger v = x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(fracBits)))
                .setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        if (v.bitLength() > 63) {
            throw new IllegalArgumentException("value " + text.trim() + " is outside the fixed-point range ±"
                    + maxValue() + " (" + fracBits + " fractional bits)");
        }
        return v.longValue();
    }

    /** Exact decimal rendering of an encoding (a multiple of 2^-f has a finite decimal expansion). */
    public String formatExact(long v) {
        BigDecimal d = new BigDecimal(BigInteger.valueOf(v)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(fracBits)));
        return d.stripTrailingZeros().toPlainString().equals("0") ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** The largest representable magnitude, (2^63 - 1) / 2^f. */
    public BigDecimal maxValue() {
        return new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(fracBits)));
    }

    @Override
    public String toString() {
        return "FixedPoint(f=" + fracBits + ")";
    }
}
