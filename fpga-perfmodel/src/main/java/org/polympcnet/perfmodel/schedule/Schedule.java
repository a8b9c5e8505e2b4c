package org.polympcnet.perfmodel.schedule;

import java.util.ArrayList;
import java.util.List;

/** The result of scheduling: every task's slot, every layer's timing, and the total latency. */
public record Schedule(String hardware, String network, List<Slot> slots, List<LayerTiming> layers) {
    public Schedule {
        slots = List.copyOf(slots);
        layers = List.copyOf(layers);
    }

    /** Seconds from the first task's start to the last result. */
    public double makespan() {
        double end = 0;
        for (Slot s : slots) end = Math.max(end, s.ready());
        return end;
    }

    public long onlineBytes() {
        long b = 0;
        for (LayerTiming l : layers) b += l.onlineBytes();
        return b;
    }

    public int rounds() {
        int r = 0;
        for (LayerTiming l : layers) r += l.rounds();
        return r;
    }

    /** The units in order of first use, for charts. */
    public List<String> units() {
        List<String> u = new ArrayList<>();
        for (Slot s : slots) if (!u.contains(s.unit())) u.add(s.unit());
        return u;
    }

    public LayerTiming layer(String name) {
        for (LayerTiming l : layers) if (l.layer().equals(name)) return l;
        throw new IllegalArgumentException("no layer '" + name + "' in the schedule");
    }
}
