package org.polympcnet.perfmodel.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polympcnet.perfmodel.TestNetworks;
import org.polympcnet.perfmodel.hardware.HardwareProfile;
import org.polympcnet.perfmodel.hardware.TestCalibration;
import org.polympcnet.perfmodel.hardware.Zcu104;
import org.polympcnet.protocols.net.NetworkProfile;

class LatencyTableTest {
    private static final List<HardwareProfile> HW = List.of(Zcu104.standard(), TestCalibration.profile());
    private static final List<NetworkProfile> NETS = List.of(NetworkProfile.NONE, NetworkProfile.LAN, NetworkProfile.WAN);

    @Test
    void activationLatencyIsMonotoneInLayerSize() {
        for (HardwareProfile hw : HW) {
            for (NetworkProfile net : NETS) {
                for (String kind : LatencyTable.ACTIVATION_CHOICES) {
                    double prev = 0;
                    for (int n = 1; n <= 1 << 17; n += 1 + n / 3) {
                        double s = LatencyTable.activationSeconds(hw, net, kind, n);
                        assertTrue(s >= prev, hw.name() + " " + net.name() + " " + kind + " at n=" + n + ": " + s + " < " + prev);
                        prev = s;
                    }
                }
            }
        }
    }

    @Test
    void poolLatencyIsMonotoneInLayerSize() {
        for (HardwareProfile hw : HW) {
            for (String kind : LatencyTable.POOL_CHOICES) {
                double prev = 0;
                for (int side = 2; side <= 64; side += 2) {
                    double s = LatencyTable.poolSeconds(hw, NetworkProfile.LAN, kind, new int[] {8, side, side}, 2, 2);
                    assertTrue(s >= prev, hw.name() + " " + kind + " at side " + side);
                    prev = s;
                }
            }
        }
    }

    @Test
    void tableHasAChoiceForEveryActivationAndPool() {
        for (HardwareProfile hw : HW) {
            LatencyTable t = LatencyTable.forModel(TestNetworks.mnistCnn(), hw, NetworkProfile.LAN);
            assertEquals(List.of("r1", "p1", "r2", "p2", "r3"), List.copyOf(t.entries().keySet()));
            assertEquals(8 * 28 * 28, t.entry("r1").elements());
            for (String act : List.of("r1", "r2", "r3")) {
                // PolyMPCNet's premise: the polynomial is cheaper than the 2P-ReLU it replaces.
                assertTrue(t.seconds(act, "poly") < t.seconds(act, "relu"), hw.name() + " " + act);
            }
            for (String pool : List.of("p1", "p2")) assertTrue(t.seconds(pool, "avg") < t.seconds(pool, "max"), hw.name() + " " + pool);
            System.out.printf("%s/lan: r1 relu %.3f ms poly %.3f ms; p1 max %.3f ms avg %.3f ms%n", hw.name(),
                    t.seconds("r1", "relu") * 1e3, t.seconds("r1", "poly") * 1e3, t.seconds("p1", "max") * 1e3, t.seconds("p1", "avg") * 1e3);
        }
    }
}
