package org.polympcnet.perfmodel.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareProfilesTest {
    @Test
    void zcu104AtAnotherClock() {
        Zcu104 z = (Zcu104) HardwareProfiles.of("ZCU104", null, null, 250.0);
        assertEquals(250.0, z.parameters().clockMhz());
        assertEquals(EngineParameters.standard().reluWordLanes(), z.allocation().reluLanes());
    }

    @Test
    void cpuFromACalibrationFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("cal.json"), TestCalibration.fixed().toJson());
        assertEquals("cpu", HardwareProfiles.of("cpu", f, null, null).name());
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HardwareProfiles.of("cpu", null, null, null)).getMessage().contains("calibration"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HardwareProfiles.of("gpu", null, null, null)).getMessage().contains("gpu"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HardwareProfiles.of("zcu104", Path.of("x.json"), null, null))
                .getMessage().contains("cpu"));
    }
}
