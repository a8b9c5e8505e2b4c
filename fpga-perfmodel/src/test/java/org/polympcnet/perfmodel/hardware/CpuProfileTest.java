package org.polympcnet.perfmodel.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.polympcnet.perfmodel.cost.EngineKind;
import org.polympcnet.perfmodel.cost.OpCost;
import org.polympcnet.perfmodel.cost.OpCosts;
import org.polympcnet.perfmodel.cost.Step;
import org.polympcnet.perfmodel.cost.Work;
import org.polympcnet.protocols.ops.Truncation;

/** The cpu profile prices a step at the benchmark size whose working set equals the step's op's. */
class CpuProfileTest {
    private final CpuCalibration cal = TestCalibration.fixed();
    private final CpuProfile cpu = new CpuProfile(cal);

    @Test
    void aStepIsPricedWhereTheBenchmarksWorkingSetEqualsItsOps() {
        long n = 4096;
        Work w = Work.ringOps(3 * n);
        Step alone = new Step(EngineKind.POLY, w, false, 0, null, n);
        // No footprint known: the loop's length, as before.
        assertEquals(cal.nanos(CpuPrimitive.RING_OP, 3 * n, n) * 1e-9, cpu.computeSeconds(alone), 1e-15);
        // An op touching 100 arrays of n: the subtraction benchmark (a, b -> r: 24 bytes an element) at 100 n / 3.
        long footprint = 100 * 8 * n;
        Step inOp = new Step(EngineKind.POLY, w, false, 0, null, n, footprint);
        assertEquals(cal.nanos(CpuPrimitive.RING_OP, 3 * n, footprint / 24) * 1e-9, cpu.computeSeconds(inOp), 1e-15);
        assertTrue(cpu.computeSeconds(inOp) > cpu.computeSeconds(alone), "the fixed calibration is slower beyond 4096");
        // A footprint smaller than the loop's benchmark working set never prices below the loop's length.
        Step small = new Step(EngineKind.POLY, w, false, 0, null, n, 8);
        assertEquals(cpu.computeSeconds(alone), cpu.computeSeconds(small), 1e-15);
    }

    @Test
    void eachPrimitiveUsesItsOwnBenchmarksWorkingSet() {
        Step s = new Step(EngineKind.RELU, Work.NONE, true, 800, null, 100, 3_200_000);
        assertEquals(100_000, CpuProfile.size(CpuPrimitive.RING_MULT, s, 100)); // a, b, c -> r: 32 bytes
        assertEquals(133_333, CpuProfile.size(CpuPrimitive.CHANNEL_BYTE, s, 100)); // array, copy, received: 24 bytes
        assertEquals(66_666, CpuProfile.size(CpuPrimitive.AND_WORD, s, 100)); // five inputs and z: 48 bytes
        assertEquals((cal.handoffNs() + cal.nanos(CpuPrimitive.CHANNEL_BYTE, 800, 133_333)) * 1e-9, cpu.flightSeconds(s), 1e-15);
    }

    @Test
    void aBeaverProductLeavesTheCacheSoonerThanASquare() {
        // Per element, a product costs more at 2^16 than at 2^10 (its working set passes the
        // calibration's 65536-element point sooner), and more so than a square.
        double mult = perElement(OpCosts.mult(Truncation.Mode.LOCAL, 1 << 16, 16)) / perElement(OpCosts.mult(Truncation.Mode.LOCAL, 1 << 10, 16));
        double square = perElement(OpCosts.square(Truncation.Mode.LOCAL, 1 << 16, 16)) / perElement(OpCosts.square(Truncation.Mode.LOCAL, 1 << 10, 16));
        assertTrue(mult > 1 && mult > square, "mult " + mult + ", square " + square);
    }

    private double perElement(OpCost c) {
        double s = 0;
        for (Step st : c.steps()) s += cpu.computeSeconds(st);
        return s / c.elements();
    }
}
