package org.polympcnet.benchmarks.harness;

import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * How per-element values are written into EVENTS counters. JMH reports an EVENTS counter as the
 * SUM of its per-iteration values over all measurement iterations and forks. Traffic per
 * element is the same in every invocation, so each iteration stores value / (iterations x forks):
 * the summary score, and the JMH CSV, is then exactly the per-element value. The per-iteration
 * lines JMH prints show that fraction of it.
 */
public final class PerElementCounters {
    private PerElementCounters() {}

    /** The share of the final score one iteration carries. */
    public static double iterationShare(BenchmarkParams params) {
        int iterations = Math.max(1, params.getMeasurement().getCount());
        int forks = Math.max(1, params.getForks()); // -f 0 runs in this JVM: one "fork"
        return 1.0 / ((double) iterations * forks);
    }

    public static double perElement(long total, long elements, double share) {
        return (double) total / elements * share;
    }
}
