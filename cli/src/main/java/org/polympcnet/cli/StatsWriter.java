package org.polympcnet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Function;
import org.polympcnet.protocols.net.NetworkProfile;

/**
 * STATS.json of one op run (schema "polympc-op-stats/2"). Byte counts are per party [p0, p1];
 * a null entry is one this process could not observe. Written atomically. Version 2: the formula's
 * bytes and rounds are per party arrays (the millionaires' protocol is asymmetric), and
 * offlineBytesSent is new.
 */
final class StatsWriter {
    static final String SCHEMA = "polympc-op-stats/2";
    static final String OFFLINE_NOTE = "offlineBytes: all traffic on each party's link to the dealer, both directions "
            + "(requests, seed, corrections, end of session); offlineBytesSent: the party-to-dealer part; "
            + "offlineBytesFromDealer: the dealer-to-party part. "
            + "In a two-process run each process sees only its own dealer link, so the other party's entries are null.";
    static final String OFFLINE_NOTE_OT = "offlineBytes: all OFFLINE traffic on the link between the parties (no dealer: "
            + "base OTs, OT extension and the correlation messages built from them), counted by each party as what it sent "
            + "plus what it received; both parties share the one link, so the two entries are equal, and a two-process run "
            + "knows both. offlineBytesSent: the part each party sent (the two add up to offlineBytes). "
            + "offlineBytesFromDealer: 0, there is no dealer.";
    static final String FORMULA_NOTE = "formula: the documented online cost of the protocol as implemented, for each party "
            + "[p0, p1] (the millionaires' protocol sends different amounts from each party); onlineRounds is the larger one.";
    static final String ONLINE_NOTE = "onlineBytes: bytes each party sent in the online phase (the op alone; in a "
            + "two-process run the peer's entry is what this party received from it). ioBytes: input sharing and output "
            + "reveal. setupBytes: handshake and the ready barrier before the online phase. onlineRoundsPerParty: message flights "
            + "each party sent online (a two-process run counts only its own); onlineRounds: the larger known one. onlineMillis: the online "
            + "phase alone (in-process: the slower party; two processes: this party); projected seconds add rounds x RTT + bytes of the busier party / bandwidth.";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatsWriter() {}

    static ObjectNode toJson(OpSettings s, RunResult r, long wallNanos) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("op", s.op().cliName());
        o.put("n", r.n());
        o.put("protocol", s.protocolName());
        o.put("correlations", s.correlations());
        o.put("truncation", s.truncation().json());
        o.put("fracBits", s.fp().fracBits());
        o.put("transport", r.transport());
        if (r.party() == null) o.put("ranHere", "both parties");
        else o.put("ranHere", "party " + r.party());
        if (s.coeffs() != null) o.putArray("coeffs").add(s.coeffs().a()).add(s.coeffs().b()).add(s.coeffs().c());

        perParty(o, "onlineBytes", r, Traffic::onlineSent);
        long rounds = max(r, Traffic::onlineRounds);
        o.put("onlineRounds", rounds);
        perParty(o, "onlineRoundsPerParty", r, Traffic::onlineRounds);
        perParty(o, "offlineBytes", r, Traffic::offline);
        perParty(o, "offlineBytesSent", r, Traffic::offlineSent);
        perParty(o, "offlineBytesFromDealer", r, Traffic::fromDealer);
        o.put("offlineBytesNote", s.dealerFree() ? OFFLINE_NOTE_OT : OFFLINE_NOTE);
        perParty(o, "ioBytes", r, Traffic::ioSent);
        perParty(o, "setupBytes", r, Traffic::setupSent);

        ObjectNode formula = o.putObject("formula");
        long[] fBytes = s.formulaBytes(r.n());
        int[] fRounds = s.formulaRounds();
        formula.putArray("onlineBytesPerParty").add(fBytes[0]).add(fBytes[1]);
        formula.putArray("onlineRoundsPerParty").add(fRounds[0]).add(fRounds[1]);
        formula.put("onlineRounds", Math.max(fRounds[0], fRounds[1]));
        formula.put("note", FORMULA_NOTE);

        double onlineSeconds = r.onlineNanos() / 1e9;
        o.put("wallMillis", wallNanos / 1e6);
        o.put("onlineMillis", r.onlineNanos() / 1e6);
        long busier = max(r, Traffic::onlineSent);
        ObjectNode projected = o.putObject("projectedOnlineSeconds");
        projected.put("lan", NetworkProfile.LAN.projectSeconds(onlineSeconds, rounds, busier));
        projected.put("wan", NetworkProfile.WAN.projectSeconds(onlineSeconds, rounds, busier));
        o.put("note", ONLINE_NOTE);
        return o;
    }

    static void write(Path file, OpSettings s, RunResult r, long wallNanos) {
        try {
            AtomicOutput.write(file, JSON.writeValueAsString(toJson(s, r, wallNanos)) + "\n");
        } catch (JsonProcessingException e) {
            throw new CliException("cannot render " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void perParty(ObjectNode o, String name, RunResult r, Function<Traffic, Long> f) {
        ArrayNode a = o.putArray(name);
        for (Traffic t : r.traffic()) {
            Long v = f.apply(t);
            if (v == null) a.addNull();
            else a.add(v);
        }
    }

    private static long max(RunResult r, Function<Traffic, Long> f) {
        long m = 0;
        for (Traffic t : r.traffic()) {
            Long v = f.apply(t);
            if (v != null) m = Math.max(m, v);
        }
        return m;
    }
}
