package org.polympcnet.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polympcnet.perfmodel.cost.OpCost;
import org.polympcnet.perfmodel.hardware.Allocation;
import org.polympcnet.perfmodel.latency.LatencyTable;
import org.polympcnet.perfmodel.schedule.DesignSpaceSweep;
import org.polympcnet.perfmodel.schedule.LayerTiming;
import org.polympcnet.perfmodel.schedule.Schedule;
import org.polympcnet.protocols.correlation.dealer.DealerClient;

/**
 * The tidy rows of {@code polympc perfmodel}: per layer (start, end, latency, online bytes,
 * rounds, tiles; its engines as a config field) and a total row, or for one op the figures of
 * {@code polympc op --stats-csv} under the same config keys and metric names (online_time,
 * online_bytes_p0 ...), so that compare-latency can join the two.
 */
final class PerfmodelRows {
    static final String EXPERIMENT = "perfmodel";
    /**
     * Dealer-link bytes of a session besides its ops, as polympc op counts them: hello and END
     * sent, status and PRG seed received.
     */
    static final long DEALER_SESSION_BYTES = DealerClient.SESSION_BYTES;

    private PerfmodelRows() {}

    static List<TidyRow> layers(Map<String, String> base, Schedule s) {
        List<TidyRow> rows = new ArrayList<>();
        for (LayerTiming l : s.layers()) {
            Map<String, String> c = new LinkedHashMap<>(base);
            c.put("layer", l.layer());
            c.put("type", l.type());
            c.put("engine", l.engines());
            rows.add(row(c, "start", ms(l.start()), "ms"));
            rows.add(row(c, "end", ms(l.end()), "ms"));
            rows.add(row(c, "latency", ms(l.latency()), "ms"));
            rows.add(row(c, "online_bytes", l.onlineBytes(), "bytes"));
            rows.add(row(c, "rounds", l.rounds(), "rounds"));
            rows.add(row(c, "tiles", l.tiles(), "count"));
        }
        Map<String, String> total = new LinkedHashMap<>(base);
        total.put("layer", "total");
        rows.add(row(total, "latency", ms(s.makespan()), "ms"));
        rows.add(row(total, "online_bytes", s.onlineBytes(), "bytes"));
        rows.add(row(total, "rounds", s.rounds(), "rounds"));
        return rows;
    }

    /** One op: the modelled online time and its exact counts, named as polympc op names them. */
    static List<TidyRow> op(Map<String, String> config, Schedule s, OpCost c) {
        return op(config, s, c, c);
    }

    /**
     * One op whose parties send different amounts (the millionaires' protocol): c is party 0's cost
     * (the one scheduled), c1 party 1's; rounds are the busier party's, as polympc op's stats count them.
     */
    static List<TidyRow> op(Map<String, String> config, Schedule s, OpCost c, OpCost c1) {
        OpCost[] byParty = {c, c1};
        List<TidyRow> rows = new ArrayList<>();
        Map<String, String> withEngine = new LinkedHashMap<>(config);
        withEngine.put("engine", s.layers().get(0).engines());
        rows.add(row(withEngine, "online_time", ms(s.makespan()), "ms"));
        for (int p = 0; p < 2; p++) rows.add(row(config, "online_bytes_p" + p, byParty[p].onlineBytes(), "bytes"));
        rows.add(row(config, "online_rounds", Math.max(c.rounds(), c1.rounds()), "rounds"));
        for (int p = 0; p < 2; p++) rows.add(row(config, "offline_bytes_p" + p, c.offlineBytes(p) + DEALER_SESSION_BYTES, "bytes"));
        rows.add(row(config, "and_gates", c.andGates(), "gates"));
        rows.add(row(config, "ring_mults", c.ringMults(), "products"));
        for (int p = 0; p < 2; p++) rows.add(row(config, "aes_blocks_p" + p, c.aesBlocks(p), "blocks"));
        rows.add(row(config, "aes_blocks_dealer", c.offline().dealerAesBlocks(), "blocks"));
        // FSS: the AES blocks of the key evaluation, online, at each party (the same count at both).
        if (c.work().aesBlocks() > 0) rows.add(row(config, "online_aes_blocks", c.work().aesBlocks(), "blocks"));
        return rows;
    }

    /** Every candidate of a sweep: its allocation as config (with the FSS engine if `fss`), latency (or none), and resources. */
    static List<TidyRow> sweep(Map<String, String> base, DesignSpaceSweep.Result r, boolean fss) {
        List<TidyRow> rows = new ArrayList<>();
        for (DesignSpaceSweep.Point p : r.points()) {
            Map<String, String> c = new LinkedHashMap<>(base);
            c.putAll(allocation(p.allocation(), fss));
            c.put("choice", p.equals(r.best()) ? "best" : p.equals(r.standard()) ? "standard" : "candidate");
            if (p.feasible()) rows.add(new TidyRow("perfmodel-sweep", c, "latency", ms(p.latencySeconds()), "ms"));
            rows.add(new TidyRow("perfmodel-sweep", c, "feasible", p.feasible() ? 1 : 0, "bool"));
            rows.add(new TidyRow("perfmodel-sweep", c, "dsp", p.resources().dsp(), "slices"));
            rows.add(new TidyRow("perfmodel-sweep", c, "lut", p.resources().lut(), "luts"));
            rows.add(new TidyRow("perfmodel-sweep", c, "onchip_memory", p.resources().memoryBits(), "bits"));
        }
        return rows;
    }

    /** The latency table: per activation its relu and poly latency, per pool its max and avg (choice as a config field). */
    static List<TidyRow> table(Map<String, String> base, LatencyTable t) {
        List<TidyRow> rows = new ArrayList<>();
        for (LatencyTable.Entry e : t.entries().values()) {
            for (Map.Entry<String, Double> choice : e.seconds().entrySet()) {
                Map<String, String> c = new LinkedHashMap<>(base);
                c.put("layer", e.layer());
                c.put("type", e.type());
                c.put("choice", choice.getKey());
                rows.add(new TidyRow("latency-table", c, "latency", ms(choice.getValue()), "ms"));
                rows.add(new TidyRow("latency-table", c, "elements", e.elements(), "count"));
            }
        }
        return rows;
    }

    /**
     * An allocation as config fields: engines of each kind x size, and the tile; the FSS engine
     * (engines x AES cores) only where FSS does the comparisons (elsewhere it idles, and the
     * fields of earlier runs stay as they were).
     */
    static Map<String, String> allocation(Allocation a, boolean fss) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("linear_engines", a.linearEngines() + "x" + a.matmulRows() + "x" + a.matmulCols());
        c.put("relu_engines", a.reluEngines() + "x" + a.reluLanes());
        c.put("poly_engines", a.polyEngines() + "x" + a.polyMultipliers());
        if (fss) c.put("fss_engines", a.fssEngines() + "x" + a.aesCores());
        c.put("tile", Integer.toString(a.tileElements()));
        return c;
    }

    private static TidyRow row(Map<String, String> config, String metric, Object value, String unit) {
        return new TidyRow(EXPERIMENT, config, metric, value, unit);
    }

    private static double ms(double seconds) {
        return seconds * 1e3;
    }
}
