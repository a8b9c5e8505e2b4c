package org.polympcnet.protocols.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Ring64Test {
    @Test
    void arithmeticWrapsModuloTwoToThe64() {
        assertArrayEquals(new long[] {Long.MIN_VALUE}, Ring64.add(new long[] {Long.MAX_VALUE}, new long[] {1}));
        assertArrayEquals(new long[] {0}, Ring64.mul(new long[] {1L << 32}, new long[] {1L << 32}));
    }

    @Test
    void matmulOfSmallMatrices() {
        long[] a = {1, 2, 3, 4, 5, 6}; // 2x3
        long[] b = {7, 8, 9, 10, 11, 12}; // 3x2
        assertArrayEquals(new long[] {58, 64, 139, 154}, Ring64.matmul(a, b, 2, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Ring64.matmul(a, b, 3, 3, 2));
    }
}
