package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polympcnet.protocols.ring.FixedPoint;

class NumberFileTest {
    @TempDir
    Path dir;

    @Test
    void skipsBlankAndCommentLinesAndRoundsHalfAwayFromZero() throws Exception {
        Path f = dir.resolve("x.txt");
        Files.writeString(f, "# header\r\n\r\n 1.5 \r\n-0.5\n  # indented comment\n0.0000076293945312\n-0.0000076293945313\n1e-30\n+2\n.25\n");
        FixedPoint fp = new FixedPoint(16);
        long[] v = NumberFile.read(f, fp, InputRule.ANY);
        assertArrayEquals(new long[] {98304, -32768, 0, -1, 0, 131072, 16384}, v);
    }

    @Test
    void errorsNameFileAndLine() throws Exception {
        Path f = dir.resolve("x.txt");
        Files.writeString(f, "1\n\n#c\n1,5\n");
        CliException e = assertThrows(CliException.class, () -> NumberFile.read(f, new FixedPoint(16), InputRule.ANY));
        assertEquals(f + ":4: '1,5' is not a number", e.getMessage());
    }

    @Test
    void rangeDependsOnFracBits() throws Exception {
        Path f = dir.resolve("x.txt");
        Files.writeString(f, "4294967296\n");
        assertEquals(1L << 32, NumberFile.read(f, new FixedPoint(0), InputRule.ANY)[0]);
        assertThrows(CliException.class, () -> NumberFile.read(f, new FixedPoint(40), InputRule.ANY));
    }
}
