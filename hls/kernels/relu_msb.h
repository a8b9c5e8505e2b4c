// The ReLU adder engine: one party's local steps of the MSB / DReLU protocol of
// protocols/.../ops/Msb.java (a two-party parallel-prefix adder on bit-sliced XOR shares,
// CrypTen's GMW method). x = x0 + x1 mod 2^64 with x0 held by party 0 and x1 by party 1; the
// two shares are the two addends, so msb(x) = x0[63] ^ x1[63] ^ carry into bit 63.
//
// Data layout (as BitSlice.java): n lanes make W = ceil(n / 64) words; a matrix of P bit planes
// is P * W words, plane j at words [j*W, (j+1)*W), lane t in bit t % 64 of word t / 64.
//
// Round by round, for party p (the testbench or host moves the messages between the parties):
//   round 1   relu_msb_round1_send   slice x_p into 64 planes; send masked = planes[0..62] ^ mask
//             relu_msb_round1_recv   this party's XOR share of g_j = x0[j] & x1[j] (cross AND)
//   level L   relu_msb_level_send    masked operands d = P_hi ^ u and e = G_lo ^ v, P_lo ^ v'
//   (L=0..5)  relu_msb_level         Beaver ANDs on the opened d, e: next level's (G, P) shares
//   end       relu_msb_final         msb share = plane 63 ^ G (the carry into bit 63)
// Level L pairs groups 2i (lo) and 2i+1 (hi): (G, P) = (G_hi ^ P_hi & G_lo, P_hi & P_lo); the
// lowest combine (i = 0) needs only G, and an odd top group passes up unchanged:
// 63 -> 32 -> 16 -> 8 -> 4 -> 2 -> 1 groups.
#ifndef POLYMPC_RELU_MSB_H
#define POLYMPC_RELU_MSB_H

#include "hls_util.h"

#define MSB_LEAVES 63 // bits below the MSB whose carry is needed
#define MSB_LEVELS 6  // levels of the carry tree over 63 leaves

static inline int msb_words(int n) { return (n + 63) / 64; }
// Combines and ANDs of a level with `groups` groups (CombineTriples.java): AND 0 is the lowest
// combine's G, then each combine i > 0 has ANDs 2i-1 (for G) and 2i (for P).
static inline int msb_combines(int groups) { return groups / 2; }
static inline int msb_ands(int combines) { return 2 * combines - 1; }
static inline int msb_next_groups(int groups) { return (groups + 1) / 2; }

extern "C" {

// Round 1, send half. x: this party's n ring shares. mask: its 63-plane CrossAnd mask (u for
// party 0, v for party 1). Out: planes (64 planes: bits 0..62 are its share of the propagate
// bits p_j, plane 63 its top bit) and masked (63 planes) to send to the other party.
void relu_msb_round1_send(int n, const uint64_t* x, const uint64_t* mask, uint64_t* planes, uint64_t* masked);

// Round 1, receive half. masked: what this party sent; theirs: what it received (lanes >= n
// are zero, as the wire carries n bits a plane). Out: g (63 planes), its XOR share of g_j.
void relu_msb_round1_recv(int party, int words, const uint64_t* masked, const uint64_t* theirs,
                          const uint64_t* mask, const uint64_t* share, uint64_t* g);

// Carry-tree level, send half: from this party's (G, P) shares (groups planes each) and its
// CombineTriples masks u (combines planes) and v (ands planes), the combines + ands planes it
// sends: d_i = P_{2i+1} ^ u_i first, then the AND operands e_a = G_lo ^ v_a or P_lo ^ v_a.
void relu_msb_level_send(int groups, int words, const uint64_t* g, const uint64_t* p,
                         const uint64_t* u, const uint64_t* v, uint64_t* send);

// Carry-tree level, combine half: open = what this party sent ^ what it received (the opened
// d and e). Out: next level's (G, P) shares, msb_next_groups(groups) planes each.
void relu_msb_level(int party, int groups, int words, const uint64_t* g, const uint64_t* p,
                    const uint64_t* open, const uint64_t* u, const uint64_t* v, const uint64_t* w,
                    uint64_t* g_next, uint64_t* p_next);

// Last step: this party's XOR share of the MSB, top (plane 63 of its slice) ^ G (the carry).
void relu_msb_final(int words, const uint64_t* top, const uint64_t* g, uint64_t* msb);

} // extern "C"

#endif
