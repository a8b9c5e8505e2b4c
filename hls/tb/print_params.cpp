// Prints, as key=value lines, the engine parameters the kernels are compiled with (the macros as
// the kernel headers see them). `make check-params` compares this with hls/engines.properties,
// the file the performance model reads: csim fails if kernels and model disagree.
#include <cstdio>

#include "poly_eval.h"
#include "relu_msb.h"
#include "ring_mask.h"
#include "ring_matmul.h"

int main() {
    std::printf("relu_word_lanes=%d\n", RELU_WORD_LANES);
    std::printf("relu_ii=%d\n", RELU_II);
    std::printf("poly_multipliers=%d\n", POLY_MULTIPLIERS);
    std::printf("poly_ii=%d\n", POLY_II);
    std::printf("matmul_rows=%d\n", MATMUL_ROWS);
    std::printf("matmul_cols=%d\n", MATMUL_COLS);
    std::printf("matmul_ii=%d\n", MATMUL_II);
    return 0;
}
