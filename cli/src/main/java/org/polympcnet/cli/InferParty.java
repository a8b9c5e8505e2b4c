package org.polympcnet.cli;

import java.util.Arrays;
import java.util.List;
import org.polympcnet.protocols.net.PeerException;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.PlainInference;
import org.polympcnet.protocols.nn.SecureInference;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.ReluProtocol;
import org.polympcnet.protocols.session.SessionParams;

/**
 * What each party of {@code polympc infer} does once the session and the model are agreed, the
 * same in one process or two: the images go through the network in batches of the agreed size,
 * the server (party 0) with its weights and no images, the client (party 1) with its images and
 * the architecture alone. Only one batch of images, shares and activations is held at a time.
 */
final class InferParty {
    /** One party's side of a run: per-layer costs, summed over batches, from this party's channels. */
    record Outcome(List<SecureInference.LayerCost> layers, long onlineNanos, int images, int batches) {}

    /** The client's per-image results, in image order. */
    @FunctionalInterface
    interface Sink {
        /** preprocessed: the network's input as a double [C, H, W]; logits at the session's fractional bits. */
        void accept(int image, int label, double[] preprocessed, long[] logits) throws Exception;
    }

    private InferParty() {}

    /** Server: runs every batch with its weights; learns nothing. */
    static Outcome serve(Party p, Model model, ReluProtocol relu, int images, int batch) {
        SecureInference si = new SecureInference(p, model, relu);
        int batches = 0;
        for (int start = 0; start < images; start += batch, batches++) si.infer(null, Math.min(batch, images - start));
        return outcome(si, images, batches);
    }

    /** Client: preprocesses its images with the model's mean and std, runs every batch, hands each result to sink. */
    static Outcome query(Party p, Model architecture, ReluProtocol relu, InferImages data, int images, int batch, Sink sink) throws Exception {
        if (!Arrays.equals(architecture.input, data.shape())) {
            throw new CliException("dataset " + data.name() + " has images " + InferSettings.shape(data.shape()) + " but model "
                    + architecture.name + " takes " + InferSettings.shape(architecture.input));
        }
        SecureInference si = new SecureInference(p, architecture, relu);
        int size = (int) Model.size(architecture.input), classes = architecture.classes;
        int batches = 0;
        for (int start = 0; start < images; start += batch, batches++) {
            int b = Math.min(batch, images - start);
            double[][] pre = new double[b][];
            long[] x = new long[b * size];
            for (int i = 0; i < b; i++) {
                pre[i] = preprocess(architecture, data, start + i);
                for (int k = 0; k < size; k++) x[i * size + k] = p.fp.encode(pre[i][k]);
            }
            long[] logits = si.infer(x, b);
            for (int i = 0; i < b; i++) {
                sink.accept(start + i, data.label(start + i), pre[i], Arrays.copyOfRange(logits, i * classes, (i + 1) * classes));
            }
        }
        return outcome(si, images, batches);
    }

    static double[] preprocess(Model m, InferImages data, int i) {
        float[] px = data.image(i);
        double[] d = new double[px.length];
        for (int k = 0; k < px.length; k++) d[k] = px[k];
        return PlainInference.preprocess(m, d);
    }

    private static Outcome outcome(SecureInference si, int images, int batches) {
        List<SecureInference.LayerCost> costs = si.layerCosts();
        long online = 0;
        for (SecureInference.LayerCost c : costs) online += c.onlineNanos;
        return new Outcome(costs, online, images, batches);
    }

    /** A positive count the peer stated in the session handshake, at most max. */
    static int agreedCount(SessionParams agreed, String key, int max, String peer) {
        String v = agreed.get(key);
        try {
            int n = Integer.parseInt(v);
            if (n > 0 && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PeerException(peer + " sent an invalid '" + key + "' (" + v + "; want 1.." + max + ")");
    }

    /** Index of the largest logit (the first on ties). */
    static int argmax(long[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) if (v[k] > v[best]) best = k;
        return best;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) if (v[k] > v[best]) best = k;
        return best;
    }
}
