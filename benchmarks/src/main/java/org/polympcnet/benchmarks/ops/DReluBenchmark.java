package org.polympcnet.benchmarks.ops;

import org.polympcnet.benchmarks.harness.ElementwiseOpBenchmark;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.protocols.ops.DRelu;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * How fast is DReLU(x) = [x >= 0] alone, the comparison that ReLU and max pool are built on? The
 * carry-tree MSB of the 64-bit share sum (GMW parallel-prefix adder, CrypTen's method):
 * 7 rounds, 243/8 = 30.375 bytes per element per party; the result is XOR-shared bits.
 *
 * <p>{@code online}: both parties apply a DReLU prepared in the untimed setup to n shared values.
 * {@code offline}: both parties prepare one (dealer correlations: cross ANDs and carry-tree
 * triples).
 */
public class DReluBenchmark extends ElementwiseOpBenchmark<DRelu> {
    private long[][] x;

    @Override
    protected void inputs(FixedPoint fp) {
        x = SharedInputs.uniform(fp, n, 8.0, 1);
    }

    @Override
    protected DRelu make(Party p) {
        return new DRelu(p, n);
    }

    @Override
    protected long[] apply(DRelu op, Party p) {
        return op.apply(x[p.id]);
    }
}
