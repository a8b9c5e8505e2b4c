// The polynomial engine's kernels: see poly_eval.h for the protocol step each implements.
// POLY_LANES elements per initiation interval POLY_II: the throughput engines.properties gives
// this engine, and the performance model uses.
#include "poly_eval.h"

extern "C" {

void poly_eval(int party, int n, int frac_bits, int64_t coeff_a, int64_t coeff_b, int64_t coeff_c,
               const uint64_t* x, const uint64_t* e, const uint64_t* s, const uint64_t* ss, uint64_t* y) {
    HLS_PRAGMA(INTERFACE m_axi port=x offset=slave bundle=gmem0)
    HLS_PRAGMA(INTERFACE m_axi port=e offset=slave bundle=gmem1)
    HLS_PRAGMA(INTERFACE m_axi port=s offset=slave bundle=gmem2)
    HLS_PRAGMA(INTERFACE m_axi port=ss offset=slave bundle=gmem3)
    HLS_PRAGMA(INTERFACE m_axi port=y offset=slave bundle=gmem4)
    HLS_PRAGMA(INTERFACE s_axilite port=party)
    HLS_PRAGMA(INTERFACE s_axilite port=n)
    HLS_PRAGMA(INTERFACE s_axilite port=frac_bits)
    HLS_PRAGMA(INTERFACE s_axilite port=coeff_a)
    HLS_PRAGMA(INTERFACE s_axilite port=coeff_b)
    HLS_PRAGMA(INTERFACE s_axilite port=coeff_c)
    HLS_PRAGMA(INTERFACE s_axilite port=return)
    // Coefficients as ring elements: the low 64 bits of a signed product are the same.
    const uint64_t a = (uint64_t)coeff_a, b = (uint64_t)coeff_b;
    // The constant is added by party 0 only, so that the shares sum to c once; it sits at 2f
    // bits like the other two terms before the second truncation.
    const uint64_t c2f = party == 0 ? (uint64_t)coeff_c << frac_bits : 0;
poly:
    for (int i0 = 0; i0 < n; i0 += POLY_LANES) {
        HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=32768)
        HLS_PRAGMA(PIPELINE II=POLY_II)
        for (int l = 0; l < POLY_LANES; l++) {
            HLS_PRAGMA(UNROLL)
            int i = i0 + l;
            if (i < n) {
                const uint64_t ei = e[i];
                // Square with a square pair (Square.java): x^2 = (e + s)^2 = e^2 + 2 e s + s^2;
                // e is public, so e^2 is added once (party 0), the rest are shares.
                uint64_t z = ss[i] + 2 * ei * s[i];
                if (party == 0) z += ei * ei;
                const uint64_t t = trunc_share(party, z, frac_bits);
                const uint64_t v = a * t + b * x[i] + c2f;
                y[i] = trunc_share(party, v, frac_bits);
            }
        }
    }
}

} // extern "C"
