package org.polympcnet.protocols.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BitSliceTest {
    @Test
    void transposeMatchesTheNaiveDefinition() {
        SplittableRandom rnd = new SplittableRandom(1);
        long[] a = new long[64];
        for (int i = 0; i < 64; i++) a[i] = rnd.nextLong();
        long[] t = a.clone();
        BitSlice.transpose64(t, 0);
        for (int j = 0; j < 64; j++) {
            for (int k = 0; k < 64; k++) {
                assertEquals((a[k] >>> j) & 1, (t[j] >>> k) & 1, "bit " + k + " of row " + j);
            }
        }
    }

    /** At an offset (as KK13 and slicing call it): the block transposed, its neighbours untouched, twice is the identity. */
    @Test
    void transposeAtAnOffsetTouchesOnlyItsBlock() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int off : new int[] {1, 64, 197}) {
            long[] a = new long[off + 64 + 7];
            for (int i = 0; i < a.length; i++) a[i] = rnd.nextLong();
            long[] t = a.clone();
            BitSlice.transpose64(t, off);
            for (int i = 0; i < a.length; i++) if (i < off || i >= off + 64) assertEquals(a[i], t[i], "word " + i + " outside the block");
            for (int j = 0; j < 64; j++) {
                for (int k = 0; k < 64; k++) {
                    assertEquals((a[off + k] >>> j) & 1, (t[off + j] >>> k) & 1, "off " + off + ": bit " + k + " of row " + j);
                }
            }
            BitSlice.transpose64(t, off);
            assertArrayEquals(a, t);
        }
    }

    @Test
    void sliceThenUnsliceIsTheIdentityForAwkwardSizes() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int n : new int[] {1, 2, 63, 64, 65, 1000}) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) v[i] = rnd.nextLong();
            long[] planes = BitSlice.slice(v, n, 64);
            assertEquals(64 * BitSlice.words(n), planes.length);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 64; j += 21) {
                    assertEquals(((v[i] >>> j) & 1) == 1, BitSlice.get(planes, j * BitSlice.words(n), i));
                }
            }
            assertArrayEquals(v, BitSlice.unslice(planes, 64, n));
        }
    }

    @Test
    void wireBytesRoundUpToWholeBytes() {
        assertEquals(1, BitSlice.wireBytes(1));
        assertEquals(8, BitSlice.wireBytes(64));
        assertEquals(9, BitSlice.wireBytes(65));
        long[] b = {-1L, -1L};
        BitSlice.clearPadding(b, 0, 65);
        assertArrayEquals(new long[] {-1L, 1L}, b);
    }
}
