package org.polympcnet.perfmodel.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.polympcnet.perfmodel.cost.OpCost;
import org.polympcnet.perfmodel.cost.Step;
import org.polympcnet.perfmodel.hardware.HardwareProfile;
import org.polympcnet.protocols.net.NetworkProfile;

/**
 * The cryptographic hardware scheduler: list scheduling of a workload's steps on the engines and
 * the link. Every step of every tile is a task: its local work on a unit of its engine kind, and
 * its message flight on the link, which is a resource too (a flight holds the link for
 * bytes / bandwidth; its round-trip time then passes without holding it, so the flights of
 * other tiles overlap it). Tiles of a layer are independent, so tile i's flight overlaps tile
 * i+1's work; element-wise layers follow their input tile by tile. Each layer's tile size is the
 * fastest for that layer alone among the hardware's tile (what its buffers hold) and its half,
 * quarter and eighth: more tiles overlap more, but each pays its own rounds. Taking the best of
 * fixed sizes keeps a layer's latency monotone in its size.
 *
 * <p>Algorithm: tasks are numbered in dependency order; among the tasks whose inputs are all
 * scheduled, the one that can start earliest goes first (ties: the longer remaining path, then
 * the lower number) on the unit of its pool that frees first. A unit runs one task at a time.
 * Time of a run = the latest result, as in NetworkProfile: compute + rounds x RTT + bytes /
 * bandwidth when nothing overlaps.
 */
public final class CryptoScheduler {
    public static final String LINK = "link";

    private final HardwareProfile hw;
    private final NetworkProfile net;

    public CryptoScheduler(HardwareProfile hw, NetworkProfile net) {
        this.hw = hw;
        this.net = net;
    }

    public HardwareProfile hardware() {
        return hw;
    }

    public NetworkProfile network() {
        return net;
    }

    /** Tile sizes tried per layer: the hardware's tile divided by 1, 2, 4, 8. */
    static final int TILE_CHOICES = 4;

    public Schedule schedule(Workload w) {
        Map<String, List<OpCost>> tiles = new HashMap<>();
        for (Workload.Item item : w.items()) tiles.put(item.name(), chooseTiles(item));
        Graph g = build(w, tiles);
        List<Slot> slots = listSchedule(g.tasks);
        return new Schedule(hw.describe(), net.name(), slots, timings(w, g, tiles, slots));
    }

    private List<OpCost> chooseTiles(Workload.Item item) {
        int tile = hw.tileElements();
        if (tile <= 0) return List.of(item.whole());
        List<OpCost> best = null;
        double bestTime = Double.POSITIVE_INFINITY;
        for (int k = 0, size = tile; k < TILE_CHOICES && size >= 1; k++, size /= 2) {
            List<OpCost> t = item.tiles(size);
            Workload.Item alone = new Workload.Item(item.name(), item.type(), item.whole(), item.atSize(), List.of());
            double time = makespan(listSchedule(build(new Workload(item.name(), List.of(alone)), Map.of(item.name(), t)).tasks));
            if (time < bestTime) {
                best = t;
                bestTime = time;
            }
        }
        return best;
    }

    private static double makespan(List<Slot> slots) {
        double end = 0;
        for (Slot s : slots) end = Math.max(end, s.ready());
        return end;
    }

    /** The tasks of a workload, and for each layer the tasks each of its tiles ends with. */
    private record Graph(List<Task> tasks, Map<String, List<List<Integer>>> exits, Map<String, List<Integer>> byLayer) {}

    private Graph build(Workload w, Map<String, List<OpCost>> chosen) {
        List<Task> tasks = new ArrayList<>();
        // The hardware's once-per-phase start cost rides on the first flight's host task (on the
        // cpu: the parties' skew, which the first exchange waits out).
        double start = hw.startSeconds();
        Map<String, List<List<Integer>>> exits = new HashMap<>();
        Map<String, List<Integer>> byLayer = new LinkedHashMap<>();
        Map<String, Workload.Item> items = new HashMap<>();
        for (Workload.Item item : w.items()) {
            items.put(item.name(), item);
            List<List<Integer>> itemExits = new ArrayList<>();
            List<Integer> mine = new ArrayList<>();
            List<OpCost> tiles = chosen.get(item.name());
            for (int t = 0; t < tiles.size(); t++) {
                List<Integer> prev = new ArrayList<>();
                for (String in : item.inputs()) {
                    Workload.Item src = items.get(in);
                    List<List<Integer>> srcExits = exits.get(in);
                    if (src == null || srcExits == null) throw new IllegalArgumentException("layer " + item.name() + " reads '" + in + "', which comes later or not at all");
                    if (item.elementwise() && src.elementwise() && sameTiles(chosen.get(in), tiles)) prev.addAll(srcExits.get(t));
                    else for (List<Integer> e : srcExits) prev.addAll(e);
                }
                OpCost tile = tiles.get(t);
                int s = 0;
                for (Step step : tile.steps()) {
                    String label = tile.op() + " step " + (s++);
                    if (!step.work().isNone()) {
                        prev = add(tasks, mine, new Task(tasks.size(), item.name(), t, Task.Kind.COMPUTE, label,
                                hw.units(step.engine()), hw.computeSeconds(step), 0, 0, prev));
                    }
                    if (step.flight()) {
                        double host = hw.flightSeconds(step) + start;
                        start = 0;
                        if (host > 0) {
                            prev = add(tasks, mine, new Task(tasks.size(), item.name(), t, Task.Kind.COMPUTE, label + " copies",
                                    hw.units(step.engine()), host, 0, 0, prev));
                        }
                        double transfer = Double.isInfinite(net.bitsPerSecond()) ? 0 : step.bytes() * 8.0 / net.bitsPerSecond();
                        prev = add(tasks, mine, new Task(tasks.size(), item.name(), t, Task.Kind.FLIGHT, label + " flight",
                                List.of(LINK), transfer, net.rttSeconds(), step.bytes(), prev));
                    }
                }
                itemExits.add(prev);
            }
            exits.put(item.name(), itemExits);
            byLayer.put(item.name(), mine);
        }
        return new Graph(tasks, exits, byLayer);
    }

