package org.polympcnet.perfmodel.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCalibrationTest {
    @Test
    void jsonRoundTrip(@TempDir Path dir) throws Exception {
        CpuCalibration c = TestCalibration.fixed();
        Path f = dir.resolve("cal.json");
        Files.writeString(f, c.toJson());
        CpuCalibration back = CpuCalibration.read(f);
        for (CpuPrimitive p : CpuPrimitive.values()) {
            for (int n : new int[] {1, 300, 5000, 1 << 22}) assertEquals(c.nanos(p, n, n), back.nanos(p, n, n), 1e-9);
        }
        assertEquals(c.handoffNs(), back.handoffNs());
        assertEquals(c.opRoundTripNs(), back.opRoundTripNs());
    }

    @Test
    void startOverheadIsTheRoundTripBeyondOneModelledFlight() {
        CpuCalibration c = TestCalibration.fixed();
        // 45 us round trip - 20 us hand-off - 8 bytes at 0.4 ns = 24.9968 us.
        assertEquals(45_000 - 20_000 - 8 * 0.4, c.startOverheadNs(), 1e-9);
        CpuCalibration fast = new CpuCalibration("m", "d", c.sizes(), c.nsPerUnit(), 20_000, 10_000);
        assertEquals(0, fast.startOverheadNs()); // never negative
    }

    @Test
    void aCalibrationOfTheOldSchemaIsRefused(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("old.json");
        Files.writeString(old, TestCalibration.fixed().toJson().replace(CpuCalibration.SCHEMA, "polympcnet-cpu-calibration/1"));
        String msg = assertThrows(IllegalArgumentException.class, () -> CpuCalibration.read(old)).getMessage();
        assertTrue(msg.contains("old.json") && msg.contains("calibrate again"), msg);
        Path noTrip = dir.resolve("notrip.json");
        Files.writeString(noTrip, TestCalibration.fixed().toJson().replace("\"opRoundTripNs\"", "\"x\""));
        msg = assertThrows(IllegalArgumentException.class, () -> CpuCalibration.read(noTrip)).getMessage();
        assertTrue(msg.contains("opRoundTripNs"), msg);
    }

    @Test
    void aCalibrationWithoutTheFixedKeyAesPrimitiveNamesFileAndPrimitive(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("before-fss.json");
        String json = TestCalibration.fixed().toJson();
        // The file as calibrate wrote it before the primitive existed: neither its figures nor its unit.
        String without = json.replaceAll("(?s),\\s*\"fixed_key_aes\"\\s*:\\s*\\[[^\\]]*\\]", "")
                .replaceAll(",\\s*\"fixed_key_aes\"\\s*:\\s*\"[^\"]*\"", "");
        assertTrue(!without.contains("fixed_key_aes") && without.length() < json.length(), without);
        Files.writeString(old, without);
        String msg = assertThrows(IllegalArgumentException.class, () -> CpuCalibration.read(old)).getMessage();
        assertTrue(msg.contains(old.toString()) && msg.contains("fixed_key_aes") && msg.contains("calibrate again"), msg);
    }

    @Test
    void theFixedKeyAesBenchmarkRunsAndIsPriced() {
        CpuCalibration c = CpuMicrobenchmarks.run(new CpuMicrobenchmarks.Options(new int[] {1 << 8, 1 << 10}, 2, 0.5, 2, 16, 11), null);
        for (int i = 0; i < 2; i++) assertTrue(c.nsPerUnit().get(CpuPrimitive.FIXED_KEY_AES)[i] > 0);
        CpuProfile cpu = new CpuProfile(c);
        double t = cpu.computeSeconds(new org.polympcnet.perfmodel.cost.Step(org.polympcnet.perfmodel.cost.EngineKind.FSS,
                org.polympcnet.perfmodel.cost.Work.aesBlocks(1 << 10), false, 0, null, 1 << 10));
        assertEquals(c.nanos(CpuPrimitive.FIXED_KEY_AES, 1 << 10, 1 << 10) * 1e-9, t, 1e-15);
    }

    @Test
    void macBenchmarkShapesAreAboutSquareAndExact() {
        for (int size : new int[] {256, 512, 1 << 12, 1 << 19, 1 << 20, 1000, 97}) {
            int k = CpuMicrobenchmarks.macInner(size);
            assertEquals(0, size % k);
            assertTrue((long) k * k <= size, "k=" + k + " at " + size);
        }
        assertEquals(16, CpuMicrobenchmarks.macInner(256));
        assertEquals(512, CpuMicrobenchmarks.macInner(1 << 19));
        assertEquals(16.0 * (1 << 16), CpuMicrobenchmarks.units(CpuPrimitive.MAC, 1 << 16));
    }

    @Test
    void interpolatedTimeNeverFallsAsSizeGrows() {
        CpuCalibration c = TestCalibration.fixed();
        for (CpuPrimitive p : CpuPrimitive.values()) {
            double prev = 0;
            for (int n = 1; n < 1 << 21; n += 1 + n / 7) {
                double t = c.nanos(p, n, n);
                assertTrue(t >= prev, p + " at " + n);
                prev = t;
            }
        }
        // At a measured size, exactly the measured ns per unit.
        assertEquals(4096 * 2.0, c.nanos(CpuPrimitive.AND_WORD, 4096, 4096), 1e-9);
    }

    @Test
    void errorsNameTheFileAndField(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuCalibration.read(missing)).getMessage().contains("none.json"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, TestCalibration.fixed().toJson().replace("\"and_word\"", "\"nand_word\""));
        String msg = assertThrows(IllegalArgumentException.class, () -> CpuCalibration.read(bad)).getMessage();
        assertTrue(msg.contains("bad.json") && msg.contains("nsPerUnit.and_word"), msg);
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "{oops");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuCalibration.read(notJson)).getMessage().contains("not valid JSON"));
    }

    @Test
    void runQueueDelayNeverFalls() throws Exception {
        long a = RunQueueDelay.nanos();
        Thread.sleep(2);
        long b = RunQueueDelay.nanos();
        assertTrue(a >= 0 && b >= a);
        assertEquals(120_000, RunQueueDelay.tolerated(2_000_000, 0.05));
    }

    @Test
    void quickMicrobenchmarksMeasureEveryPrimitive() {
        long t0 = System.nanoTime();
        CpuCalibration c = CpuMicrobenchmarks.run(CpuMicrobenchmarks.Options.quick(), null);
        for (CpuPrimitive p : CpuPrimitive.values()) assertTrue(c.nanos(p, 1, 256) > 0, p.key());
        assertTrue(c.handoffNs() > 0 && c.opRoundTripNs() > 0);
        System.out.printf("quick calibration in %.2f s: and_word %.2f ns, handoff %.1f us%n", (System.nanoTime() - t0) / 1e9,
                c.nanos(CpuPrimitive.AND_WORD, 1, 4096), c.handoffNs() / 1e3);
    }
}
