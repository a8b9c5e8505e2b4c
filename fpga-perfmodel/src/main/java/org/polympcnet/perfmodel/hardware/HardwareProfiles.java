package org.polympcnet.perfmodel.hardware;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Hardware profiles by name, as the commands (perfmodel, the trainer's) take them: "zcu104"
 * (engine parameters from hls/engines.properties unless a file is given, clock from them unless
 * given) or "cpu" (which needs a calibration file from {@code polympc calibrate}).
 */
public final class HardwareProfiles {
    private HardwareProfiles() {}

    /**
     * @param calibration the cpu calibration file (required for cpu, refused for zcu104)
     * @param engines an engines.properties file, or null for the build's copy (zcu104 only)
     * @param clockMhz the programmable-logic clock, or null for clock_mhz (zcu104 only)
     */
    public static HardwareProfile of(String name, Path calibration, Path engines, Double clockMhz) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "cpu":
                if (calibration == null) throw new IllegalArgumentException("hardware cpu needs a calibration file (polympc calibrate --out FILE.json)");
                if (engines != null || clockMhz != null) throw new IllegalArgumentException("engine parameters and clock are for zcu104, not cpu");
                return new CpuProfile(CpuCalibration.read(calibration));
            case "zcu104": {
                if (calibration != null) throw new IllegalArgumentException("a calibration is for hardware cpu, not zcu104");
                EngineParameters p = engines == null ? EngineParameters.standard() : EngineParameters.load(engines);
                if (clockMhz != null) p = p.withClockMhz(clockMhz);
                return new Zcu104(p, Allocation.standard(p));
            }
            default:
                throw new IllegalArgumentException("unknown hardware '" + name + "': use zcu104 or cpu");
        }
    }
}
