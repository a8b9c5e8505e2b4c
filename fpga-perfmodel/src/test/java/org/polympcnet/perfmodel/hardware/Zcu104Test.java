package org.polympcnet.perfmodel.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polympcnet.perfmodel.cost.EngineKind;
import org.polympcnet.perfmodel.cost.MatShape;
import org.polympcnet.perfmodel.cost.Step;
import org.polympcnet.perfmodel.cost.Work;

class Zcu104Test {
    private static final EngineParameters P = new EngineParameters(200, 16, 1, 8, 1, 8, 8, 1, 8, 600, 160);

    @Test
    void standardAllocationFitsTheBoard() {
        Zcu104 z = Zcu104.standard();
        assertTrue(z.feasible(), z.resources() + " vs " + z.budget());
        assertEquals(List.of("relu0"), z.units(EngineKind.RELU));
    }

    @Test
    void resourcesFollowTheEngineParameters() {
        Zcu104 z = new Zcu104(P, new Allocation(1, 8, 8, 2, 16, 1, 8, 1024));
        Resources r = z.resources();
        assertEquals(64 * 8 + 8 * 8, r.dsp());
        assertEquals(64 * 600 + 2 * 16 * 160 + 8 * 600, r.lut());
        assertEquals(List.of("relu0", "relu1"), z.units(EngineKind.RELU));
    }

    @Test
    void tooManyMultipliersDoNotFit() {
        Zcu104 z = new Zcu104(P, new Allocation(2, 16, 16, 1, 16, 1, 8, 1024)); // 512 ring MACs x 8 DSP
        assertFalse(z.feasible());
        assertTrue(z.resources().excessOver(z.budget()).get(0).startsWith("DSP"));
    }

    @Test
    void bigTilesRunOutOfOnChipMemory() {
        Zcu104 z = new Zcu104(P, new Allocation(1, 8, 8, 4, 16, 2, 8, 1 << 16));
        assertFalse(z.feasible());
    }

    @Test
    void cyclesOfEachEngine() {
        Zcu104 z = new Zcu104(P, new Allocation(1, 8, 8, 1, 16, 1, 8, 1024));
        // Polynomial engine: 8 multipliers, one product each a cycle; adds are pipelined alongside.
        assertEquals(1000, z.cycles(new Step(EngineKind.POLY, Work.ringMults(8000).plus(Work.ringOps(4000)), false, 0, null, 8000)));
        // ReLU engine: 16 word lanes; a transpose streams 64 words.
        assertEquals(64, z.cycles(new Step(EngineKind.RELU, Work.andWords(1000).plus(Work.transposes(16)), false, 0, null, 1024)));
        // Linear engine: an 8 x 8 array, output-stationary: a 16 x 8 result is two blocks of k + 16 cycles, twice (two products).
        MatShape s = new MatShape(16, 20, 8);
        assertEquals(2 * 2 * (20 + 16), z.cycles(new Step(EngineKind.LINEAR, Work.macs(2 * s.macs()), false, 0, s, 128)));
        assertEquals(1000 / 200e6, z.computeSeconds(new Step(EngineKind.POLY, Work.ringMults(8000), false, 0, null, 8000)), 1e-15);
    }
}
