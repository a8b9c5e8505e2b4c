package org.polympcnet.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.polympcnet.protocols.net.NetworkProfile;
import org.polympcnet.protocols.nn.SecureInference;

/**
 * The figures of one {@code polympc infer} run: the summary (printed, and as tidy rows for
 * {@code --summary}) and the per-layer costs (tidy rows for {@code --layers}). Figures this
 * process could not observe are left out: a two-process client knows no plaintext, and with a
 * dealer neither process sees the other's dealer link.
 *
 * <p>Online time: each party times every layer's online phase; the earlier party to finish its
 * offline phase waits for the other inside the first interactive layer, so the measured latency is
 * that of the party that waited least (in one process the smaller of the two; across processes this
 * process's own). Projected latency adds, per {@link NetworkProfile}, rounds x RTT and the busier
 * direction's online bytes / bandwidth, for the whole run, divided by the number of images.
 */
final class InferReport {
    static final String SUMMARY = "infer", LAYERS = "infer_layers";

    private final Map<String, String> config;
    private final int images, batches;
    private final long reluCount;
    private final Traffic[] traffic;
    private final InferParty.Outcome[] outcomes;
    private final InferRows rows;
    private final long wallNanos;

    /**
     * @param traffic [party 0, party 1]
     * @param outcomes [party 0, party 1], null for a party not run here
     * @param rows the client's tallies, null at a server
     */
    InferReport(Map<String, String> config, int images, int batches, long reluCount, Traffic[] traffic,
                InferParty.Outcome[] outcomes, InferRows rows, long wallNanos) {
        this.config = new LinkedHashMap<>(config);
        this.images = images;
        this.batches = batches;
        this.reluCount = reluCount;
        this.traffic = traffic;
        this.outcomes = outcomes;
        this.rows = rows;
        this.wallNanos = wallNanos;
    }

    /** Seconds of online computation and communication for the whole run, as measured. */
    double onlineSeconds() {
        long best = Long.MAX_VALUE;
        for (InferParty.Outcome o : outcomes) if (o != null) best = Math.min(best, o.onlineNanos());
        return best / 1e9;
    }

    long onlineRounds() {
        return max(Traffic::onlineRounds);
    }

    long busierOnlineBytes() {
        return max(Traffic::onlineSent);
    }

    double projectedPerImage(NetworkProfile net) {
        return net.projectSeconds(onlineSeconds(), onlineRounds(), busierOnlineBytes()) / images;
    }

    List<TidyRow> summary() {
        List<TidyRow> r = new ArrayList<>();
        add(r, "images", images, "count");
        add(r, "batches", batches, "count");
        add(r, "relu_count", reluCount, "count/image");
        if (rows != null) {
            add(r, "secure_accuracy", fraction(rows.secureCorrect), "fraction");
            if (rows.knowsPlaintext()) {
                add(r, "plain_accuracy", fraction(rows.plainCorrect), "fraction");
                add(r, "agreement", fraction(rows.agree), "fraction");
                add(r, "max_logit_error", rows.maxLogitError, "logit");
            }
        }
        add(r, "online_time_per_image", onlineSeconds() * 1e3 / images, "ms/image");
        add(r, "projected_online_time_per_image_lan", projectedPerImage(NetworkProfile.LAN) * 1e3, "ms/image");
        add(r, "projected_online_time_per_image_wan", projectedPerImage(NetworkProfile.WAN) * 1e3, "ms/image");
        perParty(r, "online_bytes_per_image", Traffic::onlineSent, "bytes/image");
        add(r, "online_rounds_per_batch", (double) onlineRounds() / batches, "rounds");
        add(r, "online_rounds_per_image", (double) onlineRounds() / images, "rounds/image");
        perParty(r, "offline_bytes_per_image", Traffic::offline, "bytes/image");
        for (int p = 0; p < 2; p++) {
            if (outcomes[p] == null) continue;
            long n = 0;
            for (SecureInference.LayerCost c : outcomes[p].layers()) n += c.offlineNanos;
            add(r, "offline_time_per_image_p" + p, n / 1e6 / images, "ms/image");
        }
        perParty(r, "io_bytes_per_image", Traffic::ioSent, "bytes/image");
        add(r, "wall_time", wallNanos / 1e6, "ms");
        return r;
    }

