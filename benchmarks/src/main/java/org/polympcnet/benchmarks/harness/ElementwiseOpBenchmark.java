package org.polympcnet.benchmarks.harness;

import org.openjdk.jmh.annotations.Param;

/**
 * An op on n shared values: n = 2^10, 2^14, 2^18 by default ({@code -p n=1048576} for 2^20).
 * Elements per invocation = n.
 */
public abstract class ElementwiseOpBenchmark<O> extends OpBenchmark<O> {
    @Param({"1024", "16384", "262144"})
    public int n;

    @Override
    protected long elements() {
        return n;
    }
}
