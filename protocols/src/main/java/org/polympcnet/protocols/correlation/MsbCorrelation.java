package org.polympcnet.protocols.correlation;

/**
 * Everything the MSB of a 64-bit shared value needs: cross ANDs for the generate bits of the low
 * 63 positions, then one {@link CombineTriples} per level of the carry tree that reduces 63
 * (G, P) leaves to the carry into bit 63.
 */
public final class MsbCorrelation extends Correlation {
    /** Bits below the MSB whose carry we need. */
    public static final int LEAVES = 63;

    public final int n;
    public final CrossAnd cross;
    public final CombineTriples[] levels;

    public MsbCorrelation(int n, CrossAnd cross, CombineTriples[] levels) {
        this.n = n;
        this.cross = cross;
        this.levels = levels;
    }

    /** Combines per level when pairing groups from the bottom; an odd top group passes up alone. */
    public static int[] combinesPerLevel(int leaves) {
        int levels = 0;
        for (int g = leaves; g > 1; g = (g + 1) / 2) levels++;
        int[] r = new int[levels];
        int g = leaves;
        for (int l = 0; l < levels; l++) {
            r[l] = g / 2;
            g = (g + 1) / 2;
        }
        return r;
    }
}
