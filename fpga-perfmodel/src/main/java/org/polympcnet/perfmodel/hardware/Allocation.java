package org.polympcnet.perfmodel.hardware;

import org.polympcnet.perfmodel.cost.EngineKind;

/**
 * How many engines of each kind the FPGA holds, how big each is, and the tile size the
 * scheduler splits layers into: one point of the design space that the sweep explores.
 *
 * @param matmulRows rows of each linear engine's systolic array (x matmulCols ring MACs)
 * @param reluLanes 64-bit AND-word lanes of each ReLU engine
 * @param polyMultipliers ring multipliers of each polynomial engine
 * @param tileElements elements per tile (double-buffered on chip)
 * @param fssEngines FSS engines (DCF key evaluation)
 * @param aesCores pipelined AES-128 cores of each FSS engine
 */
public record Allocation(int linearEngines, int matmulRows, int matmulCols, int reluEngines, int reluLanes,
                         int polyEngines, int polyMultipliers, int tileElements, int fssEngines, int aesCores) {
    /**
     * On-chip bytes per element of a tile, per engine: the input share, the send and receive
     * buffers of its flights and the output (correlations stream from DDR and are not buffered).
     * ReLU: 8 + 2 x 38.5 + 8; polynomial: 8 + 2 x 8 + 8; linear: E, F and C tiles and the output;
     * FSS: 8 + 2 x 8 + 8 and the walk's state, a 16-byte seed and a 16-byte value (the keys' correction
     * words stream from DDR like correlations).
     */
    static final double RELU_BUFFER_BYTES = 93, POLY_BUFFER_BYTES = 32, LINEAR_BUFFER_BYTES = 32, FSS_BUFFER_BYTES = 64;

    public Allocation {
        if (linearEngines < 1 || reluEngines < 1 || polyEngines < 1 || fssEngines < 1) {
            throw new IllegalArgumentException("an allocation needs at least one engine of each kind: " + this);
        }
        if (matmulRows < 1 || matmulCols < 1 || reluLanes < 1 || polyMultipliers < 1 || tileElements < 1 || aesCores < 1) {
            throw new IllegalArgumentException("engine sizes and the tile must be positive: " + this);
        }
    }

    /** The linear, ReLU and polynomial engines of a design point with one FSS engine of one AES core. */
    public Allocation(int linearEngines, int matmulRows, int matmulCols, int reluEngines, int reluLanes, int polyEngines, int polyMultipliers,
                      int tileElements) {
        this(linearEngines, matmulRows, matmulCols, reluEngines, reluLanes, polyEngines, polyMultipliers, tileElements, 1, 1);
    }

    /** One engine of each kind at the sizes of engines.properties, tiles of 4096 elements. */
    public static Allocation standard(EngineParameters p) {
        return new Allocation(1, p.matmulRows(), p.matmulCols(), 1, p.reluWordLanes(), 1, p.polyMultipliers(), 4096, 1, p.aesCores());
    }

    /** The same engines with another FSS engine count and AES cores each. */
    public Allocation withFss(int engines, int cores) {
        return new Allocation(linearEngines, matmulRows, matmulCols, reluEngines, reluLanes, polyEngines, polyMultipliers, tileElements,
                engines, cores);
    }

    public int engines(EngineKind k) {
        switch (k) {
            case LINEAR: return linearEngines;
            case RELU: return reluEngines;
            case POLY: return polyEngines;
            case FSS: return fssEngines;
            default: throw new IllegalArgumentException("no engine kind " + k);
        }
    }

    /** Logic from the per-unit costs of engines.properties; buffers double-buffer one tile per engine. */
    public Resources resources(EngineParameters p) {
        long linearMults = (long) matmulRows * matmulCols;
        Resources linear = new Resources(linearMults * p.dspPerRingMultiplier(), linearMults * p.lutPerRingMultiplier(),
                0, bufferBits(LINEAR_BUFFER_BYTES));
        Resources relu = new Resources(0, (long) reluLanes * p.lutPerAndWordLane(), 0, bufferBits(RELU_BUFFER_BYTES));
        Resources poly = new Resources((long) polyMultipliers * p.dspPerRingMultiplier(),
                (long) polyMultipliers * p.lutPerRingMultiplier(), 0, bufferBits(POLY_BUFFER_BYTES));
        Resources fss = new Resources(0, (long) aesCores * p.lutPerAesCore(), (long) aesCores * p.bramBitsPerAesCore(),
                bufferBits(FSS_BUFFER_BYTES));
        return linear.times(linearEngines).plus(relu.times(reluEngines)).plus(poly.times(polyEngines)).plus(fss.times(fssEngines));
    }

    private long bufferBits(double bytesPerElement) {
        return (long) Math.ceil(2 * tileElements * bytesPerElement * 8);
    }

    /** "linear=1x8x8;relu=1x16;poly=1x8;fss=1x4;tile=4096". */
    public String describe() {
        return "linear=" + linearEngines + "x" + matmulRows + "x" + matmulCols + ";relu=" + reluEngines + "x" + reluLanes
                + ";poly=" + polyEngines + "x" + polyMultipliers + ";fss=" + fssEngines + "x" + aesCores + ";tile=" + tileElements;
    }
}
