package org.polympcnet.perfmodel.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.polympcnet.protocols.ops.Truncation;

/** Tiles cut from a whole op's cost sum exactly to it: nothing is lost or counted twice. */
class PortionTest {
    @Test
    void portionsSumToTheWhole() {
        for (OpCost whole : new OpCost[] {OpCosts.relu(10_000), OpCosts.conv2d(Truncation.Mode.FAITHFUL, 1, 3, 17, 17, 8, 3, 3, 1, 1, 16),
                OpCosts.maxPool(1, 8, 14, 14, 2, 2)}) {
            long n = whole.elements();
            long[] cuts = {0, n / 3, n / 2, n - 1, n};
            long bytes = 0, and = 0, mults = 0, p1 = 0;
            Work w = Work.NONE;
            for (int i = 0; i + 1 < cuts.length; i++) {
                OpCost t = whole.portion(cuts[i], cuts[i + 1]);
                assertEquals(whole.rounds(), t.rounds(), "every tile keeps every flight");
                bytes += t.onlineBytes();
                and += t.andGates();
                mults += t.ringMults();
                p1 += t.offline().correctionBytes();
                w = w.plus(t.work());
            }
            assertEquals(whole.onlineBytes(), bytes, whole.op());
            assertEquals(whole.andGates(), and, whole.op());
            assertEquals(whole.ringMults(), mults, whole.op());
            assertEquals(whole.offline().correctionBytes(), p1, whole.op());
            assertEquals(whole.work(), w, whole.op());
        }
    }
}
