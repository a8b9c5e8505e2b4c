package org.polympcnet.benchmarks.ops;

import org.openjdk.jmh.annotations.Benchmark;
import org.polympcnet.benchmarks.harness.AllPhasesTraffic;
import org.polympcnet.benchmarks.harness.Elements;
import org.polympcnet.benchmarks.harness.ElementwiseOpBenchmark;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.benchmarks.harness.TwoPartySession;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * How many ReLUs a second can the two parties compute? The 2P-ReLU: DReLU by the carry-tree
 * MSB (7 rounds), then the one-round multiplexer, whose x - v opening rides in the MSB's first
 * flight: 8 rounds, 8 + 244/8 = 38.5 bytes per element per party.
 *
 * <p>{@code online}: both parties apply a ReLU prepared in the untimed setup to n shared values.
 * {@code offline}: both parties prepare one (the dealer generates the correlation, party 1
 * downloads the corrections, both expand their seeds; with {@code correlations=ot}, the parties
 * make the cross ANDs, the 118 AND triples of the carry tree and the multiplexer's correlation by
 * IKNP OT). {@code allPhases}: both in one timed run, as {@link MillionaireReluBenchmark} does,
 * so the two comparison protocols compare on either correlation source.
 *
 * <p>{@code correlations} = {@code dealer} and {@code ot}; the dealer-free points make about 4,900
 * offline bytes an element, and n = 2^20 with OT needs more than the 4 GB heap
 * ({@code -jvmArgsAppend -Xmx14g}), as the AND triples of a tree level are made in one batch.
 */
public class ReluBenchmark extends ElementwiseOpBenchmark<Relu> {
    private long[][] x;

    @Override
    protected void inputs(FixedPoint fp) {
        x = SharedInputs.uniform(fp, n, 8.0, 1);
    }

    @Override
    protected Relu make(Party p) {
        return new Relu(p, n);
    }

    @Override
    protected long[] apply(Relu op, Party p) {
        return op.apply(x[p.id]);
    }

    /** Both phases in one timed run: ReLUs per second and bytes per ReLU, all phases. */
    @Benchmark
    public Both<long[]> allPhases(TwoPartySession s, Elements e, AllPhasesTraffic t) {
        return s.run(p -> {
            Relu relu = make(p);
            TwoPartySession.startOnline(p);
            return apply(relu, p);
        });
    }
}
