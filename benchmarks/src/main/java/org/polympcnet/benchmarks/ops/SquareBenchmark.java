package org.polympcnet.benchmarks.ops;

import org.openjdk.jmh.annotations.Param;
import org.polympcnet.benchmarks.harness.ElementwiseOpBenchmark;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Square;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * How fast is the secure square x^2 with a dealer square pair (a, a^2)? One opening of x - a:
 * 8 bytes per element per party and 1 round, plus the truncation back to f fractional bits
 * (local: free; faithful: one more round of 8 bytes).
 *
 * <p>{@code online}: both parties apply a Square prepared in the untimed setup to n shared values.
 * {@code offline}: both parties prepare one (square pairs, and truncation masks if faithful).
 */
public class SquareBenchmark extends ElementwiseOpBenchmark<Square> {
    /** Truncation after each product: local (SecureML shift) or faithful (one round each). */
    @Param({"local", "faithful"})
    public String trunc;

    @Override
    protected Truncation.Mode truncation() {
        return Truncation.Mode.parse(trunc);
    }

    private long[][] x;

    @Override
    protected void inputs(FixedPoint fp) {
        x = SharedInputs.uniform(fp, n, 8.0, 1);
    }

    @Override
    protected Square make(Party p) {
        return new Square(p, n);
    }

    @Override
    protected long[] apply(Square op, Party p) {
        return op.apply(x[p.id]);
    }
}
