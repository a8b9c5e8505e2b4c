package org.polympcnet.perfmodel.cost;

import static org.polympcnet.perfmodel.cost.EngineKind.FSS;
import static org.polympcnet.perfmodel.cost.EngineKind.POLY;
import static org.polympcnet.perfmodel.cost.OpCosts.words;

import java.util.ArrayList;
import java.util.List;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * DReLU and ReLU by function secret sharing (Boyle, Chandran, Gilboa, Gupta, Ishai, Kumar, Rathee,
 * "Function Secret Sharing for Mixed-Mode and Fixed-Point Secure Computation", Eurocrypt 2021 =
 * BCG+21, Fig. 1 DCF), as /work/fss-spec.md lays it out for {@code protocols.fss}: the dealer masks
 * x with r and gives each party a DCF key for 1{y < alpha} on the low 63 bits; online each party
 * sends x_b + r_b (8 bytes an element, the ONE flight), both learn x + r, and each evaluates its key
 * locally with a fixed-key AES PRG down a 63-level tree.
 *
 * <p>Work (party 0's; party 1 does the same but for the public constants): the masked input and
 * its opening are one ring pass each; the DCF walk costs AES blocks on the {@link EngineKind#FSS}
 * engine ({@link #RELU_EVAL_BLOCKS} = 2 x 63 + 1 for ReLU: per level the seed-and-t block and the
 * 128-bit value block of the side the input bit picks, then Convert(s_n); {@link #DRELU_EVAL_BLOCKS}
 * = 63 + 1 for DReLU: one block a level carries seed, t and the value bit, then Convert(s_n)) and
 * the passes around them ({@link #RELU_PASS_WORDS_PER_LEVEL}, {@link #DRELU_PASS_WORDS_PER_LEVEL}
 * 64-bit words written per level and element). ReLU's output, drelu * xhat - [...], is one pass with
 * a full product by the public xhat (on the POLY engine, as the GMW ReLU's multiplexer); DReLU packs
 * its bits (2 bit words a word of lanes).
 *
 * <p>Offline (dealer only): the correction words depend on both parties' root seeds, so the dealer
 * sends the same ones to BOTH parties (CorrelationCost's party0CorrectionBytes), {@link
 * #reluKeyBytes()} = 63 x 32 + 16 = 2,032 bytes an element for ReLU and 63 x 16 bytes plus a bit for
 * DReLU; party 1 also downloads its shares of r63 and r63 * r (ReLU: 16 bytes) or its XOR bit of r63
 * (DReLU: a bit row). Party 0 draws its root seed (2 words), its mask share (1) and its shares of
 * r63 and r63 * r (ReLU: 2 words; DReLU: a bit row) from its PRG, party 1 its seed and mask share.
 * The dealer's key generation evaluates both parties' seeds on both sides: {@link
 * #RELU_GEN_BLOCKS} and {@link #DRELU_GEN_BLOCKS} blocks an element.
 *
 * <p>The model's byte and round figures follow the spec's formulas; after the merge with the
 * protocols a test holds them to what FssRelu / FssDRelu's channels count, as OpCostTest does for
 * the GMW tree (bits: 63 levels, as the spec's n = 63-bit DCF).
 */
public final class FssCosts implements ComparisonCosts {
    public static final FssCosts INSTANCE = new FssCosts();

    /** Levels of the DCF tree: the 63 low bits of x + r. */
    public static final int LEVELS = 63;
    /** Bytes of one 128-bit seed or value correction word. */
    public static final int BLOCK_BYTES = 16;
    /** ReLU: per level s_CW (t_CW bits inside) and the 128-bit V_CW, then the final CW. */
    public static final int RELU_KEY_BYTES = LEVELS * 2 * BLOCK_BYTES + BLOCK_BYTES;
    /** DReLU: per level s_CW (t_CW^L, t_CW^R and V_CW in its low bits); the final CW is a bit row. */
    public static final int DRELU_KEY_BYTES_PER_LEVELS = LEVELS * BLOCK_BYTES;
    /** ReLU: party 1's additive shares of r63 and r63 * r, 8 bytes each. */
    public static final int RELU_PARTY1_EXTRA_BYTES = 16;

    /** AES blocks one party evaluates per ReLU: 2 a level (seed and t, then value), then Convert(s_n). */
    public static final int RELU_EVAL_BLOCKS = 2 * LEVELS + 1;
    /**
     * AES blocks one party evaluates per DReLU: 1 a level, and none for Convert(s_n), which is a bit
     * of the last seed itself ({@code fss.Dcf}; FssCostsChannelTest holds this to Dcf's count).
     */
    public static final int DRELU_CONVERT_BLOCKS = 0;
    public static final int DRELU_EVAL_BLOCKS = LEVELS + DRELU_CONVERT_BLOCKS;
    /** Key generation: both parties' seeds, both sides, 2 blocks each a level; Convert of both final seeds. */
    public static final int RELU_GEN_BLOCKS = LEVELS * 2 * 2 * 2 + 2;
    public static final int DRELU_GEN_BLOCKS = LEVELS * 2 * 2 + 2 * DRELU_CONVERT_BLOCKS;

    /**
     * Words written per level and element around the AES: ReLU the two blocks' inputs (2 x 2
     * words), the next seed (2) and the 128-bit value accumulator (2); DReLU the block's input (2)
     * and the next seed (2; t and the value bit sit in its cleared low bits).
     */
    public static final int RELU_PASS_WORDS_PER_LEVEL = 8, DRELU_PASS_WORDS_PER_LEVEL = 4;

    /** The working set of one chunk of the DCF walk: half the per-core L2 (the other half for the keys' stream). */
    public static final long WALK_CHUNK_BYTES = 1L << 20;
    /**
     * Bytes a chunk holds per element during the walk: xhat (8), the seed and the value accumulator
     * (16 each), and one level's AES input and output blocks (2 x 2 x 16 for ReLU's two blocks).
     */
    static final int WALK_BYTES_PER_ELEMENT = 8 + 16 + 16 + 64;
    /** Elements of one chunk of the walk. */
    public static final int WALK_CHUNK_ELEMENTS = (int) (WALK_CHUNK_BYTES / WALK_BYTES_PER_ELEMENT);

    /** PRG words per element: root seed (2), mask share (1); party 0 also its r63 and r63 * r shares (ReLU). */
    static final int SEED_WORDS = 2, MASK_WORDS = 1, RELU_PARTY0_SHARE_WORDS = 2;

    private FssCosts() {}

    @Override
    public String protocol() {
        return "fss-dcf";
    }

    /** Online bytes each party sends: x_b + r_b, 8 bytes an element (both ops). */
    public static long onlineBytes(int n) {
        return 8L * n;
    }

    /** Online rounds: the one flight of the masked input. */
    public static int onlineRounds() {
        return 1;
    }

    /** Correction-word bytes of one ReLU key (each party receives them). */
    public static int reluKeyBytes() {
        return RELU_KEY_BYTES;
    }

    /** Correction-word bytes of n DReLU keys: 63 x 16 an element, and the final CW as a bit row. */
    public static long dreluKeyBytes(int n) {
        return (long) DRELU_KEY_BYTES_PER_LEVELS * n + bitRowBytes(n);
    }

    /** A bit row of n lanes on the dealer link: ceil(n / 8) bytes, as the channels send bit rows. */
    static long bitRowBytes(int n) {
        return BitSlice.wireBytes(n);
    }

    @Override
    public OpCost drelu(int n) {
        Steps s = new Steps(FSS, n);
        s.work(Work.ringOps(n)).flight(onlineBytes(n)); // x_b + r_b
        s.work(Work.ringOps(n)); // xhat = both masked shares
        s.work(Work.aesBlocks((long) DRELU_EVAL_BLOCKS * n)).work(Work.ringOps((long) DRELU_PASS_WORDS_PER_LEVEL * LEVELS * n));
        s.work(Work.bitWords(2 * words(n))); // pack c, then ^ xhat63 ^ [r63] (^ 1 at party 0)
        return new OpCost("drelu", n, inChunks(n, s.build(), dreluOffline(n)), dreluOffline(n), 0, 0);
    }

    @Override
    public OpCost relu(int n) {
        Steps s = new Steps(FSS, n);
        s.work(Work.ringOps(n)).flight(onlineBytes(n)); // x_b + r_b
        s.work(Work.ringOps(n)); // xhat
        s.work(Work.aesBlocks((long) RELU_EVAL_BLOCKS * n)).work(Work.ringOps((long) RELU_PASS_WORDS_PER_LEVEL * LEVELS * n + 2L * n)); // walk, Convert
        // drelu = 1 - xhat63 - (1 - 2 xhat63) w, then relu = drelu * xhat - [(1 - xhat63) r - (1 - 2 xhat63) wr]: selects and one product.
        s.on(POLY).work(Work.ringOps(2L * n)).work(Work.ringMults(n));
        return new OpCost("relu", n, inChunks(n, s.build(), reluOffline(n)), reluOffline(n), 0, n);
    }

    /**
     * The DCF walk goes level by level over chunks of elements sized to stay in the per-core L2
     * cache (the spec: 2 MiB a core), so its loops run over a chunk of at most
     * {@link #WALK_CHUNK_ELEMENTS} and its passes and AES blocks work in a set of at most
     * {@link #WALK_CHUNK_BYTES}, however large the op: its step carries that loop length and
     * footprint (the op's own, if smaller) instead of the op's, which would price it as if every
     * pass went to memory. The keys themselves stream through once and count in the op's footprint.
     */
    private static List<Step> inChunks(int n, List<Step> steps, CorrelationCost offline) {
        long op = OpCost.footprint(n, steps, offline);
        List<Step> out = new ArrayList<>(steps.size());
        for (Step st : steps) {
            if (st.work().aesBlocks() == 0) {
                out.add(st);
                continue;
            }
            out.add(new Step(st.engine(), st.work(), st.flight(), st.bytes(), st.shape(), Math.min(st.elements(), WALK_CHUNK_ELEMENTS),
                    Math.min(op, WALK_CHUNK_BYTES)));
        }
        return out;
    }

    /** The dealer's ReLU keys, one request: both parties get the CWs, party 1 its r63 shares too. */
    static CorrelationCost reluOffline(int n) {
        long keys = (long) RELU_KEY_BYTES * n;
        return new CorrelationCost(1, (long) (SEED_WORDS + MASK_WORDS + RELU_PARTY0_SHARE_WORDS) * n, (long) (SEED_WORDS + MASK_WORDS) * n,
                keys + (long) RELU_PARTY1_EXTRA_BYTES * n, 0, 0, keys, (long) RELU_GEN_BLOCKS * n);
    }

    /** The dealer's DReLU keys, one request: both parties get the CWs, party 1 its XOR bit of r63 too. */
    static CorrelationCost dreluOffline(int n) {
        long keys = dreluKeyBytes(n);
        return new CorrelationCost(1, (long) (SEED_WORDS + MASK_WORDS) * n + words(n), (long) (SEED_WORDS + MASK_WORDS) * n,
                keys + bitRowBytes(n), 0, 0, keys, (long) DRELU_GEN_BLOCKS * n);
    }

    /** Bytes on party p's dealer link for n ReLUs (request, status, what it downloads). */
    public static long reluOfflineBytes(int party, int n) {
        return reluOffline(n).offlineBytes(party);
    }

    /** Bytes on party p's dealer link for n DReLUs. */
    public static long dreluOfflineBytes(int party, int n) {
        return dreluOffline(n).offlineBytes(party);
    }
}
