// The send half of an arithmetic opening with a correlation (a square pair for the polynomial,
// a matrix triple for the matmul): each party masks its share x_p with its share a_p of the
// correlation's uniform value, e_p = x_p - a_p, and sends it; both then know e = x - a, which is
// uniform and so reveals nothing about x.
#ifndef POLYMPC_RING_MASK_H
#define POLYMPC_RING_MASK_H

#include "hls_util.h"

// Elements masked per initiation interval: one subtractor a lane, as many lanes as the
// polynomial engine has element lanes (it sits in front of that engine; for a matmul the
// masking is O(mk + kn) next to the array's O(mkn) and is not the bottleneck).
#define RING_MASK_LANES (POLY_MULTIPLIERS / 4 > 0 ? POLY_MULTIPLIERS / 4 : 1)

extern "C" {

// e = x - a elementwise over n ring elements.
void ring_mask(int n, const uint64_t* x, const uint64_t* a, uint64_t* e);

} // extern "C"

#endif
