package org.polympcnet.perfmodel.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.LocalSession;
import org.polympcnet.protocols.session.PartyTask;
import org.polympcnet.protocols.session.SessionParams;
import org.polympcnet.protocols.session.Transport;

/**
 * The golden vectors committed in hls/golden/ (what `make -C hls csim` checks the kernels
 * against, on machines without a JDK) must be exactly what the Java protocols produce now:
 * otherwise a protocol change would leave the kernels verified against a stale protocol.
 */
class GoldenVectorsTest {

    @Test
    void committedGoldenVectorsEqualWhatTheJavaProtocolsProduce(@TempDir Path tmp) throws Exception {
        Path committed = hlsDir().resolve("golden");
        List<Path> fresh = GoldenVectors.write(tmp);
        for (Path f : fresh) {
            Path c = committed.resolve(f.getFileName());
            assertTrue(Files.exists(c), "hls/golden/" + f.getFileName() + " is missing; run `make -C hls golden` and commit it");
            List<String> want = Files.readAllLines(c, StandardCharsets.US_ASCII);
            List<String> got = Files.readAllLines(f, StandardCharsets.US_ASCII);
            for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
                String w = i < want.size() ? want.get(i) : "<end of file>", g = i < got.size() ? got.get(i) : "<end of file>";
                if (!w.equals(g)) {
                    fail("hls/golden/" + f.getFileName() + " differs from what the Java protocols produce now, first at line "
                            + (i + 1) + ": committed '" + w + "', now '" + g + "'. If the protocol change is intended, run "
                            + "`make -C hls golden`, check `make -C hls csim` still passes, and commit the new vectors.");
                }
            }
            // Line-equal but not byte-equal would mean line endings changed (the testbench wants LF).
            assertEquals(Files.size(c), Files.size(f), "hls/golden/" + f.getFileName() + " line endings or final newline changed");
        }
        try (Stream<Path> files = Files.list(committed)) {
            assertEquals(new TreeSet<>(GoldenVectors.FILES),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)),
                    "hls/golden/ holds exactly the files GoldenVectors writes");
        }
    }

    @Test
    void goldenVectorsStaySmallEnoughToCommit(@TempDir Path tmp) throws Exception {
        long total = 0;
        for (Path f : GoldenVectors.write(tmp)) total += Files.size(f);
        assertTrue(total < 200 * 1024, "golden vectors take " + total + " bytes; keep them under 200 KB");
    }

    @Test
    void goldenRecorderRefusesCorrelationsThatNoKernelModels() {
        // Faithful truncation fetches masks that poly_eval does not take: generating golden
        // vectors for it must fail loudly instead of recording a protocol the kernels don't run.
        LocalSession s = new LocalSession(FixedPoint.standard(), Truncation.Mode.FAITHFUL, Transport.MEMORY, 20_000);
        PartyTask<long[]> task = p -> {
            Party recorded = new Party(p.id, p.peer, new RecordingCorrelations(p.correlations).source(), p.fp, p.truncation);
            new PolyActivation(recorded, 4, 0.1, 0.5, 0.2);
            return null;
        };
        Exception e = assertThrows(UnsupportedOperationException.class, () -> s.run(new SessionParams().put("test", "recorder"), task, task));
        assertTrue(e.getMessage().contains("truncationPairs"), e.getMessage());
    }

    /** hls/ of this checkout: the first ancestor of the working directory that has hls/engines.properties. */
    static Path hlsDir() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("hls/engines.properties"))) return d.resolve("hls");
        }
        throw new IllegalStateException("no hls/engines.properties above " + Path.of("").toAbsolutePath());
    }
}
