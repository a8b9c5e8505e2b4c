// The linear engine: one party's local step of MatMul.java (a matrix Beaver triple) on a
// systolic array of MATMUL_ROWS x MATMUL_COLS ring multiply-accumulate units.
//
// X (m x k) and Y (k x n) are shared; the triple is A (m x k), B (k x n), C = A B, shared. After
// ring_mask and the exchange both parties know E = X - A and F = Y - B, and
//   X Y = C + E B + A F + E F,   party p's share:  Z_p = C_p + E B_p + (A_p + [p = 0] E) F
// (folding E into party 0's A adds E F exactly once). Then local truncation by f bits.
// Row-major matrices throughout, as in the Java protocols.
//
// The array computes one MATMUL_ROWS x MATMUL_COLS tile of Z as the single product
// [E | L] [B ; F] with L = A + [p = 0] E, an inner dimension of 2k: output-stationary, every
// unit does one MAC per initiation interval MATMUL_II.
#ifndef POLYMPC_RING_MATMUL_H
#define POLYMPC_RING_MATMUL_H

#include "hls_util.h"

// Depth of the on-chip operand buffers along the inner dimension (a buffer size, not an engine
// parameter: the inner dimension streams through in chunks of this many steps).
#define MATMUL_K_CHUNK 64

extern "C" {

// One tile: rows [row0, row0 + MATMUL_ROWS) and columns [col0, col0 + MATMUL_COLS) of Z,
// clipped to m x n. e, a: m x k; f, b: k x n; c, z: m x n.
void ring_matmul_tile(int party, int m, int k, int n, int frac_bits, int row0, int col0,
                      const uint64_t* e, const uint64_t* a, const uint64_t* f, const uint64_t* b,
                      const uint64_t* c, uint64_t* z);

// The whole product, tile by tile (what the host launches for a layer).
void ring_matmul(int party, int m, int k, int n, int frac_bits,
                 const uint64_t* e, const uint64_t* a, const uint64_t* f, const uint64_t* b,
                 const uint64_t* c, uint64_t* z);

} // extern "C"

#endif
