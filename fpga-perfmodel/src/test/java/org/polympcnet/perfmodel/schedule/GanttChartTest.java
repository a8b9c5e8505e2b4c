package org.polympcnet.perfmodel.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.polympcnet.perfmodel.TestNetworks;
import org.polympcnet.perfmodel.cost.LayerCosts;
import org.polympcnet.perfmodel.hardware.Zcu104;
import org.polympcnet.protocols.net.NetworkProfile;
import org.polympcnet.protocols.ops.Truncation;

class GanttChartTest {
    @Test
    void rendersAPng() {
        Zcu104 z = Zcu104.standard();
        Schedule s = new CryptoScheduler(z, NetworkProfile.LAN)
                .schedule(Workload.ofModel(new LayerCosts(TestNetworks.residual(), 1, Truncation.Mode.LOCAL, 16)));
        byte[] png = GanttChart.png(s, "residual on zcu104, lan");
        assertTrue(png.length > 1000);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }
}
