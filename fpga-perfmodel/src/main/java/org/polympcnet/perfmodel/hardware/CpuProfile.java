package org.polympcnet.perfmodel.hardware;

import java.util.List;
import org.polympcnet.perfmodel.cost.EngineKind;
import org.polympcnet.perfmodel.cost.Step;
import org.polympcnet.perfmodel.cost.Work;

/**
 * This machine running the protocols as implemented: each party one thread, so every step of
 * every kind runs on the one unit "cpu", whole (no tiles), in order. A step costs its counted
 * work priced by the calibrated primitives at the op's size; a flight costs the copies of its
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
        double ns = cal.nanos(CpuPrimitive.TRANSPOSE, w.transposes(), n)
                + cal.nanos(CpuPrimitive.BIT_WORD, w.bitWords(), n)
                + cal.nanos(CpuPrimitive.AND_WORD, w.andWords(), n)
                + cal.nanos(CpuPrimitive.RING_OP, w.ringOps(), n)
                // A pass with a product costs RING_MULT, one without RING_OP: the product's own share is the difference.
                + Math.max(0, cal.nanos(CpuPrimitive.RING_MULT, w.ringMults(), n) - cal.nanos(CpuPrimitive.RING_OP, w.ringMults(), n));
        // A product's MAC rate depends on its right matrix (k x n): the inner loop runs over a row of
        // n, and the matrix stays in cache or not; the calibration is indexed by its element count.
        if (w.macs() > 0) ns += cal.nanos(CpuPrimitive.MAC, w.macs(), step.shape() == null ? n : (long) step.shape().k() * step.shape().n());
        return ns * 1e-9;
    }

    @Override
    public double flightSeconds(Step step) {
        if (!step.flight()) return 0;
        return (cal.handoffNs() + cal.nanos(CpuPrimitive.CHANNEL_BYTE, step.bytes(), Math.max(1, step.bytes() / 8))) * 1e-9;
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
