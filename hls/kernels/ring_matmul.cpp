// The linear engine's kernels: see ring_matmul.h for the protocol step.
#include "ring_matmul.h"

// The tile's datapath, shared by both top functions (inlined into each).
static void matmul_tile(int party, int m, int k, int n, int frac_bits, int row0, int col0,
                        const uint64_t* e, const uint64_t* a, const uint64_t* f, const uint64_t* b,
                        const uint64_t* c, uint64_t* z) {
    HLS_PRAGMA(INLINE)
    // One accumulator per unit of the array, all updated in the same cycle.
    uint64_t acc[MATMUL_ROWS][MATMUL_COLS];
    HLS_PRAGMA(ARRAY_PARTITION variable=acc complete dim=0)
    // Left operand rows enter the array's rows, right operand columns its columns.
    uint64_t lhs[MATMUL_ROWS][MATMUL_K_CHUNK];
    HLS_PRAGMA(ARRAY_PARTITION variable=lhs complete dim=1)
    uint64_t rhs[MATMUL_K_CHUNK][MATMUL_COLS];
    HLS_PRAGMA(ARRAY_PARTITION variable=rhs complete dim=2)

clear:
    for (int r = 0; r < MATMUL_ROWS; r++) {
        HLS_PRAGMA(UNROLL)
        for (int q = 0; q < MATMUL_COLS; q++) {
            HLS_PRAGMA(UNROLL)
            acc[r][q] = 0;
        }
    }

    // Inner dimension of [E | L] [B ; F]: steps 0..k-1 are E B, steps k..2k-1 are L F.
    const int steps = 2 * k;
chunks:
    for (int s0 = 0; s0 < steps; s0 += MATMUL_K_CHUNK) {
        HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=64)
    load:
        for (int t = 0; t < MATMUL_K_CHUNK; t++) {
            HLS_PRAGMA(PIPELINE II=1)
            const int s = s0 + t;
            const bool first = s < k; // E B half, else L F half
            const int kk = first ? s : s - k;
            for (int r = 0; r < MATMUL_ROWS; r++) {
                const int i = row0 + r;
                uint64_t v = 0; // rows past m and steps past 2k feed zeros: they add nothing
                if (i < m && s < steps) {
                    const uint64_t ev = e[i * k + kk];
                    v = first ? ev : a[i * k + kk] + (party == 0 ? ev : 0);
                }
                lhs[r][t] = v;
            }
            for (int q = 0; q < MATMUL_COLS; q++) {
                const int j = col0 + q;
                uint64_t v = 0;
                if (j < n && s < steps) v = first ? b[kk * n + j] : f[kk * n + j];
                rhs[t][q] = v;
            }
        }
    mac:
        for (int t = 0; t < MATMUL_K_CHUNK; t++) {
            HLS_PRAGMA(PIPELINE II=MATMUL_II)
            for (int r = 0; r < MATMUL_ROWS; r++) {
                HLS_PRAGMA(UNROLL)
                for (int q = 0; q < MATMUL_COLS; q++) {
                    HLS_PRAGMA(UNROLL)
                    acc[r][q] += lhs[r][t] * rhs[t][q]; // wraps mod 2^64, as Java's long
                }
            }
        }
    }

    // Add this party's share of C, then truncate locally (MatMul applies Truncation after the
    // product: the product of two f-bit values has 2f fractional bits).
store:
    for (int r = 0; r < MATMUL_ROWS; r++) {
        for (int q = 0; q < MATMUL_COLS; q++) {
            HLS_PRAGMA(PIPELINE II=1)
            const int i = row0 + r, j = col0 + q;
            if (i < m && j < n) z[i * n + j] = trunc_share(party, c[i * n + j] + acc[r][q], frac_bits);
        }
    }
}

extern "C" {

void ring_matmul_tile(int party, int m, int k, int n, int frac_bits, int row0, int col0,
                      const uint64_t* e, const uint64_t* a, const uint64_t* f, const uint64_t* b,
                      const uint64_t* c, uint64_t* z) {
    HLS_PRAGMA(INTERFACE m_axi port=e offset=slave bundle=gmem0)
    HLS_PRAGMA(INTERFACE m_axi port=a offset=slave bundle=gmem1)
    HLS_PRAGMA(INTERFACE m_axi port=f offset=slave bundle=gmem2)
    HLS_PRAGMA(INTERFACE m_axi port=b offset=slave bundle=gmem3)
    HLS_PRAGMA(INTERFACE m_axi port=c offset=slave bundle=gmem4)
    HLS_PRAGMA(INTERFACE m_axi port=z offset=slave bundle=gmem5)
    HLS_PRAGMA(INTERFACE s_axilite port=party)
    HLS_PRAGMA(INTERFACE s_axilite port=m)
    HLS_PRAGMA(INTERFACE s_axilite port=k)
    HLS_PRAGMA(INTERFACE s_axilite port=n)
    HLS_PRAGMA(INTERFACE s_axilite port=frac_bits)
    HLS_PRAGMA(INTERFACE s_axilite port=row0)
    HLS_PRAGMA(INTERFACE s_axilite port=col0)
    HLS_PRAGMA(INTERFACE s_axilite port=return)
    matmul_tile(party, m, k, n, frac_bits, row0, col0, e, a, f, b, c, z);
}

void ring_matmul(int party, int m, int k, int n, int frac_bits,
                 const uint64_t* e, const uint64_t* a, const uint64_t* f, const uint64_t* b,
                 const uint64_t* c, uint64_t* z) {
    HLS_PRAGMA(INTERFACE m_axi port=e offset=slave bundle=gmem0)
    HLS_PRAGMA(INTERFACE m_axi port=a offset=slave bundle=gmem1)
    HLS_PRAGMA(INTERFACE m_axi port=f offset=slave bundle=gmem2)
    HLS_PRAGMA(INTERFACE m_axi port=b offset=slave bundle=gmem3)
    HLS_PRAGMA(INTERFACE m_axi port=c offset=slave bundle=gmem4)
    HLS_PRAGMA(INTERFACE m_axi port=z offset=slave bundle=gmem5)
    HLS_PRAGMA(INTERFACE s_axilite port=party)
    HLS_PRAGMA(INTERFACE s_axilite port=m)
    HLS_PRAGMA(INTERFACE s_axilite port=k)
    HLS_PRAGMA(INTERFACE s_axilite port=n)
    HLS_PRAGMA(INTERFACE s_axilite port=frac_bits)
    HLS_PRAGMA(INTERFACE s_axilite port=return)
tile_rows:
    for (int row0 = 0; row0 < m; row0 += MATMUL_ROWS) {
        HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=64)
    tile_cols:
        for (int col0 = 0; col0 < n; col0 += MATMUL_COLS) {
            HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=64)
            matmul_tile(party, m, k, n, frac_bits, row0, col0, e, a, f, b, c, z);
        }
    }
}

} // extern "C"
