package org.polympcnet.cli;

import java.io.IOException;
import java.io.Writer;
import org.polympcnet.protocols.ring.BitSlice;
import org.polympcnet.protocols.ring.FixedPoint;

/** Writes party 1's reconstructed result: one value a line, in input order. */
final class ResultFile {
    private ResultFile() {}

    /** Ring results as exact decimals; bit results (DReLU) as 0 or 1. */
    static void write(Writer w, OpKind op, FixedPoint fp, long[] revealed, int n) throws IOException {
        StringBuilder line = new StringBuilder(48);
        for (int i = 0; i < n; i++) {
            line.setLength(0);
            if (op.bitOutput()) line.append(BitSlice.get(revealed, 0, i) ? '1' : '0');
            else line.append(fp.formatExact(revealed[i]));
            line.append('\n');
            w.append(line);
        }
    }
}
