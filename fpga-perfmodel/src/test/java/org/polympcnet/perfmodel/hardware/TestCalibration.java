package org.polympcnet.perfmodel.hardware;

import java.util.EnumMap;
import java.util.Map;

/** A fixed, made-up calibration: tests of the cpu profile must not depend on this machine's speed. */
public final class TestCalibration {
    private TestCalibration() {}

    public static CpuCalibration fixed() {
        int[] sizes = {256, 4096, 65536, 1 << 20};
        Map<CpuPrimitive, double[]> ns = new EnumMap<>(CpuPrimitive.class);
        ns.put(CpuPrimitive.TRANSPOSE, new double[] {400, 350, 360, 380});
        ns.put(CpuPrimitive.BIT_WORD, new double[] {1.5, 1.0, 1.2, 2.0});
        ns.put(CpuPrimitive.AND_WORD, new double[] {2.5, 2.0, 2.2, 3.0});
        ns.put(CpuPrimitive.RING_OP, new double[] {1.5, 1.0, 1.2, 2.0});
        ns.put(CpuPrimitive.RING_MULT, new double[] {2.0, 1.5, 1.6, 2.5});
        ns.put(CpuPrimitive.MAC, new double[] {0.6, 0.5, 0.6, 1.0});
        ns.put(CpuPrimitive.CHANNEL_BYTE, new double[] {0.4, 0.3, 0.3, 0.5});
        ns.put(CpuPrimitive.AES_BLOCK, new double[] {3, 2, 2, 3});
        ns.put(CpuPrimitive.FIXED_KEY_AES, new double[] {6, 5, 5, 5.5});
        return new CpuCalibration("test machine", "2026-01-01T00:00:00Z", sizes, ns, 20_000, 45_000);
    }

    public static CpuProfile profile() {
        return new CpuProfile(fixed());
    }
}
