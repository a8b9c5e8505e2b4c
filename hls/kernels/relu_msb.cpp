// The ReLU adder engine's kernels: see relu_msb.h for the protocol and the data layout.
// Every AND loop handles RELU_WORD_LANES words (64 gates each) per initiation interval RELU_II,
// the throughput engines.properties gives this engine, and the performance model uses.
#include "relu_msb.h"

// One AND of the carry tree on XOR shares with a Beaver triple (u, v, w = u & v shared): with
// d = x ^ u and e = y ^ v opened, x & y = w ^ (d & v) ^ (e & u) ^ (d & e), the public d & e term
// added by party 0 alone. Word-wide: 64 lanes at once.
static inline uint64_t beaver_and(int party, uint64_t d, uint64_t e, uint64_t u, uint64_t v, uint64_t w) {
    uint64_t z = w ^ (d & v) ^ (e & u);
    return party == 0 ? z ^ (d & e) : z;
}

extern "C" {

void relu_msb_round1_send(int n, const uint64_t* x, const uint64_t* mask, uint64_t* planes, uint64_t* masked) {
    HLS_PRAGMA(INTERFACE m_axi port=x offset=slave bundle=gmem0)
    HLS_PRAGMA(INTERFACE m_axi port=mask offset=slave bundle=gmem1)
    HLS_PRAGMA(INTERFACE m_axi port=planes offset=slave bundle=gmem2)
    HLS_PRAGMA(INTERFACE m_axi port=masked offset=slave bundle=gmem3)
    HLS_PRAGMA(INTERFACE s_axilite port=n)
    HLS_PRAGMA(INTERFACE s_axilite port=return)
    const int words = msb_words(n);
    // Bit slicing: a 64x64 bit transpose per word (ring elements 64b..64b+63 become bit b of
    // planes 0..63). In hardware it is wiring; the loop over t and j unrolls completely.
slice:
    for (int b = 0; b < words; b++) {
        HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=1024)
        HLS_PRAGMA(PIPELINE II=RELU_II)
        uint64_t block[64];
        HLS_PRAGMA(ARRAY_PARTITION variable=block complete)
        for (int t = 0; t < 64; t++) {
            int i = b * 64 + t;
            block[t] = i < n ? x[i] : 0; // lanes past n are zero, as in BitSlice.slice
        }
        for (int j = 0; j < 64; j++) {
            uint64_t plane = 0;
            for (int t = 0; t < 64; t++) plane |= ((block[t] >> j) & 1) << t;
            planes[j * words + b] = plane;
            // Round 1 of Msb: p_j = x0[j] ^ x1[j] is already shared (each party holds its own
            // bit); for the cross AND g_j = x0[j] & x1[j] each party sends its bit masked by its
            // private CrossAnd mask. Bit 63 only enters the final XOR and is never sent.
            if (j < MSB_LEAVES) masked[j * words + b] = plane ^ mask[j * words + b];
        }
    }
}

void relu_msb_round1_recv(int party, int words, const uint64_t* masked, const uint64_t* theirs,
                          const uint64_t* mask, const uint64_t* share, uint64_t* g) {
    HLS_PRAGMA(INTERFACE m_axi port=masked offset=slave bundle=gmem0)
    HLS_PRAGMA(INTERFACE m_axi port=theirs offset=slave bundle=gmem1)
    HLS_PRAGMA(INTERFACE m_axi port=mask offset=slave bundle=gmem2)
    HLS_PRAGMA(INTERFACE m_axi port=share offset=slave bundle=gmem3)
    HLS_PRAGMA(INTERFACE m_axi port=g offset=slave bundle=gmem4)
    HLS_PRAGMA(INTERFACE s_axilite port=party)
    HLS_PRAGMA(INTERFACE s_axilite port=words)
    HLS_PRAGMA(INTERFACE s_axilite port=return)
    // Cross AND (CrossAnd.java): party 0 holds u, party 1 holds v, both hold XOR shares s of
    // u & v. With alpha = x0 ^ u (sent by party 0) and beta = x1 ^ v (sent by party 1),
    // x0 & x1 = alpha & beta ^ beta & u ^ alpha & v ^ u & v, split as
    //   party 0: g0 = alpha & beta ^ beta & u ^ s0      party 1: g1 = alpha & v ^ s1.
    const int total = MSB_LEAVES * words;
cross_and:
    for (int i0 = 0; i0 < total; i0 += RELU_WORD_LANES) {
        HLS_PRAGMA(LOOP_TRIPCOUNT min=4 max=4032)
        HLS_PRAGMA(PIPELINE II=RELU_II)
        for (int l = 0; l < RELU_WORD_LANES; l++) {
            HLS_PRAGMA(UNROLL)
            int i = i0 + l;
            if (i < total) {
                uint64_t r = (theirs[i] & mask[i]) ^ share[i];
                g[i] = party == 0 ? r ^ (masked[i] & theirs[i]) : r;
            }
        }
    }
}

