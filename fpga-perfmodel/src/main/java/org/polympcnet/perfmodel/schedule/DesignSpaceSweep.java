package org.polympcnet.perfmodel.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.polympcnet.perfmodel.hardware.Allocation;
import org.polympcnet.perfmodel.hardware.Resources;
import org.polympcnet.perfmodel.hardware.Zcu104;

/**
 * The design-space sweep: every engine allocation of a grid (how many engines of each kind, the
 * size of each, the tile), kept only if it fits the board's resource budget, each scheduled on
 * the workload; the fastest wins (ties: fewer DSP, then fewer LUT). The FSS engine (AES cores)
 * joins the sweep with {@link Grid#withFss()}, for workloads whose comparisons are FSS. The standard allocation of
 * engines.properties is always among the candidates, so the winner is never slower than it.
 */
public final class DesignSpaceSweep {
    /**
     * Values to try; every combination is a candidate (systolic arrays are square). The FSS engine's
     * values (engines, AES cores each) may be empty: then every candidate keeps the base board's FSS
     * engine, which is what a workload without FSS steps wants (they would not change its latency).
     */
    public record Grid(int[] linearEngines, int[] arraySides, int[] reluEngines, int[] reluLanes,
                       int[] polyEngines, int[] polyMultipliers, int[] tiles, int[] fssEngines, int[] aesCores) {
        public Grid {
            if (fssEngines.length == 0 != (aesCores.length == 0)) {
                throw new IllegalArgumentException("give both FSS engine counts and AES cores, or neither");
            }
        }

        /** A grid that keeps the base board's FSS engine. */
        public Grid(int[] linearEngines, int[] arraySides, int[] reluEngines, int[] reluLanes, int[] polyEngines, int[] polyMultipliers,
                    int[] tiles) {
            this(linearEngines, arraySides, reluEngines, reluLanes, polyEngines, polyMultipliers, tiles, new int[0], new int[0]);
        }

        /** 2 x 3 x 3 x 4 x 2 x 4 x 3 = 1728 candidates, the FSS engine as the base board's. */
        public static Grid standard() {
            return new Grid(new int[] {1, 2}, new int[] {4, 8, 16}, new int[] {1, 2, 4}, new int[] {8, 16, 32, 64},
                    new int[] {1, 2}, new int[] {4, 8, 16, 32}, new int[] {1024, 4096, 16384});
        }

        /** The standard grid and FSS engines too: 1 or 2 engines of 2, 4, 6 or 8 AES cores (swept first, then the 1,728 others). */
        public static Grid withFss() {
            Grid g = standard();
            return new Grid(g.linearEngines, g.arraySides, g.reluEngines, g.reluLanes, g.polyEngines, g.polyMultipliers, g.tiles,
                    new int[] {1, 2}, new int[] {2, 4, 6, 8});
        }

        /** The candidates; the FSS engine is the base allocation's where the grid has no FSS values. */
        public List<Allocation> allocations(Allocation base) {
            int[] fe = fssEngines.length == 0 ? new int[] {base.fssEngines()} : fssEngines;
            int[] ac = aesCores.length == 0 ? new int[] {base.aesCores()} : aesCores;
            List<Allocation> out = new ArrayList<>();
            for (int le : linearEngines) for (int side : arraySides) for (int re : reluEngines) for (int rl : reluLanes)
                for (int pe : polyEngines) for (int pm : polyMultipliers) for (int t : tiles) for (int f : fe) for (int c : ac)
                    out.add(new Allocation(le, side, side, re, rl, pe, pm, t, f, c));
            return out;
        }
    }

    /** One candidate: its resources, whether it fits, and its latency (NaN if it does not fit). */
    public record Point(Allocation allocation, Resources resources, boolean feasible, double latencySeconds) {}

    /** The fastest feasible candidate, the standard allocation's point, and all candidates. */
    public record Result(Point best, Point standard, Schedule bestSchedule, List<Point> points) {}

    private DesignSpaceSweep() {}

    /**
     * run: schedules the workload on one board configuration. A grid with FSS values is swept in
     * two stages, since the full product (x 8) takes many minutes for a large op: first the FSS engine
     * alone (its engine counts x AES cores, everything else as the base board), then the grid's
     * other dimensions with the best FSS engine of the first stage. That is a coordinate descent,
     * not every combination: an FSS engine that wins only with other engines resized is missed.
     */
    public static Result sweep(Zcu104 base, Grid grid, Function<Zcu104, Schedule> run) {
        Allocation standard = base.allocation();
        List<Point> points = new ArrayList<>();
        Result fssStage = null;
        Grid rest = grid;
        if (grid.fssEngines().length > 0) {
            List<Allocation> fss = new ArrayList<>();
            for (int f : grid.fssEngines()) for (int c : grid.aesCores()) fss.add(standard.withFss(f, c));
            fssStage = evaluate(base, fss, standard, run, points);
            Allocation chosen = fssStage.best().allocation();
            rest = new Grid(grid.linearEngines(), grid.arraySides(), grid.reluEngines(), grid.reluLanes(), grid.polyEngines(),
                    grid.polyMultipliers(), grid.tiles(), new int[] {chosen.fssEngines()}, new int[] {chosen.aesCores()});
        }
        List<Allocation> candidates = new ArrayList<>(rest.allocations(standard));
        for (Point p : points) candidates.remove(p.allocation()); // evaluated in the first stage
        if (!candidates.contains(standard) && points.stream().noneMatch(p -> p.allocation().equals(standard))) candidates.add(0, standard);
        Result second = evaluate(base, candidates, standard, run, points);
        Result r = second;
        if (fssStage != null && fssStage.best() != null && (second.best() == null || better(fssStage.best(), second.best()))) {
            r = new Result(fssStage.best(), null, fssStage.bestSchedule(), points);
        }
        if (r.best() == null) throw new IllegalArgumentException("no allocation of the grid fits the board's resource budget " + base.budget());
        Point std = points.stream().filter(p -> p.allocation().equals(standard) && p.feasible()).findFirst().orElse(null);
        return new Result(r.best(), std, r.bestSchedule(), points);
    }

    /** Schedules each candidate that fits (adding every point to `points`); the best may be null. */
    private static Result evaluate(Zcu104 base, List<Allocation> candidates, Allocation standard, Function<Zcu104, Schedule> run,
                                   List<Point> points) {
        Point best = null, std = null;
        Schedule bestSchedule = null;
        for (Allocation a : candidates) {
            Zcu104 board = base.withAllocation(a);
            Resources r = board.resources();
            if (!r.fitsIn(board.budget())) {
                points.add(new Point(a, r, false, Double.NaN));
                continue;
            }
            Schedule s = run.apply(board);
            Point p = new Point(a, r, true, s.makespan());
            points.add(p);
            if (a.equals(standard)) std = p;
            if (best == null || better(p, best)) {
                best = p;
                bestSchedule = s;
            }
        }
        return new Result(best, std, bestSchedule, points);
    }

    private static boolean better(Point p, Point q) {
        if (p.latencySeconds() != q.latencySeconds()) return p.latencySeconds() < q.latencySeconds();
        if (p.resources().dsp() != q.resources().dsp()) return p.resources().dsp() < q.resources().dsp();
        return p.resources().lut() < q.resources().lut();
    }
}
