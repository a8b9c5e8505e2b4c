package org.polympcnet.benchmarks.ops;

import org.openjdk.jmh.annotations.Param;
import org.polympcnet.benchmarks.harness.ElementwiseOpBenchmark;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.protocols.ops.Mult;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * How fast is the element-wise product of two shared vectors with Beaver triples? Opening
 * x - a and y - b together: 16 bytes per element per party and 1 round, plus the truncation
 * (local: free; faithful: one more round of 8 bytes).
 *
 * <p>{@code online}: both parties apply a Mult prepared in the untimed setup to n shared pairs.
 * {@code offline}: both parties prepare one (Beaver triples, and truncation masks if faithful).
 */
public class MultBenchmark extends ElementwiseOpBenchmark<Mult> {
    /** Truncation after each product: local (SecureML shift) or faithful (one round each). */
    @Param({"local", "faithful"})
    public String trunc;

    @Override
    protected Truncation.Mode truncation() {
        return Truncation.Mode.parse(trunc);
    }

    private long[][] x, y;

    @Override
    protected void inputs(FixedPoint fp) {
        x = SharedInputs.uniform(fp, n, 8.0, 1);
        y = SharedInputs.uniform(fp, n, 8.0, 2);
    }

    @Override
    protected Mult make(Party p) {
        return new Mult(p, n);
    }

    @Override
    protected long[] apply(Mult op, Party p) {
        return op.apply(x[p.id], y[p.id]);
    }
}
