package org.polympcnet.benchmarks.ops;

import org.openjdk.jmh.annotations.Param;
import org.polympcnet.benchmarks.harness.ElementwiseOpBenchmark;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * How fast is PolyMPCNet's polynomial activation y = a x^2 + b x + c, the replacement for ReLU?
 * One secure square, then local work and two truncations: with local truncation 1 round and
 * 8 bytes per element per party; faithful truncation adds 2 rounds of 8 bytes. The coefficients
 * are those of a trained X2Act layer's order of magnitude: a = 0.1, b = 0.5, c = 0.2.
 *
 * <p>{@code online}: both parties apply an activation prepared in the untimed setup to n shared
 * values. {@code offline}: both parties prepare one (a square pair per element, and truncation
 * masks if faithful).
 */
public class PolyBenchmark extends ElementwiseOpBenchmark<PolyActivation> {
    /** Truncation after each product: local (SecureML shift) or faithful (one round each). */
    @Param({"local", "faithful"})
    public String trunc;

    @Override
    protected Truncation.Mode truncation() {
        return Truncation.Mode.parse(trunc);
    }

    static final double A = 0.1, B = 0.5, C = 0.2;

    private long[][] x;

    @Override
    protected void inputs(FixedPoint fp) {
        x = SharedInputs.uniform(fp, n, 8.0, 1);
    }

    @Override
    protected PolyActivation make(Party p) {
        return new PolyActivation(p, n, A, B, C);
    }

    @Override
    protected long[] apply(PolyActivation op, Party p) {
        return op.apply(x[p.id]);
    }
}
