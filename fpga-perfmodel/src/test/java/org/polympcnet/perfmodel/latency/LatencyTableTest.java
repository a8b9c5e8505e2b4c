package org.polympcnet.perfmodel.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polympcnet.perfmodel.TestNetworks;
import org.polympcnet.perfmodel.cost.ComparisonCosts;
import org.polympcnet.perfmodel.cost.ComparisonProtocols;
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
    void reluLatencyIsMonotoneInLayerSizeForEveryComparisonProtocol() {
        for (String protocol : ComparisonProtocols.names()) {
            ComparisonCosts c = ComparisonProtocols.of(protocol);
            for (HardwareProfile hw : HW) {
                for (NetworkProfile net : NETS) {
                    double prev = 0;
                    for (int n = 1; n <= 1 << 17; n += 1 + n / 3) {
                        double s = LatencyTable.activationSeconds(hw, net, "relu", n, c);
                        assertTrue(s >= prev, protocol + " " + hw.name() + " " + net.name() + " at n=" + n + ": " + s + " < " + prev);
                        prev = s;
                    }
                }
                double prev = 0;
                for (int side = 2; side <= 64; side += 2) {
                    double s = LatencyTable.poolSeconds(hw, NetworkProfile.LAN, "max", new int[] {8, side, side}, 2, 2, c);
                    assertTrue(s >= prev, protocol + " " + hw.name() + " max pool at side " + side);
                    prev = s;
                }
            }
        }
    }

    /**
     * FSS's one round against the carry tree's eight on lan: wherever FSS's own work (its latency
     * with no network) and its one round trip take less than the round trips of the GMW ReLU, FSS
     * must be faster; the relation is asserted only there (small layers). Where AES work or
     * bandwidth dominate it may flip, and is only printed.
     */
    @Test
    void onLanFssBeatsTheCarryTreeWhereItsWorkIsLessThanTheRoundsItSaves() {
        ComparisonCosts gmw = ComparisonProtocols.of("gmw-carry-tree"), fss = ComparisonProtocols.of("fss-dcf");
        double rtt = NetworkProfile.LAN.rttSeconds();
        for (HardwareProfile hw : HW) {
            int checked = 0;
            for (int n = 1; n <= 1 << 16; n *= 4) {
                double g = LatencyTable.activationSeconds(hw, NetworkProfile.LAN, "relu", n, gmw);
                double f = LatencyTable.activationSeconds(hw, NetworkProfile.LAN, "relu", n, fss);
                double fWork = LatencyTable.activationSeconds(hw, NetworkProfile.NONE, "relu", n, fss);
                double gRounds = gmw.relu(n).rounds() * rtt;
                System.out.printf("%s/lan relu n=%d: gmw %.4f ms (its rounds %.4f ms), fss %.4f ms (its work %.4f ms)%n", hw.name(), n,
                        g * 1e3, gRounds * 1e3, f * 1e3, fWork * 1e3);
                if (fWork + fss.relu(n).rounds() * rtt < gRounds) {
                    assertTrue(f < g, hw.name() + " n=" + n + ": fss " + f + " s, gmw " + g + " s");
                    checked++;
                }
            }
            assertTrue(checked > 0, hw.name() + ": no layer size where FSS's work is below the saved rounds");
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
