package org.polympcnet.perfmodel.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.polympcnet.perfmodel.TestNetworks;
import org.polympcnet.perfmodel.cost.LayerCosts;
import org.polympcnet.perfmodel.hardware.Zcu104;
import org.polympcnet.protocols.net.NetworkProfile;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.ops.Truncation;

class DesignSpaceSweepTest {
    private static final DesignSpaceSweep.Grid SMALL = new DesignSpaceSweep.Grid(new int[] {1, 2}, new int[] {8, 16}, new int[] {1, 2},
            new int[] {16, 64}, new int[] {1, 2}, new int[] {8, 32}, new int[] {1024, 65536});

    @Test
    void bestAllocationFitsAndIsNoSlowerThanTheStandardOne() {
        Model m = TestNetworks.mnistCnn();
        LayerCosts costs = new LayerCosts(m, 1, Truncation.Mode.LOCAL, 16);
        Zcu104 base = Zcu104.standard();
        long t0 = System.nanoTime();
        DesignSpaceSweep.Result r = DesignSpaceSweep.sweep(base, SMALL,
                board -> new CryptoScheduler(board, NetworkProfile.LAN).schedule(Workload.ofModel(costs)));
        assertTrue(r.best().feasible());
        assertTrue(r.best().resources().fitsIn(Zcu104.BUDGET));
        assertNotNull(r.standard());
        assertTrue(r.best().latencySeconds() <= r.standard().latencySeconds());
        for (DesignSpaceSweep.Point p : r.points()) {
            if (p.feasible()) assertTrue(p.latencySeconds() >= r.best().latencySeconds());
            else assertFalse(p.resources().fitsIn(Zcu104.BUDGET));
        }
        assertTrue(r.points().stream().anyMatch(p -> !p.feasible()), "the grid should reach past the budget");
        CryptoSchedulerTest.assertValid(r.bestSchedule());
        System.out.printf("sweep of %d allocations in %.2f s: best %s at %.3f ms, standard %.3f ms%n", r.points().size(),
                (System.nanoTime() - t0) / 1e9, r.best().allocation().describe(), r.best().latencySeconds() * 1e3,
                r.standard().latencySeconds() * 1e3);
    }

    @Test
    void theSweepAllocatesAesCoresForAnFssWorkload() {
        LayerCosts costs = new LayerCosts(TestNetworks.mnistCnn(), 1, Truncation.Mode.LOCAL, 16)
                .withComparison(org.polympcnet.perfmodel.cost.ComparisonProtocols.of("fss-dcf"));
        DesignSpaceSweep.Grid grid = new DesignSpaceSweep.Grid(new int[] {1}, new int[] {8}, new int[] {1}, new int[] {16}, new int[] {1},
                new int[] {8}, new int[] {4096}, new int[] {1, 2}, new int[] {1, 4});
        Zcu104 base = Zcu104.standard();
        DesignSpaceSweep.Result r = DesignSpaceSweep.sweep(base, grid,
                board -> new CryptoScheduler(board, NetworkProfile.LAN).schedule(Workload.ofModel(costs)));
        // 4 FSS candidates (the standard allocation is one of them or joins them).
        assertTrue(r.points().stream().map(p -> p.allocation().fssEngines() + "x" + p.allocation().aesCores()).distinct().count() >= 4);
        double oneCore = latency(r, 1, 1), fourCores = latency(r, 1, 4);
        assertTrue(fourCores < oneCore, "4 AES cores " + fourCores + " s, 1 core " + oneCore + " s");
        assertTrue(r.best().allocation().aesCores() * r.best().allocation().fssEngines() > 1, r.best().allocation().describe());
        CryptoSchedulerTest.assertValid(r.bestSchedule());
        // Without FSS values every candidate keeps the base board's FSS engine.
        for (var a : SMALL.allocations(base.allocation())) assertTrue(a.aesCores() == base.allocation().aesCores() && a.fssEngines() == 1);
    }

    private static double latency(DesignSpaceSweep.Result r, int engines, int cores) {
        return r.points().stream().filter(p -> p.allocation().fssEngines() == engines && p.allocation().aesCores() == cores && p.feasible())
                .mapToDouble(DesignSpaceSweep.Point::latencySeconds).min().orElseThrow();
    }
}
