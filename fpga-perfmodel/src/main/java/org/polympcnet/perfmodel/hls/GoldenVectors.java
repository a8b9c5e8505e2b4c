package org.polympcnet.perfmodel.hls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polympcnet.protocols.correlation.MsbCorrelation;
import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.ops.MatMul;
import org.polympcnet.protocols.ops.Msb;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.BitSlice;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.ring.Ring64;
import org.polympcnet.protocols.session.LocalSession;
import org.polympcnet.protocols.session.PartyTask;
import org.polympcnet.protocols.session.SessionParams;
import org.polympcnet.protocols.session.Transport;

/**
 * Golden vectors for the HLS kernels' C simulation, produced by the real Java protocols: both
 * parties run MSB, the polynomial and a matmul through {@link LocalSession} (two threads, the
 * in-process dealer with fixed seeds, in-memory channels, local truncation), and we record each
 * party's inputs, the correlation shares its op fetched (through {@link RecordingCorrelations})
 * and its output shares. A testbench (hls/tb/) re-runs the kernels for each party from these,
 * does the exchange itself, and must reproduce both parties' outputs bit for bit.
 *
 * <p>Everything is seeded (dealer seeds and the input shares), so the files are a pure function
 * of the protocols: {@code GoldenVectorsTest} regenerates them and compares them byte for byte
 * with the copies committed in hls/golden/.
 *
 * <p>Usage: {@code GoldenVectors OUTDIR} writes msb.txt, poly.txt and matmul.txt into OUTDIR.
 */
public final class GoldenVectors {
    /** Not a multiple of 64: the last bit-sliced word has padding lanes that the wire clears. */
    public static final int MSB_N = 200;
    /** Odd: the polynomial engine's lanes see a ragged tail. */
    public static final int POLY_N = 199;
    /** Two row tiles of an 8x8 array, one column tile, inner dimension 24. */
    public static final int MM_M = 16, MM_K = 24, MM_N = 8;
    /** a x^2 + b x + c, typical of a trained X2Act. */
    public static final double POLY_A = 0.09, POLY_B = 0.5, POLY_C = 0.47;
    public static final List<String> FILES = List.of("msb.txt", "poly.txt", "matmul.txt");

    private static final byte[] DEALER_SEED0 = seed(0x10), DEALER_SEED1 = seed(0x40), INPUT_SEED = seed(0x70);

