package org.polympcnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The figures of STATS.json as tidy CSV (DESIGN.md, results): one measurement a row, columns
 * experiment,config,metric,value,unit, so the report can read every op run the same way.
 * Per-party figures become one row per party (suffix _p0, _p1), the formula's included
 * ({@code formula_online_bytes_p0}, {@code _p1}, whether or not the parties differ); figures this
 * process could not observe are left out rather than written as empty. The config names the
 * protocol and the correlation source, so runs that differ only in those stay apart.
 */
final class StatsCsv {
    static final String[] HEADER = {"experiment", "config", "metric", "value", "unit"};

    private StatsCsv() {}

    static void write(Path file, JsonNode stats) {
        StringWriter sw = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(sw, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get())) {
            String config = "op=" + stats.get("op").asText() + ";n=" + stats.get("n").asLong()
                    + ";transport=" + stats.get("transport").asText() + ";truncation=" + stats.get("truncation").asText()
                    + ";fracBits=" + stats.get("fracBits").asInt() + ";correlations=" + stats.get("correlations").asText()
                    + ";protocol=" + stats.get("protocol").asText();
            long n = Math.max(1, stats.get("n").asLong());
            perParty(csv, config, stats, "onlineBytes", "online_bytes", "bytes", 1);
            perParty(csv, config, stats, "onlineBytes", "online_bytes_per_element", "bytes/element", n);
            perParty(csv, config, stats, "offlineBytes", "offline_bytes", "bytes", 1);
            perParty(csv, config, stats, "offlineBytes", "offline_bytes_per_element", "bytes/element", n);
            perParty(csv, config, stats, "offlineBytesSent", "offline_bytes_sent", "bytes", 1);
            perParty(csv, config, stats, "ioBytes", "io_bytes", "bytes", 1);
            row(csv, config, "online_rounds", stats.get("onlineRounds").asLong(), "rounds");
            perParty(csv, config, stats, "onlineRoundsPerParty", "online_rounds", "rounds", 1);
            JsonNode formula = stats.get("formula");
            perParty(csv, config, formula, "onlineBytesPerParty", "formula_online_bytes", "bytes", 1);
            perParty(csv, config, formula, "onlineRoundsPerParty", "formula_online_rounds", "rounds", 1);
            row(csv, config, "formula_online_rounds", formula.get("onlineRounds").asLong(), "rounds");
            row(csv, config, "online_time", stats.get("onlineMillis").asDouble(), "ms");
            row(csv, config, "wall_time", stats.get("wallMillis").asDouble(), "ms");
            row(csv, config, "online_throughput", n / (stats.get("onlineMillis").asDouble() / 1e3), "elements/s");
            row(csv, config, "projected_online_time_lan", stats.get("projectedOnlineSeconds").get("lan").asDouble() * 1e3, "ms");
            row(csv, config, "projected_online_time_wan", stats.get("projectedOnlineSeconds").get("wan").asDouble() * 1e3, "ms");
        } catch (IOException e) {
            throw new CliException("cannot render " + file + ": " + e.getMessage(), e);
        }
        AtomicOutput.write(file, sw.toString());
    }

    private static void perParty(CSVPrinter csv, String config, JsonNode stats, String field, String metric, String unit, long per)
            throws IOException {
        JsonNode a = stats.get(field);
        for (int p = 0; p < a.size(); p++) {
            if (a.get(p).isNull()) continue;
            double v = a.get(p).asDouble() / per;
            row(csv, config, metric + "_p" + p, per == 1 ? (Object) a.get(p).asLong() : (Object) v, unit);
        }
    }

    private static void row(CSVPrinter csv, String config, String metric, Object value, String unit) throws IOException {
        csv.printRecord("op", config, metric, value, unit);
    }
}
