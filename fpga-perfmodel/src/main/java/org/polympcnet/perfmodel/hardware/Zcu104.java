package org.polympcnet.perfmodel.hardware;

import java.util.ArrayList;
import java.util.List;
import org.polympcnet.perfmodel.cost.EngineKind;
import org.polympcnet.perfmodel.cost.MatShape;
import org.polympcnet.perfmodel.cost.Step;
import org.polympcnet.perfmodel.cost.Work;

/**
 * The Xilinx ZCU104 board (XCZU7EV) running one party's share: engines for linear layers
 * (a systolic array of ring multiply-accumulate units), the ReLU adder circuit (bit-sliced AND
 * lanes), the polynomial (ring multipliers) and FSS (pipelined fixed-key AES-128 cores that walk the
 * dealer's DCF keys), sized by an {@link Allocation} and clocked at
 * the programmable-logic clock. Engines stream: each lane takes one 64-bit word (or element) a
 * cycle every II cycles, and a step's stages (masking, ANDs or products, unmasking) are
 * pipelined, so a step lasts as many cycles as its longest stream. Correlations stream from the
 * board's DDR; the network interface is modelled by the scheduler's link.
 */
public final class Zcu104 implements HardwareProfile {
    /** XCZU7EV: 1728 DSP48E2, 230,400 LUT, 312 BRAM36 (11 Mb), 96 URAM288 (27 Mb). */
    public static final Resources BUDGET = new Resources(1728, 230_400, 312L * 36 * 1024, 96L * 288 * 1024);

    /** 64-bit words an AES core's XOR stages (before and after its rounds, 128 bits each) take a cycle. */
    static final int FSS_WORDS_PER_CORE = 4;

    private final EngineParameters params;
    private final Allocation allocation;

    public Zcu104(EngineParameters params, Allocation allocation) {
        this.params = params;
        this.allocation = allocation;
    }

    /** The board with the engines and clock of hls/engines.properties. */
    public static Zcu104 standard() {
        EngineParameters p = EngineParameters.standard();
        return new Zcu104(p, Allocation.standard(p));
    }

    public Zcu104 withAllocation(Allocation a) {
        return new Zcu104(params, a);
    }

    public EngineParameters parameters() {
        return params;
    }

    public Allocation allocation() {
        return allocation;
    }

    public Resources resources() {
        return allocation.resources(params);
    }

    public Resources budget() {
        return BUDGET;
    }

    public boolean feasible() {
        return resources().fitsIn(BUDGET);
    }

    @Override
    public String name() {
        return "zcu104";
    }

    @Override
    public List<String> units(EngineKind kind) {
        List<String> u = new ArrayList<>();
        for (int i = 0; i < allocation.engines(kind); i++) u.add(kind.label() + i);
        return u;
    }

    @Override
    public double computeSeconds(Step step) {
        return cycles(step) / (params.clockMhz() * 1e6);
    }

    /** Clock cycles of a step on one engine of its kind. */
    public long cycles(Step step) {
        Work w = step.work();
        switch (step.engine()) {
            case RELU: {
                if (w.ringMults() > 0 || w.macs() > 0 || w.aesBlocks() > 0) {
                    throw new IllegalArgumentException("the ReLU engine has no multipliers or AES cores: " + w);
                }
                long stream = max(w.transposes() * 64, w.bitWords(), w.andWords(), w.ringOps());
                return params.reluIi() * ceilDiv(stream, allocation.reluLanes());
            }
            case FSS: {
                if (w.ringMults() > 0 || w.macs() > 0 || w.andWords() > 0 || w.transposes() > 0) {
                    throw new IllegalArgumentException("the FSS engine has only AES cores and word lanes: " + w);
                }
                // Each core takes a block a cycle; a 128-bit XOR stage before its rounds (seed ^ tweak) and one
                // after (feed-forward, correction word, value) make 4 words a cycle alongside.
                long stream = max(w.aesBlocks(), ceilDiv(w.ringOps(), FSS_WORDS_PER_CORE), ceilDiv(w.bitWords(), FSS_WORDS_PER_CORE), 0);
                return params.aesIi() * ceilDiv(stream, allocation.aesCores());
            }
            case POLY: {
                if (w.macs() > 0 || w.andWords() > 0 || w.transposes() > 0 || w.aesBlocks() > 0) {
                    throw new IllegalArgumentException("the polynomial engine has no AND lanes, systolic array or AES cores: " + w);
                }
                long stream = max(w.ringMults(), w.ringOps(), w.bitWords(), 0);
                return params.polyIi() * ceilDiv(stream, allocation.polyMultipliers());
            }
            default: {
                if (w.aesBlocks() > 0) throw new IllegalArgumentException("the linear engine has no AES cores: " + w);
                int rows = allocation.matmulRows(), cols = allocation.matmulCols();
                long cycles = params.matmulIi() * ceilDiv(w.ringOps(), cols); // element moves enter a row of the array a cycle
                MatShape s = step.shape();
                if (w.macs() > 0) {
                    if (s == null) throw new IllegalArgumentException("a linear step with products needs their shape");
                    // Output-stationary: each (rows x cols) block of the result takes k cycles plus the array's fill.
                    long products = Math.max(1, Math.round((double) w.macs() / s.macs()));
                    long blocks = ceilDiv(s.m(), rows) * ceilDiv(s.n(), cols);
                    cycles += products * blocks * ((long) s.k() * params.matmulIi() + rows + cols);
                }
                return cycles;
            }
        }
    }

    @Override
    public double flightSeconds(Step step) {
        return 0; // the engines write flights straight to the network interface's buffers
    }

    @Override
    public int tileElements() {
        return allocation.tileElements();
    }

    @Override
    public String describe() {
        return "zcu104@" + trim(params.clockMhz()) + "MHz;" + allocation.describe();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static long max(long a, long b, long c, long d) {
        return Math.max(Math.max(a, b), Math.max(c, d));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
