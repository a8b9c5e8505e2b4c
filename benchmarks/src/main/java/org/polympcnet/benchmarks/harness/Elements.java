package org.polympcnet.benchmarks.harness;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Elements processed, as an OPERATIONS counter: in Throughput mode JMH divides it by the timed
 * time of the iteration, so the {@code :elements} row reads directly as elements per second
 * (the primary score is invocations per second, each of n elements). Counted in an untimed
 * teardown; inject it into a benchmark method to get the row.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Elements {
    public long elements;

    @TearDown(Level.Invocation)
    public void count(TwoPartySession s) {
        elements += s.elements();
    }
}