void relu_msb_level_send(int groups, int words, const uint64_t* g, const uint64_t* p,
                         const uint64_t* u, const uint64_t* v, uint64_t* send) {
    HLS_PRAGMA(INTERFACE m_axi port=g offset=slave bundle=gmem0)
    HLS_PRAGMA(INTERFACE m_axi port=p offset=slave bundle=gmem1)
    HLS_PRAGMA(INTERFACE m_axi port=u offset=slave bundle=gmem2)
    HLS_PRAGMA(INTERFACE m_axi port=v offset=slave bundle=gmem3)
    HLS_PRAGMA(INTERFACE m_axi port=send offset=slave bundle=gmem4)
    HLS_PRAGMA(INTERFACE s_axilite port=groups)
    HLS_PRAGMA(INTERFACE s_axilite port=words)
    HLS_PRAGMA(INTERFACE s_axilite port=return)
    const int cmb = msb_combines(groups);
    // Both ANDs of a combine take P_hi as left operand, so it is masked once (d = P_hi ^ u);
    // the right operands G_lo and P_lo each get their own v. Layout of the message: the cmb
    // d planes, then the ands e planes (Msb.finish).
combines:
    for (int i = 0; i < cmb; i++) {
        HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=31)
        const int hi = 2 * i + 1, lo = 2 * i, a0 = i == 0 ? 0 : 2 * i - 1;
    words_loop:
        for (int k0 = 0; k0 < words; k0 += RELU_WORD_LANES) {
            HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=64)
            HLS_PRAGMA(PIPELINE II=RELU_II)
            for (int l = 0; l < RELU_WORD_LANES; l++) {
                HLS_PRAGMA(UNROLL)
                int k = k0 + l;
                if (k < words) {
                    send[i * words + k] = p[hi * words + k] ^ u[i * words + k];
                    send[(cmb + a0) * words + k] = g[lo * words + k] ^ v[a0 * words + k];
                    if (i > 0) send[(cmb + a0 + 1) * words + k] = p[lo * words + k] ^ v[(a0 + 1) * words + k];
                }
            }
        }
    }
}

void relu_msb_level(int party, int groups, int words, const uint64_t* g, const uint64_t* p,
                    const uint64_t* open, const uint64_t* u, const uint64_t* v, const uint64_t* w,
                    uint64_t* g_next, uint64_t* p_next) {
    HLS_PRAGMA(INTERFACE m_axi port=g offset=slave bundle=gmem0)
    HLS_PRAGMA(INTERFACE m_axi port=p offset=slave bundle=gmem1)
    HLS_PRAGMA(INTERFACE m_axi port=open offset=slave bundle=gmem2)
    HLS_PRAGMA(INTERFACE m_axi port=u offset=slave bundle=gmem3)
    HLS_PRAGMA(INTERFACE m_axi port=v offset=slave bundle=gmem4)
    HLS_PRAGMA(INTERFACE m_axi port=w offset=slave bundle=gmem5)
    HLS_PRAGMA(INTERFACE m_axi port=g_next offset=slave bundle=gmem6)
    HLS_PRAGMA(INTERFACE m_axi port=p_next offset=slave bundle=gmem7)
    HLS_PRAGMA(INTERFACE s_axilite port=party)
    HLS_PRAGMA(INTERFACE s_axilite port=groups)
    HLS_PRAGMA(INTERFACE s_axilite port=words)
    HLS_PRAGMA(INTERFACE s_axilite port=return)
    const int cmb = msb_combines(groups);
    // (G, P) = (G_hi ^ P_hi & G_lo, P_hi & P_lo): G_hi enters by XOR, which is local on XOR
    // shares; the two ANDs are Beaver ANDs on the opened d = P_hi ^ u and e = operand ^ v.
combines:
    for (int i = 0; i < cmb; i++) {
        HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=31)
        const int hi = 2 * i + 1, a0 = i == 0 ? 0 : 2 * i - 1;
    words_loop:
        for (int k0 = 0; k0 < words; k0 += RELU_WORD_LANES) {
            HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=64)
            HLS_PRAGMA(PIPELINE II=RELU_II)
            for (int l = 0; l < RELU_WORD_LANES; l++) {
                HLS_PRAGMA(UNROLL)
                int k = k0 + l;
                if (k < words) {
                    const uint64_t d = open[i * words + k], ui = u[i * words + k];
                    const int eg = (cmb + a0) * words + k, vg = a0 * words + k;
                    g_next[i * words + k] = g[hi * words + k] ^ beaver_and(party, d, open[eg], ui, v[vg], w[vg]);
                    // The lowest group's P is never needed (no carry comes from below bit 0),
                    // so combine 0 has no P AND and its P is zero, as in Msb.finish.
                    uint64_t pn = 0;
                    if (i > 0) {
                        const int ep = (cmb + a0 + 1) * words + k, vp = (a0 + 1) * words + k;
                        pn = beaver_and(party, d, open[ep], ui, v[vp], w[vp]);
                    }
                    p_next[i * words + k] = pn;
                }
            }
        }
    }
    // An odd top group has no partner at this level and passes up unchanged.
    if (groups & 1) {
    pass_up:
        for (int k = 0; k < words; k++) {
            HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=1024)
            HLS_PRAGMA(PIPELINE II=RELU_II)
            g_next[cmb * words + k] = g[(groups - 1) * words + k];
            p_next[cmb * words + k] = p[(groups - 1) * words + k];
        }
    }
}

void relu_msb_final(int words, const uint64_t* top, const uint64_t* g, uint64_t* msb) {
    HLS_PRAGMA(INTERFACE m_axi port=top offset=slave bundle=gmem0)
    HLS_PRAGMA(INTERFACE m_axi port=g offset=slave bundle=gmem1)
    HLS_PRAGMA(INTERFACE m_axi port=msb offset=slave bundle=gmem2)
    HLS_PRAGMA(INTERFACE s_axilite port=words)
    HLS_PRAGMA(INTERFACE s_axilite port=return)
    // msb = x0[63] ^ x1[63] ^ carry into bit 63: each party XORs its own top bit with its share
    // of the carry, the G of the single group left after the tree.
final_xor:
    for (int k0 = 0; k0 < words; k0 += RELU_WORD_LANES) {
        HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=64)
        HLS_PRAGMA(PIPELINE II=RELU_II)
        for (int l = 0; l < RELU_WORD_LANES; l++) {
            HLS_PRAGMA(UNROLL)
            int k = k0 + l;
            if (k < words) msb[k] = top[k] ^ g[k];
        }
    }
}

} // extern "C"