    private GoldenVectors() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GoldenVectors OUTDIR   (writes " + String.join(", ", FILES) + ")");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        for (Path p : write(dir)) System.out.println("wrote " + p);
    }

    /** Writes every golden file into dir (created if absent); returns their paths. */
    public static List<Path> write(Path dir) throws Exception {
        Files.createDirectories(dir);
        GoldenFile[] files = {msb(), poly(), matmul()};
        Path[] out = new Path[files.length];
        for (int i = 0; i < files.length; i++) {
            out[i] = dir.resolve(FILES.get(i));
            files[i].writeAtomically(out[i]);
        }
        return List.of(out);
    }

    /** MSB by the carry tree (Msb.java): round-1 cross ANDs, 6 combine levels, final XOR. */
    static GoldenFile msb() throws Exception {
        int n = MSB_N, wd = BitSlice.words(n);
        Prg prg = new Prg(INPUT_SEED);
        long[] x = new long[n];
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 62, -(1L << 62), 1L << 16, -(1L << 16)};
        System.arraycopy(edges, 0, x, 0, edges.length);
        for (int i = edges.length; i < n; i++) {
            long r = prg.nextLong();
            x[i] = (i & 1) == 0 ? r : r >> 40; // full range, and inference-sized magnitudes
        }
        long[][] shares = split(x, prg);
        int[] combines = MsbCorrelation.combinesPerLevel(MsbCorrelation.LEAVES);

        Run r = run("msb", (p, rec) -> rec.put("msb", new Msb(p, n).apply(shares[p.id])));

        long[] msb = BitSlice.xor(r.party0.get("msb"), r.party1.get("msb"));
        BitSlice.clearPadding(msb, 0, n);
        long[] plain = new long[wd];
        for (int i = 0; i < n; i++) if (x[i] < 0) plain[i >>> 6] |= 1L << (i & 63);
        requireEqual("msb", plain, msb);

        GoldenFile f = new GoldenFile("relu_msb",
                "MSB of x = x.0 + x.1 (mod 2^64) by the carry tree of Msb.java, both parties.",
                "Bit-sliced planes: plane j of a P-plane matrix is words [j*words, (j+1)*words), lane t in bit t%64 of word t/64.",
                "cross.*: CrossAnd of round 1 (63 planes); levelL.{u,v,w}: CombineTriples of carry-tree level L;",
                "msb.P: party P's XOR share of the MSB as Msb.apply returns it; msb: the reconstructed MSB (padding lanes clear).");
        f.param("n", n).param("words", wd).param("leaves", MsbCorrelation.LEAVES).param("levels", combines.length);
        for (int l = 0; l < combines.length; l++) f.param("level" + l + ".combines", combines[l]);
        f.section("x.0", shares[0]).section("x.1", shares[1]);
        r.writeBothParties(f);
        return f.section("msb", msb);
    }

    /** The polynomial activation (PolyActivation.java): square pair, two local truncations. */
    static GoldenFile poly() throws Exception {
        int n = POLY_N;
        FixedPoint fp = FixedPoint.standard();
        Prg prg = new Prg(seed(0x71));
        long[] x = new long[n];
        long one = fp.one(), big = (1L << 19) - 1; // |x| < 8: well inside the square's domain
        long[] edges = {0, one, -one, big, -big, 1, -1};
        System.arraycopy(edges, 0, x, 0, edges.length);
        for (int i = edges.length; i < n; i++) x[i] = prg.nextLong() >> 44;
        long[][] shares = split(x, prg);

        Run r = run("poly", (p, rec) -> rec.put("y", new PolyActivation(p, n, POLY_A, POLY_B, POLY_C).apply(shares[p.id])));

        GoldenFile f = new GoldenFile("poly_eval",
                "y = a x^2 + b x + c (PolyActivation.java, local truncation): open e = x - square.a,",
                "z = square.aa + 2 e square.a + [party 0] e^2, t = trunc(z), y = trunc(A t + B x + [party 0] C << f).",
                "coeff_*: the coefficients at f fractional bits; y.P: party P's output share; y: reconstructed.");
        f.param("n", n).param("frac_bits", fp.fracBits())
                .param("coeff_a", fp.encode(POLY_A)).param("coeff_b", fp.encode(POLY_B)).param("coeff_c", fp.encode(POLY_C));
        f.section("x.0", shares[0]).section("x.1", shares[1]);
        r.writeBothParties(f);
        return f.section("y", Ring64.add(r.party0.get("y"), r.party1.get("y")));
    }

    /** The ring matmul (MatMul.java): Z = C + E B + (A + [p0] E) F, then local truncation. */
    static GoldenFile matmul() throws Exception {
        int m = MM_M, k = MM_K, n = MM_N;
        FixedPoint fp = FixedPoint.standard();
        Prg prg = new Prg(seed(0x72));
        long[] x = new long[m * k], y = new long[k * n];
        for (int i = 0; i < x.length; i++) x[i] = prg.nextLong() >> 45; // |X| < 4
        for (int i = 0; i < y.length; i++) y[i] = prg.nextLong() >> 47; // |Y| < 1
        long[][] xs = split(x, prg), ys = split(y, prg);

        Run r = run("matmul", (p, rec) -> rec.put("z", new MatMul(p, m, k, n).apply(xs[p.id], ys[p.id])));

        GoldenFile f = new GoldenFile("ring_matmul",
                "X (m x k) times Y (k x n), row-major, with a matrix triple (A, B, C = A B) (MatMul.java):",
                "open E = X - A, F = Y - B; Z = C + E B + (A + [party 0] E) F; local truncation by f bits.",
                "z.P: party P's output share; z: reconstructed.");
        f.param("m", m).param("k", k).param("n", n).param("frac_bits", fp.fracBits());
        f.section("x.0", xs[0]).section("x.1", xs[1]).section("y.0", ys[0]).section("y.1", ys[1]);
        r.writeBothParties(f);
        return f.section("z", Ring64.add(r.party0.get("z"), r.party1.get("z")));
    }

    /** What one party does: run the op on a party whose correlations are recorded; put its output in rec. */
    @FunctionalInterface
    private interface Op {
        void run(Party p, Map<String, long[]> rec);
    }

    /** Both parties' records: correlations in fetch order, then the op's outputs. */
    private record Run(Map<String, long[]> party0, Map<String, long[]> party1) {
        void writeBothParties(GoldenFile f) {
            for (String key : party0.keySet()) f.section(key + ".0", party0.get(key)).section(key + ".1", party1.get(key));
        }
    }

    private static Run run(String op, Op body) throws Exception {
        PartyTask<Map<String, long[]>> task = p -> {
            RecordingCorrelations corr = new RecordingCorrelations(p.correlations);
            Party recorded = new Party(p.id, p.peer, corr.source(), p.fp, p.truncation);
            Map<String, long[]> out = new LinkedHashMap<>();
            body.run(recorded, out);
            Map<String, long[]> rec = new LinkedHashMap<>(corr.recorded());
            rec.putAll(out);
            return rec;
        };
        LocalSession.Result<Map<String, long[]>> r = session().run(new SessionParams().put("golden", op), task, task);
        return new Run(r.party0(), r.party1());
    }

    private static LocalSession session() {
        return new LocalSession(FixedPoint.standard(), Truncation.Mode.LOCAL, Transport.MEMORY, 20_000)
                .withDealerSeeds(DEALER_SEED0, DEALER_SEED1);
    }

    /** Additive shares x = s0 + s1 with s0 from the seeded PRG (Sharing.share would use SecureRandom). */
    private static long[][] split(long[] x, Prg prg) {
        long[] s0 = prg.longs(x.length), s1 = new long[x.length];
        for (int i = 0; i < x.length; i++) s1[i] = x[i] - s0[i];
        return new long[][] {s0, s1};
    }

    private static byte[] seed(int base) {
        byte[] s = new byte[Prg.SEED_BYTES];
        for (int i = 0; i < s.length; i++) s[i] = (byte) (base + i);
        return s;
    }

    private static void requireEqual(String what, long[] want, long[] got) {
        if (!java.util.Arrays.equals(want, got)) {
            throw new IllegalStateException("the Java protocol's " + what + " disagrees with plaintext; refusing to write golden vectors");
        }
    }
}
