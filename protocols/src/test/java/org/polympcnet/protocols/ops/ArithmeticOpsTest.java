package org.polympcnet.protocols.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.Transport;

/**
 * Square, mult, polynomial and truncation against exact plaintext references. Faithful
 * truncation is exact to 1 ulp over its whole domain (|z| < 2^62), so it takes the edge values
 * at the limit of the range; local truncation is tested at inference magnitudes, where its
 * failure probability (about |z| / 2^63 per element) is below 2^-23.
 */
class ArithmeticOpsTest {
    private static final FixedPoint FP = FixedPoint.standard();
    /** Largest raw |x| whose square stays below 2^62: the domain of square and poly. */
    private static final long SQUARE_LIMIT = (1L << 31) - 1;
    /** Inference magnitudes for local truncation: |x| <= 16.0, so x^2 < 2^40 raw. */
    private static final long LOCAL_LIMIT = 1L << 20;

    private static long limit(Truncation.Mode m) {
        return m == Truncation.Mode.FAITHFUL ? SQUARE_LIMIT : LOCAL_LIMIT;
    }

    private static TwoParty.Run run(Truncation.Mode m, long[] x, java.util.function.BiFunction<Party, long[], long[]> op) throws Exception {
        return TwoParty.run(FP, m, Transport.MEMORY, x, op);
    }

    private static void assertWithin(long want, long got, long tol, String what) {
        assertTrue(Math.abs(got - want) <= tol, what + ": want " + want + " +- " + tol + ", got " + got);
    }

    @ParameterizedTest
    @EnumSource(Truncation.Mode.class)
    void squareAcrossSizes(Truncation.Mode mode) throws Exception {
        for (int n : Values.SIZES) {
            long[] x = Values.bounded(n, n, limit(mode), mode == Truncation.Mode.FAITHFUL ? 32 : 21);
            TwoParty.Run r = run(mode, x, (p, s) -> new Square(p, s.length).apply(s));
            for (int i = 0; i < n; i++) assertWithin((x[i] * x[i]) >> 16, r.out()[i], 1, "square(" + x[i] + ")");
            assertEquals(Square.onlineBytes(mode, n), r.onlineBytes(0));
            assertEquals(Square.onlineBytes(mode, n), r.onlineBytes(1));
            assertEquals(Square.onlineRounds(mode), r.onlineRounds(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Truncation.Mode.class)
    void multAcrossSizes(Truncation.Mode mode) throws Exception {
        for (int n : Values.SIZES) {
            long[] xy = Values.bounded(2 * n, 3 * n, limit(mode), mode == Truncation.Mode.FAITHFUL ? 32 : 21);
            TwoParty.Run r = run(mode, xy, (p, s) -> new Mult(p, n).apply(Arrays.copyOf(s, n), Arrays.copyOfRange(s, n, 2 * n)));
            for (int i = 0; i < n; i++) assertWithin((xy[i] * xy[n + i]) >> 16, r.out()[i], 1, "mult");
            assertEquals(Mult.onlineBytes(mode, n), r.onlineBytes(1));
            assertEquals(Mult.onlineRounds(mode), r.onlineRounds(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Truncation.Mode.class)
    void polynomialActivation(Truncation.Mode mode) throws Exception {
        double a = 0.25, b = 0.5, c = 0.125;
        long A = FP.encode(a), B = FP.encode(b), C = FP.encode(c);
        for (int n : Values.SIZES) {
            long[] x = Values.bounded(n, 7 * n, limit(mode), mode == Truncation.Mode.FAITHFUL ? 32 : 21);
            TwoParty.Run r = run(mode, x, (p, s) -> new PolyActivation(p, s.length, a, b, c).apply(s));
            for (int i = 0; i < n; i++) {
                // Exact value of A x^2 / 2^2f + B x / 2^f + C at f bits, then the documented
                // error: |a| ulp from the first truncation, 1 from the second.
                BigInteger xx = BigInteger.valueOf(x[i]);
                BigInteger num = BigInteger.valueOf(A).multiply(xx).multiply(xx)
                        .add(BigInteger.valueOf(B).multiply(xx).shiftLeft(16))
                        .add(BigInteger.valueOf(C).shiftLeft(32));
                long want = num.shiftRight(32).longValueExact();
                assertWithin(want, r.out()[i], 2, "poly(" + x[i] + ")");
            }
            assertEquals(PolyActivation.onlineBytes(mode, n), r.onlineBytes(0));
            assertEquals(PolyActivation.onlineRounds(mode), r.onlineRounds(0));
            // Offline: one square pair (8n to party 1) and, if faithful, two batches of masks (16n each).
            long corrections = 8L * n + (mode == Truncation.Mode.FAITHFUL ? 2 * 16L * n : 0);
            long statuses = 16 + 16 + 16 * (mode == Truncation.Mode.FAITHFUL ? 3 : 1);
            assertEquals(corrections + statuses, r.dealer()[1].received(org.polympcnet.protocols.net.Phase.OFFLINE),
                    "dealer download of party 1, nothing fetched in vain");
        }
        if (mode == Truncation.Mode.LOCAL) {
            assertEquals(8, PolyActivation.onlineBytes(mode, 1));
            assertEquals(1, PolyActivation.onlineRounds(mode));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 1000, 1 << 14})
    void faithfulTruncationNeverFailsUpToTwoToThe62(int n) throws Exception {
        long lim = (1L << 62) - 1;
        long[] z = Values.bounded(n, 17 * n, lim, 63);
        TwoParty.Run r = run(Truncation.Mode.FAITHFUL, z, (p, s) -> new Truncation(p, s.length, 16).apply(s));
        for (int i = 0; i < n; i++) {
            long floor = z[i] >> 16;
            long got = r.out()[i];
            assertTrue(got == floor || got == floor + 1, "trunc(" + z[i] + ") = " + got + ", floor " + floor);
        }
        assertEquals(8L * n, r.onlineBytes(0));
        assertEquals(1, r.onlineRounds(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 1000, 1 << 14})
    void localTruncationIsFreeAndWithinOneUlpAtInferenceMagnitudes(int n) throws Exception {
        long[] z = Values.bounded(n, 19 * n, 1L << 40, 41);
        TwoParty.Run r = run(Truncation.Mode.LOCAL, z, (p, s) -> new Truncation(p, s.length, 16).apply(s));
        for (int i = 0; i < n; i++) {
            long floor = z[i] >> 16, got = r.out()[i];
            assertTrue(got == floor || got == floor + 1, "trunc(" + z[i] + ") = " + got + ", floor " + floor);
        }
        assertEquals(0, r.onlineBytes(0));
        assertEquals(0, r.onlineRounds(0));
    }
}
