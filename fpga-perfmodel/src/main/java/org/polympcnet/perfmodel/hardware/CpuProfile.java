package org.polympcnet.perfmodel.hardware;

import java.util.List;
import org.polympcnet.perfmodel.cost.EngineKind;
import org.polympcnet.perfmodel.cost.Step;
import org.polympcnet.perfmodel.cost.Work;

/**
 * This machine running the protocols as implemented: each party one thread, so every step of
 * every kind runs on the one unit "cpu", whole (no tiles), in order. A step costs its counted
 * work priced by the calibrated primitives at the size whose benchmark working set equals the
 * op's ({@link #size}); a flight costs the copies of its
 * bytes through the in-memory channel and one hand-off between the party threads; an online
 * phase (a single op, or a whole inference) pays once the start overhead of
 * {@link CpuCalibration#startOverheadNs}.
 */
public final class CpuProfile implements HardwareProfile {
    public static final String UNIT = "cpu";
    private final CpuCalibration cal;

    public CpuProfile(CpuCalibration cal) {
        this.cal = cal;
    }

    public CpuCalibration calibration() {
        return cal;
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public List<String> units(EngineKind kind) {
        return List.of(UNIT);
    }

    @Override
    public double computeSeconds(Step step) {
        Work w = step.work();
        long n = Math.max(1, step.elements());
        double ns = cal.nanos(CpuPrimitive.TRANSPOSE, w.transposes(), size(CpuPrimitive.TRANSPOSE, step, n))
                + cal.nanos(CpuPrimitive.BIT_WORD, w.bitWords(), size(CpuPrimitive.BIT_WORD, step, n))
                + cal.nanos(CpuPrimitive.AND_WORD, w.andWords(), size(CpuPrimitive.AND_WORD, step, n))
                + cal.nanos(CpuPrimitive.RING_OP, w.ringOps(), size(CpuPrimitive.RING_OP, step, n))
                // A pass with a product costs RING_MULT, one without RING_OP: the product's own share is the difference.
                + Math.max(0, cal.nanos(CpuPrimitive.RING_MULT, w.ringMults(), size(CpuPrimitive.RING_MULT, step, n))
                        - cal.nanos(CpuPrimitive.RING_OP, w.ringMults(), size(CpuPrimitive.RING_OP, step, n)))
                + cal.nanos(CpuPrimitive.FIXED_KEY_AES, w.aesBlocks(), size(CpuPrimitive.FIXED_KEY_AES, step, n));
        // A product's MAC rate depends on its right matrix (k x n): the inner loop runs over a row of
        // n, and the matrix stays in cache or not; the calibration is indexed by its element count.
        if (w.macs() > 0) ns += cal.nanos(CpuPrimitive.MAC, w.macs(), step.shape() == null ? n : (long) step.shape().k() * step.shape().n());
        return ns * 1e-9;
    }

    @Override
    public double flightSeconds(Step step) {
        if (!step.flight()) return 0;
        return (cal.handoffNs() + cal.nanos(CpuPrimitive.CHANNEL_BYTE, step.bytes(), size(CpuPrimitive.CHANNEL_BYTE, step, Math.max(1, step.bytes() / 8))))
                * 1e-9;
    }

    /**
     * The benchmark size at which to price primitive p in this step: the one whose working set
     * equals the step's op's ({@link Step#footprint}), or the loop's own length if that is more.
     * An op's passes read what its earlier passes, its flights and the dealer wrote; a benchmark
     * loop at the op's element count reads a few arrays of that length. A Beaver product touches
     * 13 arrays of its length, a ring subtraction's benchmark 3, so the product leaves the per-core
     * cache at a 4x smaller n than the benchmark does.
     */
    static long size(CpuPrimitive p, Step step, long loop) {
        return Math.max(loop, step.footprint() / p.bytesPerSize());
    }

    /** The parties' skew at the start of an online phase, as the calibration measured it. */
    @Override
    public double startSeconds() {
        return cal.startOverheadNs() * 1e-9;
    }

    @Override
    public int tileElements() {
        return 0;
    }

    @Override
    public String describe() {
        return "cpu";
    }
}
