package org.polympcnet.models.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each activation and searchable pool of a {@link NetSpec} is: an activation is
 * {@code relu}, {@code poly} (X2Act) or {@code gate} (GateAct), a pool {@code max}, {@code avg} or
 * {@code gate} (GatePool). The training modes are choices: {@code relu} (ReLU and max pool, the
 * baseline), {@code poly} (X2Act and avg pool: no comparison left), {@code search} (gates
 * everywhere), and after the search the argmax of each gate.
 */
public final class Choices {
    public static final String RELU = "relu", POLY = "poly", GATE = "gate", MAX = "max", AVG = "avg";

    private final Map<String, String> byLayer;

    private Choices(Map<String, String> byLayer) {
        this.byLayer = Collections.unmodifiableMap(new LinkedHashMap<>(byLayer));
    }

    /** Every activation {@code act}, every searchable pool {@code pool}. */
    public static Choices uniform(NetSpec spec, String act, String pool) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : spec.activations()) m.put(a, act);
        for (String p : spec.searchablePools()) m.put(p, pool);
        return new Choices(m);
    }

    /** The choices of a training mode: relu, poly or search. */
    public static Choices forMode(NetSpec spec, String mode) {
        return switch (mode) {
            case "relu" -> uniform(spec, RELU, MAX);
            case "poly" -> uniform(spec, POLY, AVG);
            case "search" -> uniform(spec, GATE, GATE);
            default -> throw new IllegalArgumentException("unknown mode '" + mode + "': use relu, poly or search");
        };
    }

    /** These choices with some layers changed. */
    public Choices with(Map<String, String> changes) {
        Map<String, String> m = new LinkedHashMap<>(byLayer);
        for (var e : changes.entrySet()) {
            if (!m.containsKey(e.getKey())) throw new IllegalArgumentException("no activation or searchable pool named " + e.getKey());
            m.put(e.getKey(), e.getValue());
        }
        return new Choices(m);
    }

    /** The choice of an activation or searchable pool. */
    public String of(String layer) {
        String c = byLayer.get(layer);
        if (c == null) throw new IllegalArgumentException("no activation or searchable pool named " + layer);
        return c;
    }

    public Map<String, String> asMap() {
        return byLayer;
    }

    @Override
    public String toString() {
        return byLayer.toString();
    }
}
