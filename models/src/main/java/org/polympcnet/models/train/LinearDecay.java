package org.polympcnet.models.train;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * A learning rate that falls linearly from its start to zero over a phase's steps. A short run
 * (a few epochs on a 2-core machine) gains more from ending at a small step than from more
 * epochs at a constant one: the last epochs settle into a minimum instead of bouncing around it.
 * Steps past the end keep the last positive rate.
 */
final class LinearDecay implements ISchedule {
    private final double start;
    private final int steps;

    LinearDecay(double start, int steps) {
        if (steps < 1) throw new IllegalArgumentException("a schedule needs at least one step, got " + steps);
        this.start = start;
        this.steps = steps;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int i = Math.min(iteration, steps - 1);
        return start * (steps - i) / steps;
    }

    @Override
    public ISchedule clone() {
        return new LinearDecay(start, steps);
    }
}
