package org.polympcnet.perfmodel.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polympcnet.perfmodel.cost.NamedOp;
import org.polympcnet.perfmodel.cost.OpCost;
import org.polympcnet.perfmodel.cost.OpCosts;
import org.polympcnet.protocols.ops.Truncation;

/**
 * The measured side of the cpu model's validation (polympc compare-latency --measure runs it at
 * full size): here tiny points, to check that every op and a sequence run, that runs are counted
 * and that a point's modelled cost is its ops' costs in sequence.
 */
class OnlineLatencyMeasurementTest {
    @Test
    void measuresSingleOpsAndSequences() throws Exception {
        List<OnlineLatencyMeasurement.Point> points = List.of(
                OnlineLatencyMeasurement.Point.parse("relu", 64), OnlineLatencyMeasurement.Point.parse("poly", 100),
                OnlineLatencyMeasurement.Point.parse("square", 64), OnlineLatencyMeasurement.Point.parse("mult", 64),
                OnlineLatencyMeasurement.Point.parse("matmul", 8), OnlineLatencyMeasurement.Point.parse("matmul+relu", 4),
                OnlineLatencyMeasurement.Point.parse("square+relu", 70));
        List<OnlineLatencyMeasurement.Result> r = OnlineLatencyMeasurement.measure(points,
                new OnlineLatencyMeasurement.Options(2, 1, 2, 60, 1e9), System.out); // keep runs that waited for a CPU: a busy test machine
        assertEquals(points.size(), r.size());
        for (OnlineLatencyMeasurement.Result x : r) {
            assertEquals(2, x.millis().length, x.point().toString());
            assertEquals(0, x.discarded());
            for (double v : x.millis()) assertTrue(v > 0 && v < 10_000, x.point() + ": " + v);
            if (x.millis().length > 0) assertTrue(x.median() > 0);
        }
    }

    @Test
    void aSequenceCostsItsOpsInOrder() {
        OnlineLatencyMeasurement.Point p = OnlineLatencyMeasurement.Point.parse("matmul+relu", 16);
        assertEquals("matmul+relu", p.name());
        assertEquals("matrix-triple+gmw-carry-tree", p.protocol());
        assertEquals(256, p.elements());
        OpCost c = p.cost(Truncation.Mode.LOCAL, 16);
        OpCost mm = OpCosts.matmul(Truncation.Mode.LOCAL, 16, 16, 16, 16), relu = OpCosts.relu(256);
        assertEquals(mm.onlineBytes() + relu.onlineBytes(), c.onlineBytes());
        assertEquals(mm.rounds() + relu.rounds(), c.rounds());
        assertEquals(mm.steps().size() + relu.steps().size(), c.steps().size());
        assertEquals(NamedOp.POLY.cost(Truncation.Mode.LOCAL, 99, 16).rounds(),
                OnlineLatencyMeasurement.Point.parse("poly", 99).cost(Truncation.Mode.LOCAL, 16).rounds());
    }

    @Test
    void badPointsAreRefusedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OnlineLatencyMeasurement.Point.parse("relu+matmul", 16))
                .getMessage().contains("matmul can only come first"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OnlineLatencyMeasurement.Point.parse("a2b", 16))
                .getMessage().contains("a2b"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OnlineLatencyMeasurement.Point.parse("relu+", 16))
                .getMessage().contains("unknown op"));
        assertThrows(IllegalArgumentException.class, () -> OnlineLatencyMeasurement.Point.parse("relu", 0));
    }
}
