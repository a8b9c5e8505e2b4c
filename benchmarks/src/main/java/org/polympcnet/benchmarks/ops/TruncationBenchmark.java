package org.polympcnet.benchmarks.ops;

import org.openjdk.jmh.annotations.Param;
import org.polympcnet.benchmarks.harness.ElementwiseOpBenchmark;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * What does truncating a product back to f fractional bits cost, in each mode? Local (SecureML,
 * CrypTen's two-party default): each party shifts its share, no communication, and a failure
 * probability of about |z| / 2^63. Faithful: one round of 8 bytes per element per party with a
 * dealer mask, and no failure for |z| < 2^62. Inputs carry 2f fractional bits, as a product does.
 *
 * <p>{@code online}: both parties apply a Truncation prepared in the untimed setup to n shared
 * values. {@code offline}: both parties prepare one (faithful only fetches masks; local is free).
 */
public class TruncationBenchmark extends ElementwiseOpBenchmark<Truncation> {
    /** Truncation after each product: local (SecureML shift) or faithful (one round each). */
    @Param({"local", "faithful"})
    public String trunc;

    @Override
    protected Truncation.Mode truncation() {
        return Truncation.Mode.parse(trunc);
    }

    private long[][] z;

    @Override
    protected void inputs(FixedPoint fp) {
        z = SharedInputs.product(fp, n, 8.0, 1);
    }

    @Override
    protected Truncation make(Party p) {
        return new Truncation(p, n, p.fp.fracBits());
    }

    @Override
    protected long[] apply(Truncation op, Party p) {
        return op.apply(z[p.id]);
    }
}
