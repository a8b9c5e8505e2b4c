package org.polympcnet.perfmodel.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polympcnet.perfmodel.TestNetworks;
import org.polympcnet.perfmodel.cost.LayerCosts;
import org.polympcnet.perfmodel.cost.OpCost;
import org.polympcnet.perfmodel.cost.OpCosts;
import org.polympcnet.perfmodel.cost.Step;
import org.polympcnet.perfmodel.hardware.Allocation;
import org.polympcnet.perfmodel.hardware.CpuProfile;
import org.polympcnet.perfmodel.hardware.HardwareProfile;
import org.polympcnet.perfmodel.hardware.TestCalibration;
import org.polympcnet.perfmodel.hardware.Zcu104;
import org.polympcnet.protocols.net.NetworkProfile;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.ops.Truncation;

class CryptoSchedulerTest {
    private static Schedule run(Model m, HardwareProfile hw, NetworkProfile net) {
        return new CryptoScheduler(hw, net).schedule(Workload.ofModel(new LayerCosts(m, 1, Truncation.Mode.LOCAL, 16)));
    }

    /** No unit runs two tasks at once, and no task starts before its inputs are ready. */
    static void assertValid(Schedule s) {
        Map<String, List<Slot>> byUnit = new HashMap<>();
        Map<Integer, Slot> byId = new HashMap<>();
        for (Slot slot : s.slots()) {
            byUnit.computeIfAbsent(slot.unit(), u -> new ArrayList<>()).add(slot);
            byId.put(slot.task().id(), slot);
            assertTrue(slot.task().pool().contains(slot.unit()), "task on a unit outside its pool");
            assertEquals(slot.task().busySeconds(), slot.end() - slot.start(), 1e-12);
        }
        for (List<Slot> slots : byUnit.values()) {
            slots.sort((a, b) -> Double.compare(a.start(), b.start()));
            for (int i = 1; i < slots.size(); i++) {
                assertTrue(slots.get(i).start() >= slots.get(i - 1).end() - 1e-15,
                        "overlap on " + slots.get(i).unit() + ": " + slots.get(i - 1) + " and " + slots.get(i));
            }
        }
        for (Slot slot : s.slots()) {
            for (int d : slot.task().deps()) {
                assertTrue(slot.start() >= byId.get(d).ready() - 1e-15, "task " + slot.task().id() + " starts before its input " + d);
            }
        }
    }

    @Test
    void zcu104ScheduleIsValidOnEveryNetworkProfile() {
        Zcu104 z = Zcu104.standard();
        Zcu104 two = z.withAllocation(new Allocation(2, 8, 8, 2, 16, 2, 8, 1024));
        for (Model m : List.of(TestNetworks.mnistCnn(), TestNetworks.residual())) {
            for (String net : List.of("none", "lan", "wan", "gbe")) {
                for (Zcu104 board : List.of(z, two)) {
                    Schedule s = run(m, board, NetworkProfile.parse(net));
                    assertValid(s);
                    assertTrue(s.makespan() > 0);
                    for (LayerTiming l : s.layers()) assertTrue(l.end() <= s.makespan() + 1e-15 && l.start() <= l.end());
                }
            }
        }
    }

    @Test
    void layersRespectTheirInputs() {
        Model m = TestNetworks.residual();
        Schedule s = run(m, Zcu104.standard(), NetworkProfile.LAN);
        // The residual sum waits for both its branches; every layer starts after its input layers' first results.
        assertTrue(s.layer("res").end() >= s.layer("b").end());
        assertTrue(s.layer("res").end() >= s.layer("r0").end());
        assertTrue(s.layer("fc").start() >= s.layer("p").end() - 1e-15);
        assertEquals(s.layer("p").end(), s.layer("f").end(), 0.0); // flatten does nothing
    }

    @Test
    void cpuRunsEverythingInOrderAsTheNetworkProfileProjects() {
        CpuProfile cpu = TestCalibration.profile();
        Model m = TestNetworks.mnistCnn();
        LayerCosts costs = new LayerCosts(m, 1, Truncation.Mode.LOCAL, 16);
        double compute = cpu.startSeconds(); // once for the whole inference, not per layer
        assertTrue(compute > 0);
        long rounds = 0, bytes = 0;
        for (int i = 0; i < m.layers.size(); i++) {
            OpCost c = costs.of(i);
            for (Step st : c.steps()) compute += cpu.computeSeconds(st) + cpu.flightSeconds(st);
            rounds += c.rounds();
            bytes += c.onlineBytes();
        }
        for (String net : List.of("none", "lan", "wan")) {
            NetworkProfile p = NetworkProfile.parse(net);
            Schedule s = run(m, cpu, p);
            assertValid(s);
            assertEquals(p.projectSeconds(compute, rounds, bytes), s.makespan(), 1e-9 * s.makespan(), net);
            assertEquals(List.of("cpu"), s.units().subList(0, 1));
        }
    }

    @Test
    void tilesOverlapFlightsWithCompute() {
        // A large ReLU over the WAN: one tile pays 8 round trips per tile in sequence; tiles pipeline them.
        int n = 1 << 16;
        Zcu104 z = Zcu104.standard();
        NetworkProfile wan = NetworkProfile.WAN;
        CryptoScheduler sch = new CryptoScheduler(z, wan);
        double whole = new CryptoScheduler(z.withAllocation(new Allocation(1, 8, 8, 1, 16, 1, 8, n)), wan)
                .schedule(Workload.ofOp("relu", OpCosts.relu(n), OpCosts::relu)).makespan();
        Schedule tiled = sch.schedule(Workload.ofOp("relu", OpCosts.relu(n), OpCosts::relu));
        assertValid(tiled);
        assertTrue(tiled.layers().get(0).tiles() >= 16);
        assertEquals(OpCosts.relu(n).onlineBytes(), tiled.onlineBytes(), 16.0 * 16); // bit padding per tile only
        assertTrue(tiled.makespan() < whole, tiled.makespan() + " vs " + whole);
        // Still at least the link's busy time plus one tile's rounds.
        assertTrue(tiled.makespan() >= 8 * wan.rttSeconds());
        System.out.printf("relu 2^16 on zcu104 over wan: whole %.2f ms, 16 tiles %.2f ms%n", whole * 1e3, tiled.makespan() * 1e3);
    }

    @Test
    void moreReluEnginesNeverSlowAReluNetwork() {
        Model m = TestNetworks.mnistCnn();
        Zcu104 one = Zcu104.standard().withAllocation(new Allocation(1, 8, 8, 1, 16, 1, 8, 1024));
        Zcu104 four = one.withAllocation(new Allocation(1, 8, 8, 4, 16, 1, 8, 1024));
        double a = run(m, one, NetworkProfile.NONE).makespan(), b = run(m, four, NetworkProfile.NONE).makespan();
        assertTrue(b <= a, b + " vs " + a);
    }
}
