package org.polympcnet.perfmodel.cost;

/**
 * One step of an op at one party: local work on one kind of engine, then, if {@code flight}, a
 * message flight of {@code bytes} to the other party, which sends its own flight at the same
 * time; the next step waits for it. A flight is one round as the channels count it.
 *
 * @param shape the matrix product of a LINEAR step, for engines that tile it; null otherwise
 * @param elements the op's element count, the size its loops run over (for size-dependent costs)
 */
public record Step(EngineKind engine, Work work, boolean flight, long bytes, MatShape shape, long elements) {
    public Step {
        if (bytes < 0) throw new IllegalArgumentException("negative bytes in a step");
        if (!flight && bytes != 0) throw new IllegalArgumentException("bytes without a flight");
    }
}
