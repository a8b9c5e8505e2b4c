package org.polympcnet.perfmodel.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an op's steps in protocol order: work accumulates on the current engine until a
 * message flight (which ends the step) or a change of engine (which ends it without one).
 */
final class Steps {
    private final List<Step> steps = new ArrayList<>();
    private final long elements;
    private EngineKind engine;
    private Work work = Work.NONE;
    private MatShape shape;

    Steps(EngineKind engine, long elements) {
        this.engine = engine;
        this.elements = elements;
    }

    Steps on(EngineKind e) {
        if (e != engine) {
            close();
            engine = e;
        }
        return this;
    }

    Steps work(Work w) {
        work = work.plus(w);
        return this;
    }

    Steps shape(MatShape s) {
        shape = s;
        return this;
    }

    /** Ends the step with a flight of `bytes` from this party (one round). */
    Steps flight(long bytes) {
        steps.add(new Step(engine, work, true, bytes, shape, elements));
        work = Work.NONE;
        shape = null;
        return this;
    }

    List<Step> build() {
        close();
        return steps;
    }

    /** Ends the current step without a flight, if it has work. */
    private void close() {
        if (!work.isNone()) steps.add(new Step(engine, work, false, 0, shape, elements));
        work = Work.NONE;
        shape = null;
    }
}
