package org.polympcnet.protocols.session;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What two parties must agree on before any share moves: protocol version, ring, fixed-point
 * bits, where correlations come from, truncation mode, and the program (op or model hash and its
 * public shape). Fields are ordered key=value pairs; a value of {@link #FROM_PEER} means "I accept
 * the other party's value" (the client does not know n until the server says it).
 */
public final class SessionParams {
    public static final String PROTOCOL_VERSION = "polympcnet-2pc/1";
    public static final String FROM_PEER = "?";

    private final LinkedHashMap<String, String> fields = new LinkedHashMap<>();

    public SessionParams() {
        fields.put("version", PROTOCOL_VERSION);
        fields.put("ring", "Z_2^64");
    }

    public SessionParams put(String key, Object value) {
        if (key.contains("=") || key.contains("\n")) throw new IllegalArgumentException("bad session key " + key);
        String v = String.valueOf(value);
        if (v.contains("\n")) throw new IllegalArgumentException("bad session value for " + key);
        fields.put(key, v);
        return this;
    }

    public String get(String key) {
        return fields.get(key);
    }

    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(fields);
    }

    byte[] encode() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static SessionParams decode(byte[] b) {
        SessionParams p = new SessionParams();
        p.fields.clear();
        for (String line : new String(b, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) throw new SessionMismatchException("malformed session parameters from peer: '" + line + "'");
            p.fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return p;
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
