package org.polympcnet.benchmarks.ops;

import org.openjdk.jmh.annotations.Param;
import org.polympcnet.benchmarks.harness.OpBenchmark;
import org.polympcnet.benchmarks.harness.SharedInputs;
import org.polympcnet.protocols.ops.MatMul;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * How fast is the product of two shared square matrices (size x size) with a matrix triple? One
 * opening of E = X - A and F = Y - B, 16 size^2 bytes per party, 1 round; then two local ring
 * matrix products (2 size^3 multiply-adds per party) and the truncation. Elements and every
 * per-element counter here count output entries, size^2 per invocation.
 *
 * <p>{@code online}: both parties apply a MatMul prepared in the untimed setup. {@code offline}:
 * both parties prepare one (the dealer multiplies A B itself: size^3 work, and party 1 downloads
 * C; with {@code ot}, the parties make the triple by OT).
 */
public class MatMulBenchmark extends OpBenchmark<MatMul> {
    @Param({"64", "128", "256"})
    public int size;

    /** Truncation of the size^2 outputs: local (SecureML shift) or faithful (one round). */
    @Param({"local", "faithful"})
    public String trunc;

    private long[][] x, y;

    @Override
    protected long elements() {
        return (long) size * size;
    }

    @Override
    protected Truncation.Mode truncation() {
        return Truncation.Mode.parse(trunc);
    }

    @Override
    protected void inputs(FixedPoint fp) {
        x = SharedInputs.uniform(fp, size * size, 4.0, 1);
        y = SharedInputs.uniform(fp, size * size, 4.0, 2);
    }

    @Override
    protected MatMul make(Party p) {
        return new MatMul(p, size, size, size);
    }

    @Override
    protected long[] apply(MatMul op, Party p) {
        return op.apply(x[p.id], y[p.id]);
    }
}