    List<TidyRow> layers() {
        List<TidyRow> r = new ArrayList<>();
        InferParty.Outcome any = outcomes[0] != null ? outcomes[0] : outcomes[1];
        for (int i = 0; i < any.layers().size(); i++) {
            SecureInference.LayerCost first = any.layers().get(i);
            Map<String, String> c = new LinkedHashMap<>(config);
            c.put("layer", first.layer);
            c.put("index", Integer.toString(i));
            c.put("type", first.type);
            String cfg = TidyRow.render(c);
            r.add(row(LAYERS, cfg, "elements_per_image", (double) first.elements / images, "count/image"));
            for (int p = 0; p < 2; p++) {
                if (outcomes[p] == null) continue;
                SecureInference.LayerCost l = outcomes[p].layers().get(i);
                r.add(row(LAYERS, cfg, "online_time_per_image_p" + p, l.onlineNanos / 1e6 / images, "ms/image"));
                r.add(row(LAYERS, cfg, "online_bytes_sent_per_image_p" + p, (double) l.onlineBytesSent / images, "bytes/image"));
                r.add(row(LAYERS, cfg, "online_bytes_received_per_image_p" + p, (double) l.onlineBytesReceived / images, "bytes/image"));
                r.add(row(LAYERS, cfg, "online_rounds_per_batch_p" + p, (double) l.onlineRounds / batches, "rounds"));
                r.add(row(LAYERS, cfg, "offline_bytes_per_image_p" + p, (double) l.offlineBytes / images, "bytes/image"));
                r.add(row(LAYERS, cfg, "offline_time_per_image_p" + p, l.offlineNanos / 1e6 / images, "ms/image"));
            }
        }
        return r;
    }

    /** The human-readable summary. */
    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "infer: %s%n", TidyRow.render(config));
        out.printf(Locale.ROOT, "  images                   %d in %d batches%n", images, batches);
        if (rows != null) {
            out.printf(Locale.ROOT, "  secure accuracy          %.4f (%d/%d)%n", fraction(rows.secureCorrect), rows.secureCorrect, images);
            if (rows.knowsPlaintext()) {
                out.printf(Locale.ROOT, "  plaintext accuracy       %.4f (%d/%d)%n", fraction(rows.plainCorrect), rows.plainCorrect, images);
                out.printf(Locale.ROOT, "  agreement with plaintext %.4f (%d/%d)%n", fraction(rows.agree), rows.agree, images);
                out.printf(Locale.ROOT, "  max logit error          %.3g%n", rows.maxLogitError);
            }
        }
        out.printf(Locale.ROOT, "  online latency / image   %.3f ms measured, %.3f ms projected lan, %.3f ms projected wan%n",
                onlineSeconds() * 1e3 / images, projectedPerImage(NetworkProfile.LAN) * 1e3, projectedPerImage(NetworkProfile.WAN) * 1e3);
        out.printf(Locale.ROOT, "  online bytes / image     %s%n", perPartyText(Traffic::onlineSent));
        out.printf(Locale.ROOT, "  online rounds            %.1f per batch (%.3f per image)%n",
                (double) onlineRounds() / batches, (double) onlineRounds() / images);
        out.printf(Locale.ROOT, "  offline bytes / image    %s%n", perPartyText(Traffic::offline));
        out.printf(Locale.ROOT, "  wall time                %.1f ms%n", wallNanos / 1e6);
        out.flush();
    }

    private String perPartyText(Function<Traffic, Long> f) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < 2; p++) {
            if (sb.length() > 0) sb.append(", ");
            Long v = f.apply(traffic[p]);
            sb.append("p").append(p).append(' ').append(v == null ? "unknown here" : String.format(Locale.ROOT, "%.1f", (double) v / images));
        }
        return sb.toString();
    }

    private double fraction(int k) {
        return (double) k / images;
    }

    private void perParty(List<TidyRow> r, String metric, Function<Traffic, Long> f, String unit) {
        for (int p = 0; p < 2; p++) {
            Long v = f.apply(traffic[p]);
            if (v != null) add(r, metric + "_p" + p, (double) v / images, unit);
        }
    }

    private long max(Function<Traffic, Long> f) {
        long m = 0;
        for (Traffic t : traffic) {
            Long v = f.apply(t);
            if (v != null) m = Math.max(m, v);
        }
        return m;
    }

    private void add(List<TidyRow> r, String metric, Object value, String unit) {
        r.add(row(SUMMARY, TidyRow.render(config), metric, value, unit));
    }

    private static TidyRow row(String experiment, String config, String metric, Object value, String unit) {
        return new TidyRow(experiment, config, metric, String.valueOf(value), unit, 0);
    }
}
