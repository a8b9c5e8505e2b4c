package org.polympcnet.perfmodel.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model reads the same engine parameters as the HLS kernels: hls/engines.properties. */
class EngineParametersTest {
    static final Path SHARED = Path.of("..", "hls", "engines.properties");

    @Test
    void classpathCopyIsTheSharedFile() {
        assertEquals(EngineParameters.load(SHARED), EngineParameters.standard());
    }

    @Test
    void readsEveryKey() {
        EngineParameters p = EngineParameters.standard();
        assertTrue(p.clockMhz() > 0 && p.reluWordLanes() > 0 && p.polyMultipliers() > 0 && p.matmulRows() > 0);
    }

    @Test
    void missingKeyNamesFileAndKey(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("engines.properties");
        Files.writeString(f, Files.readString(SHARED).replaceAll("(?m)^poly_multipliers=.*$", ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineParameters.load(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("poly_multipliers"), e.getMessage());
    }

    @Test
    void badValueNamesKey(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("engines.properties");
        Files.writeString(f, Files.readString(SHARED).replaceAll("(?m)^relu_word_lanes=.*$", "relu_word_lanes=many"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineParameters.load(f));
        assertTrue(e.getMessage().contains("relu_word_lanes=many"), e.getMessage());
    }
}
