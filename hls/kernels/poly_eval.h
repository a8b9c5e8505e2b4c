// The polynomial engine: one party's local steps of PolyActivation.java, y = a x^2 + b x + c
// with public coefficients on additive shares of Z_2^64 (f fractional bits), using one square
// pair (s, ss = s^2 shared) and local truncation:
//   send half   ring_mask   e_p = x_p - s_p; the parties exchange e_p and both learn e = x - s
//   local       poly_eval   z = ss + 2 e s + [party 0] e^2      (x^2 with 2f fractional bits)
//                           t = trunc_f(z)                      (first local truncation)
//                           y = A t + B x + [party 0] C << f    (A, B, C: coefficients at f bits)
//                           y = trunc_f(y)                      (second local truncation)
// The result stays shared; in the protocol party 0 then reveals its share to party 1.
#ifndef POLYMPC_POLY_EVAL_H
#define POLYMPC_POLY_EVAL_H

#include "hls_util.h"
#include "ring_mask.h"

// Ring multiplications per element in the datapath: e*s, e*e, A*t, B*x (2 e s is a shift; party
// 1 leaves e*e unused, the hardware still has the multiplier).
#define POLY_MULTS_PER_ELEMENT 4
// Elements per initiation interval: the engine's POLY_MULTIPLIERS ring multipliers, four per
// element lane.
#define POLY_LANES (POLY_MULTIPLIERS / POLY_MULTS_PER_ELEMENT)
#if POLY_LANES < 1
#error "poly_multipliers must be at least 4: one element needs 4 ring multipliers"
#endif

extern "C" {

// One party's polynomial after the opening. e: the opened x - s (the same at both parties);
// x, s, ss: this party's shares; coeff_*: the coefficients encoded at frac_bits bits.
void poly_eval(int party, int n, int frac_bits, int64_t coeff_a, int64_t coeff_b, int64_t coeff_c,
               const uint64_t* x, const uint64_t* e, const uint64_t* s, const uint64_t* ss, uint64_t* y);

} // extern "C"

#endif
