package org.polympcnet.models.train;

/**
 * One row of train-log.csv: after an epoch of {@code phase} (train, search or finetune), the
 * mean training loss (the search's includes its latency term), accuracies in percent on the
 * training batches seen (as trained), the validation and the test split (evaluation mode), the
 * modelled latency of the nonlinear layers in seconds (expected under softmax(alpha) while
 * searching), and training throughput: images through weight steps per second of the epoch's
 * steps (evaluation excluded).
 */
public record EpochRecord(String phase, int epoch, double loss, double trainAccuracy, double validationAccuracy, double testAccuracy,
                          double expectedLatencySeconds, double imagesPerSecond, double stepSeconds) {
    public static final String CSV_HEADER =
            "phase,epoch,loss,train_accuracy,val_accuracy,test_accuracy,expected_latency_s,images_per_s,step_seconds";

    public String csv() {
        return String.join(",", phase, Integer.toString(epoch), num(loss), num(trainAccuracy), num(validationAccuracy), num(testAccuracy),
                num(expectedLatencySeconds), num(imagesPerSecond), num(stepSeconds));
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
