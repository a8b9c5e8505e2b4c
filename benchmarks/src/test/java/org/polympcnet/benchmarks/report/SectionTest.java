package org.polympcnet.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionTest {
    @Test
    void fewSourcesAreNamedInline() {
        Section s = new Section("t", "T").source("train.csv").source("ops-cli.csv");
        s.table = "| a |\n|---|\n| 1 |\n";
        String body = s.body(2);
        assertTrue(body.startsWith("Source: `raw/train.csv`, `raw/ops-cli.csv`.\n"), body);
        assertFalse(body.contains("<details>"), body);
    }

    @Test
    void perModelSourcesAreGroupedAndStillEachListed() {
        Section s = new Section("models", "Models").source("train.csv");
        List<String> per = List.of("perfmodel-relu-cnn-cpu-lan.csv", "perfmodel-relu-cnn-zcu104-lan.csv", "perfmodel-poly-cnn-cpu-lan.csv");
        per.forEach(s::source);
        s.source("infer-relu-cnn.csv");
        s.table = "| a |\n|---|\n| 1 |\n";
        String body = s.body(2);
        assertTrue(body.startsWith("Source: `raw/train.csv`, `raw/perfmodel-*-lan.csv` (3 files), `raw/infer-relu-cnn.csv`; "
                + "every file is listed below the table.\n"), body);
        for (String f : per) assertTrue(body.contains("- `raw/" + f + "`\n"), body);
        assertTrue(body.indexOf("<details>") > body.indexOf("| 1 |"), "the list comes after the table");
    }

    @Test
    void groupPatternNeverOverlapsPrefixAndSuffix() {
        Section s = new Section("t", "T").source("jmh-a.csv").source("jmh-a.csv.csv");
        s.table = "x\n";
        String body = s.body(2);
        assertTrue(body.startsWith("Source: `raw/jmh-a.csv*.csv` (2 files)") || body.startsWith("Source: `raw/jmh-a.csv*` (2 files)"), body);
        assertEquals(2, Section.sourceGroups(List.of("a-1.csv", "a-2.csv", "b.csv")).get("a.csv").size());
    }
}
