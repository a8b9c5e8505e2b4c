// The send half of every arithmetic opening: see ring_mask.h.
#include "ring_mask.h"

extern "C" {

void ring_mask(int n, const uint64_t* x, const uint64_t* a, uint64_t* e) {
    HLS_PRAGMA(INTERFACE m_axi port=x offset=slave bundle=gmem0)
    HLS_PRAGMA(INTERFACE m_axi port=a offset=slave bundle=gmem1)
    HLS_PRAGMA(INTERFACE m_axi port=e offset=slave bundle=gmem2)
    HLS_PRAGMA(INTERFACE s_axilite port=n)
    HLS_PRAGMA(INTERFACE s_axilite port=return)
    // Masking with the correlation's uniform share makes e uniform: safe to send.
mask:
    for (int i0 = 0; i0 < n; i0 += RING_MASK_LANES) {
        HLS_PRAGMA(LOOP_TRIPCOUNT min=1 max=32768)
        HLS_PRAGMA(PIPELINE II=POLY_II)
        for (int l = 0; l < RING_MASK_LANES; l++) {
            HLS_PRAGMA(UNROLL)
            int i = i0 + l;
            if (i < n) e[i] = x[i] - a[i];
        }
    }
}

} // extern "C"
