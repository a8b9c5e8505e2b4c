package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.TruncationPairs;

/**
 * Division of a shared value by 2^s, rounding down, after a fixed-point product. Two methods:
 *
 * <ul>
 *   <li>{@code LOCAL} (SecureML, Mohassel-Zhang 2017; CrypTen's two-party default): each party
 *       shifts its own share, no communication. The result is floor(z / 2^s) or one more, except
 *       with probability about |z| / 2^63, when it is off by about 2^(64-s): negligible for the
 *       magnitudes of inference (|z| < 2^40 gives 2^-23), large for values near the range limit.
 *   <li>{@code FAITHFUL}: one round with a dealer mask (r, r >>> s, msb r). For |z| < 2^62 the
 *       result is always floor(z / 2^s) or one more (the borrow of the low bits of z + r - r is
 *       not corrected); it never fails. Shifting z by 2^62 makes it
 *       non-negative below 2^63, so whether z + r wrapped is msb(r) AND NOT msb(z + r), a linear
 *       function of the shared msb(r) once z + r is open. Bytes: 8n each; 1 round.
 * </ul>
 */
public final class Truncation {
    public enum Mode { LOCAL, FAITHFUL;
        public static Mode parse(String s) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "local": return LOCAL;
                case "faithful": return FAITHFUL;
                default: throw new IllegalArgumentException("unknown truncation mode '" + s + "': use local or faithful");
            }
        }

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Party party;
    private final int n, shift;
    private final TruncationPairs pairs;

    /** Prepares truncation of n values by `shift` bits in the party's mode (offline: fetches masks if faithful). */
    public Truncation(Party p, int n, int shift) {
        if (shift < 0 || shift > 62) throw new IllegalArgumentException("truncation shift must be in 0..62, got " + shift);
        this.party = p;
        this.n = n;
        this.shift = shift;
        this.pairs = p.truncation == Mode.FAITHFUL && shift > 0 ? p.correlations.truncationPairs(n, shift) : null;
    }

    public long[] apply(long[] z) {
        if (z.length != n) throw new IllegalArgumentException("truncation prepared for " + n + " values, got " + z.length);
        if (shift == 0) return z.clone();
        return pairs == null ? local(party.id, z, shift) : faithful(party, z, pairs);
    }

    public static long[] local(int party, long[] z, int s) {
        long[] r = new long[z.length];
        if (party == 0) {
            for (int i = 0; i < z.length; i++) r[i] = z[i] >> s;
        } else {
            for (int i = 0; i < z.length; i++) r[i] = -((-z[i]) >> s);
        }
        return r;
    }

    static long[] faithful(Party p, long[] z, TruncationPairs t) {
        t.consume();
        int s = t.fracBits, n = z.length;
        long offset = 1L << 62;
        long[] masked = new long[n];
        for (int i = 0; i < n; i++) masked[i] = z[i] + t.r[i] + (p.id == 0 ? offset : 0);
        long[] c = Sharing.open(p, masked);
        long[] r = new long[n];
        long wrapUnit = s == 0 ? 0 : 1L << (64 - s); // 2^(64-s) mod 2^64
        for (int i = 0; i < n; i++) {
            long notMsbC = 1L - (c[i] >>> 63);
            long v = -t.rHigh[i] + notMsbC * t.rMsb[i] * wrapUnit;
            if (p.id == 0) v += (c[i] >>> s) - (offset >>> s);
            r[i] = v;
        }
        return r;
    }

    public static long onlineBytes(Mode m, int n) {
        return m == Mode.FAITHFUL ? 8L * n : 0;
    }

    public static int onlineRounds(Mode m) {
        return m == Mode.FAITHFUL ? 1 : 0;
    }
}
