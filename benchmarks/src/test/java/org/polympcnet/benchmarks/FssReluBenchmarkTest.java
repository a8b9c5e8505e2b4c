package org.polympcnet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.benchmarks.harness.TwoPartySession;
import org.polympcnet.benchmarks.ops.FssReluBenchmark;

/** The FSS benchmark does what it times, outside JMH: both parties for real, checked against plaintext. */
class FssReluBenchmarkTest {
    @Test
    void reluAndDreluMatchThePlaintext() {
        FssReluBenchmark b = new FssReluBenchmark();
        b.n = 300;
        TwoPartySession s = new TwoPartySession();
        try {
            b.open(s);
            long[] plain = SharedInputs.open(b.input(0), b.input(1));
            FssReluBenchmark.PreparedRelu relu = new FssReluBenchmark.PreparedRelu();
            relu.prepare(b, s);
            Both<long[]> y = b.relu(relu, s, null, null);
            long[] got = SharedInputs.open(y.party0(), y.party1());
            for (int i = 0; i < b.n; i++) assertEquals(Math.max(0, plain[i]), got[i], "relu at " + i);
            assertEquals(8L * b.n, s.sincePrepare().onlineSent(0));
            assertEquals(1, s.sincePrepare().onlineRounds(1));
            FssReluBenchmark.PreparedDRelu drelu = new FssReluBenchmark.PreparedDRelu();
            drelu.prepare(b, s);
            Both<long[]> d = b.drelu(drelu, s, null, null);
            for (int i = 0; i < b.n; i++) {
                long bit = ((d.party0()[i >>> 6] ^ d.party1()[i >>> 6]) >>> (i & 63)) & 1;
                assertEquals(plain[i] >= 0 ? 1 : 0, bit, "drelu at " + i);
            }
        } finally {
            s.close();
        }
    }
}
