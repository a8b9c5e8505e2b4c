package org.polympcnet.perfmodel.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.polympcnet.perfmodel.TestNetworks;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ops.Truncation;

/** The registry of comparison protocols and the layers that take one (ReLU, max pool). */
class ComparisonProtocolsTest {
    @Test
    void theDefaultIsTheGmwCarryTreeByItsOpsName() {
        ComparisonCosts gmw = ComparisonProtocols.of("gmw-carry-tree");
        assertSame(ComparisonProtocols.DEFAULT, gmw);
        assertEquals(NamedOp.RELU.protocol(), gmw.protocol());
        assertEquals(Relu.onlineBytes(4096), gmw.relu(4096).onlineBytes());
        assertEquals(OpCosts.relu(1000).steps(), gmw.relu(1000).steps());
        assertEquals(OpCosts.drelu(1000).steps(), gmw.drelu(1000).steps());
    }

    @Test
    void anUnknownProtocolNamesTheKnownOnes() {
        String msg = assertThrows(IllegalArgumentException.class, () -> ComparisonProtocols.of("garbled")).getMessage();
        assertTrue(msg.contains("'garbled'") && msg.contains("gmw-carry-tree") && msg.contains("fss-dcf"), msg);
    }

    @Test
    void layersTakeReluAndMaxPoolFromTheirComparison() {
        Model m = TestNetworks.mnistCnn();
        LayerCosts base = new LayerCosts(m, 1, Truncation.Mode.LOCAL, 16);
        LayerCosts same = base.withComparison(ComparisonProtocols.of("gmw-carry-tree"));
        assertSame(ComparisonProtocols.DEFAULT, base.comparison());
        for (int i = 0; i < m.layers.size(); i++) assertEquals(base.of(i).steps(), same.of(i).steps(), m.layers.get(i).name());
        // A max pool's ReLU levels are the comparison's ReLUs: 4 windows of 2x2 -> 2 + 1 pairs.
        OpCost pool = OpCosts.maxPool(ComparisonProtocols.DEFAULT, 1, 1, 4, 4, 2, 2);
        assertEquals(OpCosts.relu(8).rounds() + OpCosts.relu(4).rounds(), pool.rounds());
    }
}
