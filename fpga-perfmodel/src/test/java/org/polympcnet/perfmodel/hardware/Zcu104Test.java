package org.polympcnet.perfmodel.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polympcnet.perfmodel.cost.EngineKind;
import org.polympcnet.perfmodel.cost.MatShape;
import org.polympcnet.perfmodel.cost.Step;
import org.polympcnet.perfmodel.cost.Work;

class Zcu104Test {
    private static final EngineParameters P = new EngineParameters(200, 16, 1, 8, 1, 8, 8, 1, 8, 600, 160, 4, 1, 25_000, 0);

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
        assertEquals(64 * 600 + 2 * 16 * 160 + 8 * 600 + 25_000, r.lut()); // and one FSS engine of one AES core
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
    void fssEnginesAndAesCoresAreAllocatedAndPaidFor() {
        Allocation a = new Allocation(1, 8, 8, 1, 16, 1, 8, 1024).withFss(2, 4);
        Zcu104 z = new Zcu104(P, a);
        assertEquals(List.of("fss0", "fss1"), z.units(EngineKind.FSS));
        Resources base = new Zcu104(P, new Allocation(1, 8, 8, 1, 16, 1, 8, 1024)).resources();
        // One core in the base; two engines of four here, and a second engine's tile buffers (64 bytes an element, double-buffered).
        assertEquals(base.lut() + (2 * 4 - 1) * 25_000, z.resources().lut());
        assertEquals(base.memoryBits() + 2 * 1024 * 64 * 8, z.resources().memoryBits());
        // Four cores take four blocks a cycle.
        assertEquals(1270 / 4 + 1, z.cycles(new Step(EngineKind.FSS, Work.aesBlocks(1270), false, 0, null, 10)));
        assertTrue(Zcu104.standard().allocation().aesCores() >= 1);
        assertThrows(IllegalArgumentException.class, () -> z.cycles(new Step(EngineKind.FSS, Work.ringMults(1), false, 0, null, 1)));
        assertThrows(IllegalArgumentException.class, () -> z.cycles(new Step(EngineKind.RELU, Work.aesBlocks(1), false, 0, null, 1)));
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
        // FSS engine: 1 AES core here (the 8-argument allocation), a block a cycle, 4 words of XORs a cycle alongside.
        assertEquals(1270, z.cycles(new Step(EngineKind.FSS, Work.aesBlocks(1270).plus(Work.ringOps(5000)), false, 0, null, 10)));
        assertEquals(1500, z.cycles(new Step(EngineKind.FSS, Work.aesBlocks(1270).plus(Work.ringOps(6000)), false, 0, null, 10)));
        assertEquals(1000 / 200e6, z.computeSeconds(new Step(EngineKind.POLY, Work.ringMults(8000), false, 0, null, 8000)), 1e-15);
    }
}