    private static boolean sameTiles(List<OpCost> a, List<OpCost> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i).elements() != b.get(i).elements()) return false;
        return true;
    }

    private static List<Integer> add(List<Task> tasks, List<Integer> mine, Task t) {
        tasks.add(t);
        mine.add(t.id());
        return List.of(t.id());
    }

    private static List<Slot> listSchedule(List<Task> tasks) {
        int n = tasks.size();
        double[] rank = new double[n];
        List<List<Integer>> succ = new ArrayList<>(n);
        for (int i = 0; i < n; i++) succ.add(new ArrayList<>());
        int[] waiting = new int[n];
        for (Task t : tasks) {
            for (int d : t.deps()) succ.get(d).add(t.id());
            waiting[t.id()] = t.deps().size();
        }
        for (int i = n - 1; i >= 0; i--) {
            double best = 0;
            for (int s : succ.get(i)) best = Math.max(best, rank[s]);
            rank[i] = tasks.get(i).busySeconds() + tasks.get(i).latencySeconds() + best;
        }
        double[] readyAt = new double[n];
        Map<String, Double> free = new HashMap<>();
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < n; i++) if (waiting[i] == 0) ready.add(i);
        Slot[] slots = new Slot[n];
        while (!ready.isEmpty()) {
            int pick = -1;
            double pickStart = Double.POSITIVE_INFINITY;
            for (int idx = 0; idx < ready.size(); idx++) {
                int i = ready.get(idx);
                double est = Math.max(readyAt[i], earliestFree(free, tasks.get(i).pool()));
                if (pick < 0 || est < pickStart || (est == pickStart && (rank[i] > rank[ready.get(pick)]
                        || (rank[i] == rank[ready.get(pick)] && i < ready.get(pick))))) {
                    pick = idx;
                    pickStart = est;
                }
            }
            int i = ready.remove(pick);
            Task t = tasks.get(i);
            String unit = t.pool().get(0);
            for (String u : t.pool()) if (free.getOrDefault(u, 0.0) < free.getOrDefault(unit, 0.0)) unit = u;
            double end = pickStart + t.busySeconds();
            free.put(unit, end);
            slots[i] = new Slot(t, unit, pickStart, end);
            for (int s : succ.get(i)) {
                readyAt[s] = Math.max(readyAt[s], slots[i].ready());
                if (--waiting[s] == 0) ready.add(s);
            }
        }
        List<Slot> out = new ArrayList<>(n);
        for (Slot s : slots) {
            if (s == null) throw new IllegalStateException("task graph has a cycle");
            out.add(s);
        }
        return out;
    }

    private static double earliestFree(Map<String, Double> free, List<String> pool) {
        double e = Double.POSITIVE_INFINITY;
        for (String u : pool) e = Math.min(e, free.getOrDefault(u, 0.0));
        return e;
    }

    private static List<LayerTiming> timings(Workload w, Graph g, Map<String, List<OpCost>> tiles, List<Slot> slots) {
        List<LayerTiming> out = new ArrayList<>();
        Map<String, Double> ends = new HashMap<>();
        for (Workload.Item item : w.items()) {
            double start = Double.POSITIVE_INFINITY, end = 0;
            TreeSet<String> engines = new TreeSet<>();
            for (int id : g.byLayer().get(item.name())) {
                Slot s = slots.get(id);
                start = Math.min(start, s.start());
                end = Math.max(end, s.ready());
                if (s.task().kind() == Task.Kind.COMPUTE) engines.add(s.unit());
            }
            if (start == Double.POSITIVE_INFINITY) { // nothing to do (flatten): ready with its inputs
                for (String in : item.inputs()) end = Math.max(end, ends.getOrDefault(in, 0.0));
                start = end;
            }
            ends.put(item.name(), end);
            long bytes = 0;
            int rounds = 0;
            for (OpCost t : tiles.get(item.name())) {
                bytes += t.onlineBytes();
                rounds += t.rounds();
            }
            out.add(new LayerTiming(item.name(), item.type(), start, end, engines.isEmpty() ? "none" : String.join("+", engines),
                    bytes, rounds, tiles.get(item.name()).size()));
        }
        return out;
    }
}
