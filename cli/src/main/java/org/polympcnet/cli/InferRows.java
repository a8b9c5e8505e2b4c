package org.polympcnet.cli;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.polympcnet.protocols.nn.PlainInference;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * The client's per-image results: one row of FILE.csv an image ({@code image,label,secure_pred,
 * plain_pred,max_logit_error}), and the tallies of the summary. With the weights in this process
 * (an in-process run) each image also goes through the plaintext network, and the row gets the
 * plaintext prediction and the largest difference between secure and plaintext logits; without
 * them (the client of a two-process run) those columns stay empty.
 */
final class InferRows implements InferParty.Sink {
    static final String[] HEADER = {"image", "label", "secure_pred", "plain_pred", "max_logit_error"};

    private final CSVPrinter csv;
    private final FixedPoint fp;
    private final PlainInference plain;
    int images, secureCorrect, plainCorrect, agree;
    double maxLogitError;

    /** out: where rows go (null: tallies only); plain: the plaintext network, or null without weights. */
    InferRows(Writer out, FixedPoint fp, PlainInference plain) throws IOException {
        this.csv = out == null ? null : new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get());
        this.fp = fp;
        this.plain = plain;
    }

    boolean knowsPlaintext() {
        return plain != null;
    }

    @Override
    public void accept(int image, int label, double[] preprocessed, long[] logits) throws IOException {
        int securePred = InferParty.argmax(logits);
        images++;
        if (securePred == label) secureCorrect++;
        String plainPred = "", error = "";
        if (plain != null) {
            double[] want = plain.logits(preprocessed);
            int p = InferParty.argmax(want);
            double err = 0;
            for (int k = 0; k < want.length; k++) err = Math.max(err, Math.abs(fp.decode(logits[k]) - want[k]));
            if (p == label) plainCorrect++;
            if (p == securePred) agree++;
            maxLogitError = Math.max(maxLogitError, err);
            plainPred = Integer.toString(p);
            error = Double.toString(err);
        }
        if (csv != null) csv.printRecord(image, label, securePred, plainPred, error);
    }

    /** Flushes the rows to the writer (which the caller commits or discards). */
    void finish() throws IOException {
        if (csv != null) csv.flush();
    }
}
