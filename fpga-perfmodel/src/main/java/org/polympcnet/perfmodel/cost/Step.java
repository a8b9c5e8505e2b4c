package org.polympcnet.perfmodel.cost;

/**
 * One step of an op at one party: local work on one kind of engine, then, if {@code flight}, a
 * message flight of {@code bytes} to the other party, which sends its own flight at the same
 * time; the next step waits for it. A flight is one round as the channels count it.
 *
 * @param shape the matrix product of a LINEAR step, for engines that tile it; null otherwise
 * @param elements the op's element count, the size its loops run over (for size-dependent costs)
 * @param footprint bytes the op this step belongs to touches in its online phase (see
 *     {@link OpCost#footprint}): the working set its passes read from, which decides on a CPU
 *     which cache they run in; 0 where not known (a step built alone), when elements stand in
 */
public record Step(EngineKind engine, Work work, boolean flight, long bytes, MatShape shape, long elements, long footprint) {
    public Step {
        if (bytes < 0) throw new IllegalArgumentException("negative bytes in a step");
        if (!flight && bytes != 0) throw new IllegalArgumentException("bytes without a flight");
        if (footprint < 0) throw new IllegalArgumentException("negative footprint in a step");
    }

    /** A step whose op's footprint is not known yet ({@link OpCost} fills it in). */
    public Step(EngineKind engine, Work work, boolean flight, long bytes, MatShape shape, long elements) {
        this(engine, work, flight, bytes, shape, elements, 0);
    }

    /** This step as part of an op that touches `bytes` online. */
    Step withFootprint(long bytes) {
        return new Step(engine, work, flight, this.bytes, shape, elements, bytes);
    }
}
