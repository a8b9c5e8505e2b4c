package org.polympcnet.protocols.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.net.PeerException;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.BitSlice;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.ring.Ring64;
import org.polympcnet.protocols.session.LocalSession;
import org.polympcnet.protocols.session.SessionParams;
import org.polympcnet.protocols.session.Transport;

/** Correlations from the dealer and from OT satisfy their relations once both parties' shares are combined. */
class CorrelationSourcesTest {
    private static final int N = 1000;

    private static <T> LocalSession.Result<T> fetch(Function<CorrelationSource, T> f) throws Exception {
        return fetch("dealer", f);
    }

    static <T> LocalSession.Result<T> fetch(String mode, Function<CorrelationSource, T> f) throws Exception {
        LocalSession s = new LocalSession(FixedPoint.standard(), Truncation.Mode.LOCAL, Transport.MEMORY, 10_000).withCorrelations(mode);
        return s.run(new SessionParams(), (Party p) -> f.apply(p.correlations), (Party p) -> f.apply(p.correlations));
    }

    @Test
    void beaverTriples() throws Exception {
        var r = fetch(c -> c.beaverTriples(N));
        long[] a = Ring64.add(r.party0().a, r.party1().a), b = Ring64.add(r.party0().b, r.party1().b);
        long[] c = Ring64.add(r.party0().c, r.party1().c);
        for (int i = 0; i < N; i++) assertEquals(a[i] * b[i], c[i]);
        // Seed compression: party 1 downloads only c, 8 bytes per triple (plus status words).
        long down = r.dealerLink()[1].received(Phase.OFFLINE);
        assertEquals(8L * N + 16 + 16 + 16, down, "seed, hello status, request status and c");
        assertEquals(16 + 16 + 16, r.dealerLink()[0].received(Phase.OFFLINE), "party 0 gets its seed and two statuses, no correlation data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dealer", "ot"})
    void squarePairsAndMatrixTriples(String mode) throws Exception {
        var sq = fetch(mode, c -> c.squarePairs(N));
        for (int i = 0; i < N; i++) {
            long a = sq.party0().a[i] + sq.party1().a[i];
            assertEquals(a * a, sq.party0().aa[i] + sq.party1().aa[i]);
        }
        var mt = fetch(mode, c -> c.matrixTriple(3, 5, 7));
        long[] a = Ring64.add(mt.party0().a, mt.party1().a), b = Ring64.add(mt.party0().b, mt.party1().b);
        long[] want = Ring64.matmul(a, b, 3, 5, 7);
        long[] got = Ring64.add(mt.party0().c, mt.party1().c);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dealer", "ot"})
    void booleanCorrelations(String mode) throws Exception {
        int planes = 3, n = 100, len = planes * BitSlice.words(n);
        var and = fetch(mode, c -> c.andTriples(planes, n));
        // Lanes past n are padding: they never travel, so only lanes < n are compared.
        for (int i = 0; i < len; i++) {
            long lanes = lanes(i, n);
            long u = and.party0().u[i] ^ and.party1().u[i], v = and.party0().v[i] ^ and.party1().v[i];
            assertEquals(u & v & lanes, (and.party0().w[i] ^ and.party1().w[i]) & lanes);
        }
        var cross = fetch(mode, c -> c.crossAnd(planes, n));
        for (int i = 0; i < len; i++) {
            long lanes = lanes(i, n);
            assertEquals(cross.party0().mask[i] & cross.party1().mask[i] & lanes, (cross.party0().share[i] ^ cross.party1().share[i]) & lanes);
        }
        var da = fetch(mode, c -> c.daBits(n));
        for (int i = 0; i < n; i++) {
            long bit = ((da.party0().bool[i >>> 6] ^ da.party1().bool[i >>> 6]) >>> (i & 63)) & 1;
            assertEquals(bit, da.party0().arith[i] + da.party1().arith[i]);
        }
        var mux = fetch(mode, c -> c.mux(n));
        for (int i = 0; i < n; i++) {
            long r = ((mux.party0().rBool[i >>> 6] ^ mux.party1().rBool[i >>> 6]) >>> (i & 63)) & 1;
            assertEquals(r, mux.party0().rArith[i] + mux.party1().rArith[i]);
            assertEquals(r * (mux.party0().v[i] + mux.party1().v[i]), mux.party0().rv[i] + mux.party1().rv[i]);
        }
    }

    /** Mask of the real lanes in word i of a plane matrix over n lanes. */
    private static long lanes(int i, int n) {
        int w = BitSlice.words(n);
        return (i % w == w - 1 && (n & 63) != 0) ? (1L << (n & 63)) - 1 : -1L;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dealer", "ot"})
    void truncationMasks(String mode) throws Exception {
        var t = fetch(mode, c -> c.truncationPairs(N, 16));
        for (int i = 0; i < N; i++) {
            long r = t.party0().r[i] + t.party1().r[i];
            assertEquals(r >>> 16, t.party0().rHigh[i] + t.party1().rHigh[i]);
            assertEquals(r >>> 63, t.party0().rMsb[i] + t.party1().rMsb[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dealer", "ot"})
    void beaverTriplesSatisfyCEqualsAB(String mode) throws Exception {
        var r = fetch(mode, c -> c.beaverTriples(N));
        for (int i = 0; i < N; i++) {
            long a = r.party0().a[i] + r.party1().a[i], b = r.party0().b[i] + r.party1().b[i];
            assertEquals(a * b, r.party0().c[i] + r.party1().c[i]);
        }
    }

    @Test
    void aCorrelationIsUsedOnce() throws Exception {
        var r = fetch(c -> c.beaverTriples(4));
        r.party0().consume();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.party0().consume());
        assertTrue(e.getMessage().contains("used once"), e.getMessage());
    }

    @Test
    void differingRequestsEndBothPartiesWithOneClearError() {
        LocalSession s = new LocalSession(FixedPoint.standard(), Truncation.Mode.LOCAL, Transport.MEMORY, 10_000);
        PeerException e = assertThrows(PeerException.class, () -> s.run(new SessionParams(),
                p -> p.correlations.beaverTriples(10), p -> p.correlations.squarePairs(10)));
        assertTrue(e.getMessage().contains("requests differ") && e.getMessage().contains("beaver") && e.getMessage().contains("square"),
                e.getMessage());
    }
}
