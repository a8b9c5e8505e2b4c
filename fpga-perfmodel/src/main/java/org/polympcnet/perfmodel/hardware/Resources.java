package org.polympcnet.perfmodel.hardware;

import java.util.ArrayList;
import java.util.List;

/** FPGA resources: DSP slices, LUTs, and on-chip memory bits (block RAM and UltraRAM). */
public record Resources(long dsp, long lut, long bramBits, long uramBits) {
    public static final Resources NONE = new Resources(0, 0, 0, 0);

    public Resources plus(Resources o) {
        return new Resources(dsp + o.dsp, lut + o.lut, bramBits + o.bramBits, uramBits + o.uramBits);
    }

    public Resources times(long k) {
        return new Resources(dsp * k, lut * k, bramBits * k, uramBits * k);
    }

    /** On-chip memory of both kinds. */
    public long memoryBits() {
        return bramBits + uramBits;
    }

    /**
     * True if this use fits the budget: DSP and LUT each within theirs, and the buffers within
     * block RAM plus UltraRAM together (a buffer goes to whichever has room).
     */
    public boolean fitsIn(Resources budget) {
        return excessOver(budget).isEmpty();
    }

    /** What exceeds the budget, one phrase each ("DSP 1800 > 1728"); empty if it fits. */
    public List<String> excessOver(Resources budget) {
        List<String> r = new ArrayList<>();
        if (dsp > budget.dsp) r.add("DSP " + dsp + " > " + budget.dsp);
        if (lut > budget.lut) r.add("LUT " + lut + " > " + budget.lut);
        if (memoryBits() > budget.memoryBits()) r.add("on-chip memory " + memoryBits() + " bits > " + budget.memoryBits());
        return r;
    }
}
