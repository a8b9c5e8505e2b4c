package org.polympcnet.perfmodel.schedule;

import java.util.List;

/**
 * One node of the scheduler's task graph: a step's local work on a unit of `pool`, or a
 * message flight on the link. A task occupies its unit for {@code busySeconds}; its successors
 * may start {@code latencySeconds} after it ends (a flight's round-trip time, during which the
 * link is free for other flights).
 *
 * @param layer the layer (or op) it belongs to
 * @param tile which tile of the layer
 * @param pool the units that may run it (engine instances, "cpu", or "link")
 * @param bytes bytes each party sends in it (flights), 0 for compute
 * @param deps ids of the tasks it waits for
 */
public record Task(int id, String layer, int tile, Kind kind, String label, List<String> pool, double busySeconds,
                   double latencySeconds, long bytes, List<Integer> deps) {
    public enum Kind { COMPUTE, FLIGHT }

    public Task {
        pool = List.copyOf(pool);
        deps = List.copyOf(deps);
        if (pool.isEmpty()) throw new IllegalArgumentException("task " + id + " has no unit to run on");
        if (busySeconds < 0 || latencySeconds < 0) throw new IllegalArgumentException("task " + id + " has a negative duration");
    }
}
