package org.polympcnet.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of a tidy results file (DESIGN.md, results): experiment,config,metric,value,unit, where
 * config is {@code key=value} pairs joined by ';'. Reading checks the header and names the file
 * and line of anything malformed; writing renders rows for {@link AtomicOutput}.
 */
record TidyRow(String experiment, String config, String metric, String value, String unit, int line) {

    TidyRow(String experiment, Map<String, String> config, String metric, Object value, String unit) {
        this(experiment, render(config), metric, String.valueOf(value), unit, 0);
    }

    /** The config as ordered key=value pairs. */
    Map<String, String> configMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (config.isBlank()) return m;
        for (String kv : config.split(";")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) m.put(kv.trim(), "");
            else m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return m;
    }

    static String render(Map<String, String> config) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : config.entrySet()) {
            if (sb.length() > 0) sb.append(';');
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    static List<TidyRow> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<String> header = p.getHeaderNames();
            if (!header.equals(List.of(StatsCsv.HEADER))) {
                throw new CliException(file + ":1: header is " + String.join(",", header) + ", want " + String.join(",", StatsCsv.HEADER));
            }
            List<TidyRow> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                int line = (int) rec.getRecordNumber() + 1;
                if (rec.size() != 5) throw new CliException(file + ":" + line + ": want 5 fields, got " + rec.size());
                rows.add(new TidyRow(rec.get(0), rec.get(1), rec.get(2), rec.get(3), rec.get(4), line));
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CliException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The rows as CSV text with the tidy header. */
    static String toCsv(List<TidyRow> rows) {
        StringWriter sw = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(sw, CSVFormat.DEFAULT.builder().setHeader(StatsCsv.HEADER).setRecordSeparator('\n').get())) {
            for (TidyRow r : rows) csv.printRecord(r.experiment, r.config, r.metric, r.value, r.unit);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }
}
