package org.polympcnet.models.train;

import java.nio.file.Path;
import org.polympcnet.models.nn.PolyInit;
import org.polympcnet.models.nn.X2Act;

/**
 * What {@code polympc train} was asked for.
 *
 * @param mode relu, poly or search
 * @param arch an {@link org.polympcnet.models.nn.Architectures} name
 * @param epochs training epochs (search: epochs of alternating search)
 * @param fineTuneEpochs search only: epochs of fine-tuning after the argmax
 * @param lambda search only: weight of the latency term
 * @param from poly or search: a directory with a checkpoint to start from, or null
 * @param limit use only the first {@code limit} images of each split (0: all)
 * @param trainLimit use only the first {@code trainLimit} images of the training split (0: all);
 *     the validation and test splits stay whole, so accuracies compare with runs on every image
 * @param schedule the weights' learning rate over each phase: {@link #CONSTANT} or {@link #LINEAR}
 *     (decays to zero at the phase's last step, {@link LinearDecay})
 */
public record TrainSettings(String mode, String arch, PolyInit init, double lambda, int epochs, int fineTuneEpochs, int batch, long seed,
                            double learningRate, double alphaLearningRate, double clipNorm, double x2Scale, int limit, Path from,
                            int trainLimit, String schedule) {
    public static final double DEFAULT_LR = 1e-3, DEFAULT_ALPHA_LR = 3e-2, DEFAULT_CLIP = 5.0;
    public static final String CONSTANT = "constant", LINEAR = "linear";

    public TrainSettings {
        if (!java.util.List.of("relu", "poly", "search").contains(mode)) throw new IllegalArgumentException("--act: '" + mode + "' (want relu, poly or search)");
        if (epochs < 1) throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        if (fineTuneEpochs < 0) throw new IllegalArgumentException("--finetune-epochs must not be negative, got " + fineTuneEpochs);
        if (batch < 1) throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("--lambda must be a finite number >= 0, got " + lambda);
        if (!(learningRate > 0)) throw new IllegalArgumentException("--lr must be positive, got " + learningRate);
        if (limit < 0) throw new IllegalArgumentException("--limit must not be negative, got " + limit);
        if (trainLimit < 0) throw new IllegalArgumentException("--train-limit must not be negative, got " + trainLimit);
        if (!CONSTANT.equals(schedule) && !LINEAR.equals(schedule)) throw new IllegalArgumentException("--lr-schedule: '" + schedule + "' (want constant or linear)");
        if (from != null && mode.equals("relu")) throw new IllegalArgumentException("--from starts a poly or search run from a checkpoint; it needs --act poly or search");
    }

    /** Defaults for the fields the command line leaves optional. */
    public static TrainSettings of(String mode, String arch, PolyInit init, double lambda, int epochs, int fineTuneEpochs, int batch, long seed,
                                   int limit, Path from) {
        return new TrainSettings(mode, arch, init, lambda, epochs, fineTuneEpochs, batch, seed, DEFAULT_LR, DEFAULT_ALPHA_LR, DEFAULT_CLIP,
                X2Act.DEFAULT_SCALE, limit, from, 0, CONSTANT);
    }
}
