package org.polympcnet.models.train;

/** Training stopped because the loss became NaN, infinite or exploded; the last good state is kept. */
public final class TrainingDiverged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDiverged(String message) {
        super(message);
    }
}
