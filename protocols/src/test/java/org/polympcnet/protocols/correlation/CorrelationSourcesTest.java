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

    /** Comparison-tree triples: w = u_(combine of a) AND v_a for every AND a; OT bytes are the formula. */
    @ParameterizedTest
    @ValueSource(strings = {"dealer", "ot"})
    void combineTriples(String mode) throws Exception {
        for (int combines : new int[] {1, 2, 6}) {
            for (int n : new int[] {1, 100, 8300}) {
                var t = fetch(mode, c -> c.combineTriples(combines, n));
                int wd = BitSlice.words(n);
                for (int a = 0; a < CombineTriples.ands(combines); a++) {
                    for (int x = 0; x < wd; x++) {
                        int i = a * wd + x, ui = CombineTriples.combineOf(a) * wd + x;
                        long u = t.party0().u[ui] ^ t.party1().u[ui], v = t.party0().v[i] ^ t.party1().v[i];
                        assertEquals(u & v & lanes(i, n), (t.party0().w[i] ^ t.party1().w[i]) & lanes(i, n), "AND " + a + ", word " + x);
                    }
                }
                if (mode.equals("ot")) {
                    long[] want = org.polympcnet.protocols.correlation.ot.OtCorrelations.combineTriplesBytes(combines, n);
                    long setup = org.polympcnet.protocols.correlation.ot.OtCorrelations.setupBytesPerParty();
                    for (int id = 0; id < 2; id++) assertEquals(setup + want[id], t.peer()[id].sent(Phase.OFFLINE), "party " + id);
                }
            }
        }
    }

    /** Random 1-out-of-N OTs: party 1's pad is party 0's pad at party 1's choice; OT bytes are the formula. */
    @ParameterizedTest
    @ValueSource(strings = {"dealer", "ot"})
    void randomOneOfN(String mode) throws Exception {
        int groups = 3, n = 130;
        for (int logN : new int[] {1, 4, 5, 8}) {
            for (int msgBits : new int[] {1, 2, 7}) {
                var r = fetch(mode, c -> c.randomOneOfN(groups, logN, msgBits, n));
                RandomOneOfN s = r.party0(), c = r.party1();
                int w = BitSlice.words(n), nn = 1 << logN;
                for (int g = 0; g < groups; g++) {
                    for (int lane = 0; lane < n; lane++) {
                        int rho = 0;
                        for (int t = 0; t < logN; t++) rho |= (BitSlice.get(c.choice, (g * logN + t) * w, lane) ? 1 : 0) << t;
                        for (int b = 0; b < msgBits; b++) {
                            assertEquals(BitSlice.get(s.senderPads, ((g * nn + rho) * msgBits + b) * w, lane), BitSlice.get(c.receiverPad, (g * msgBits + b) * w, lane),
                                    "group " + g + ", lane " + lane + ", bit " + b);
                        }
                    }
                }
                if (mode.equals("ot")) {
                    long[] want = org.polympcnet.protocols.correlation.ot.OtCorrelations.randomOneOfNBytes(groups, n);
                    long setup = org.polympcnet.protocols.correlation.ot.OtCorrelations.setupBytesPerParty();
                    for (int id = 0; id < 2; id++) assertEquals(setup + want[id], r.peer()[id].sent(Phase.OFFLINE), "party " + id);
                }
            }
        }
    }

    /** The multiplexer's correlation over OT costs the documented bytes. */
    @Test
    void muxBytesOverOt() throws Exception {
        for (int n : new int[] {1, 64, 1000}) {
            var m = fetch("ot", c -> c.mux(n));
            long[] want = org.polympcnet.protocols.correlation.ot.OtCorrelations.muxBytes(n);
            long setup = org.polympcnet.protocols.correlation.ot.OtCorrelations.setupBytesPerParty();
            for (int id = 0; id < 2; id++) assertEquals(setup + want[id], m.peer()[id].sent(Phase.OFFLINE), "party " + id + ", n = " + n);
        }
    }

    /** The per-request byte formulas of package correlation.ot's documentation, party by party. */
    @Test
    void otBytesAreTheDocumentedFormulas() throws Exception {
        int n = 100, w = BitSlice.words(n), planes = 3;
        long pn = 64L * w; // P(n): IKNP batches of whole words
        long setup = org.polympcnet.protocols.correlation.ot.OtCorrelations.setupBytesPerParty();
        assertEquals(8353, setup);
        check(fetch("ot", c -> c.daBits(n)), setup, 8L * n, 16 * pn);
        check(fetch("ot", c -> c.truncationPairs(n, 16)), setup, 512L * n, 1024L * n);
        check(fetch("ot", c -> c.beaverTriples(n)), setup, 1536L * n, 1536L * n);
        check(fetch("ot", c -> c.squarePairs(n)), setup, 512L * n, 1024L * n);
        check(fetch("ot", c -> c.matrixTriple(2, 3, 4)), setup, 1536L * 24, 1536L * 24);
        check(fetch("ot", c -> c.andTriples(planes, n)), setup, 1032L * planes * w, 1032L * planes * w);
        check(fetch("ot", c -> c.crossAnd(planes, n)), setup, 8L * planes * w, 1024L * planes * w);
        long kk = 0, corr = 0;
        for (int c : MsbCorrelation.combinesPerLevel(MsbCorrelation.LEAVES)) {
            kk += 2048L * c * w;
            corr += (4 + 16L * (c - 1)) * BitSlice.wireBytes(n);
        }
        check(fetch("ot", c -> c.msb(n)), setup, 8L * 63 * w + kk, 1024L * 63 * w + corr);

        // Bit-OT ANDs run in batches of 512 words: 2 planes of 40,000 lanes (1,250 words) take three.
        int big = 40_000, bw = BitSlice.words(big);
        var and = fetch("ot", c -> c.andTriples(2, big));
        check(and, setup, 1032L * 2 * bw, 1032L * 2 * bw);
        for (int i = 0; i < 2 * bw; i++) {
            long u = and.party0().u[i] ^ and.party1().u[i], v = and.party0().v[i] ^ and.party1().v[i];
            assertEquals(u & v & lanes(i, big), (and.party0().w[i] ^ and.party1().w[i]) & lanes(i, big), "word " + i);
        }
    }

    private static void check(LocalSession.Result<?> r, long setup, long party0, long party1) {
        assertEquals(setup + party0, r.peer()[0].sent(Phase.OFFLINE), "party 0");
        assertEquals(setup + party1, r.peer()[1].sent(Phase.OFFLINE), "party 1");
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
