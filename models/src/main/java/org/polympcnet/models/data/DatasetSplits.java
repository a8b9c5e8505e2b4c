package org.polympcnet.models.data;

import java.util.Objects;

/**
 * The three splits of a data set: {@code train} for weight steps, {@code validation} for the
 * search's alpha steps and model selection, {@code test} for reported accuracy. Which images
 * fall in which split is fixed per source and documented in the package documentation.
 */
public record DatasetSplits(Dataset train, Dataset validation, Dataset test) {
    public DatasetSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
    }

    /** Mean and std per channel of the training split: the model's preprocess constants. */
    public ChannelStats trainStats() {
        return train.channelStats();
    }

    /** The first {@code min(n, size)} images of each split ({@code --limit N}). */
    public DatasetSplits limit(int n) {
        return new DatasetSplits(train.limit(n), validation.limit(n), test.limit(n));
    }

    /** A split by name: train, validation (or val) or test. */
    public Dataset split(String name) {
        return switch (name) {
            case "train" -> train;
            case "validation", "val" -> validation;
            case "test" -> test;
            default -> throw new IllegalArgumentException("unknown split '" + name + "': use train, validation or test");
        };
    }
}
