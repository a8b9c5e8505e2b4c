package org.polympcnet.perfmodel.schedule;

/** Where and when a task runs: on `unit` from `start` to `end`; its results are ready at `ready`. */
public record Slot(Task task, String unit, double start, double end) {
    public double ready() {
        return end + task.latencySeconds();
    }
}
