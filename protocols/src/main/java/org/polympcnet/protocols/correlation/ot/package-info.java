/**
 * Dealer-free correlations by oblivious transfer (semi-honest, two parties, no third party), and
 * the exact bytes each costs. Every figure is bytes one party SENDS on the peer link, counted as
 * OFFLINE traffic; n is the number of elements or lanes, W = ceil(n / 64) words, B = ceil(n / 8)
 * wire bytes of a bit row, P(m) = 64 ceil(m / 64) (IKNP batches are whole 64-OT words).
 *
 * <h2>Engines</h2>
 * <ul>
 *   <li>IKNP (kappa = 128): random, correlated (Z_2^64) and chosen OT; the receiver sends 16 bytes
 *       an OT (P(m) OTs), a correlated OT's sender 8 more.
 *   <li>KK13 random 1-out-of-N OT, N <= 256 (Walsh-Hadamard code of length 256): the receiver sends
 *       32 bytes a lane, 2,048 W a batch, whatever N; the sender nothing. The sender hashes N pads
 *       a lane, the receiver one.
 * </ul>
 *
 * <h2>Setup, once a session ({@code OtCorrelations.setupBytesPerParty})</h2>
 * Each party: 128 Chou-Orlandi OTs as sender and 128 as receiver (4,257 bytes) for the two IKNP
 * instances, then 256 IKNP random OTs as receiver (4,096 bytes) to seed the KK13 instance in which
 * it sends: 8,353 bytes a party, 16,706 both.
 *
 * <h2>Per request, {party 0, party 1}</h2>
 * <ul>
 *   <li>randomOneOfN(groups, logN, msgBits, n): {0, 2048 groups W}. Party 1's choice is its KK13
 *       choice; the pads are the hashes' low bits.
 *   <li>combineTriples(c, n), one comparison-tree level of c combines (2c - 1 ANDs): party 0 is the
 *       KK13 receiver with choice (u, v, v') of a combine (1-out-of-8; 1-out-of-4 for the lowest
 *       combine, which has one AND), party 1 sends corrections of 8 x 2 bits (4 x 1): {2048 c W,
 *       (4 + 16 (c - 1)) B}.
 *   <li>mux(n), three correlated OTs a lane (party 0 sends in two): {16 n + 16 P(n), 8 n + 32 P(n)}.
 *   <li>daBits(n): {8 n, 16 P(n)}; truncationPairs(n, f), 64 daBits a mask: {512 n, 1024 n}.
 *   <li>beaverTriples(n), two Gilboa products (64 correlated OTs an element each way): 1,536 n each;
 *       squarePairs(n): {512 n, 1024 n}; matrixTriple(m, k, n): 1,536 m k n each.
 *   <li>andTriples(planes, n), a bit-OT product each way: 1,032 planes W each; crossAnd(planes, n):
 *       {8 planes W, 1024 planes W}.
 *   <li>msb(n) = crossAnd(63, n) and combineTriples for the levels 31, 16, 8, 4, 2, 1 (62 combines);
 *       relu(n) = msb(n) + mux(n).
 * </ul>
 *
 * <h2>The millionaire ReLU (ops.MillionaireRelu), n a multiple of 64</h2>
 * Offline: randomOneOfN(2, 4, 2, n) and randomOneOfN(11, 5, 2, n) for the 13 leaves, combineTriples
 * for the levels 6, 3, 2, 1, mux(n): 416 n from party 0, 474 n from party 1. Online: 108.125 n and
 * 20 n, 6 rounds each. In all 1,018.125 bytes a ReLU, both parties, all phases (setup excluded).
 * DReLU alone: offline 384 n and 434 n, online 100 n and 11.875 n, 4 and 5 rounds.
 * These are the 5-bit digits ({@code ops.MillionaireDigits.FIVE_BIT}), which the op takes whenever
 * the correlations come from here; with a dealer it takes one 3-bit and fifteen 4-bit digits
 * instead (online 75.25 n and 21.125 n), because a dealer's 1-out-of-N OT costs the same whatever N.
 */
package org.polympcnet.protocols.correlation.ot;
