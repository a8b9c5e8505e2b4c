package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.CorrelationSource;

/**
 * How the millionaires' protocol cuts its 63-bit comparison into digits, which depends on where
 * the correlations come from, because the two sources price a leaf OT differently:
 * <ul>
 *   <li>{@link #FOUR_BIT}, with a dealer: one digit of 3 bits and fifteen of 4 (3 + 15 x 4 = 63).
 *       A dealer's random 1-out-of-N OT costs party 1 only its msgBits-bit pad, whatever N, so the
 *       online answer (2 x 2^m bits a digit) dominates and small digits win: 1-out-of-8 and
 *       1-out-of-16 OTs, 16 leaves, 15 combines.
 *   <li>{@link #FIVE_BIT}, over OT: two digits of 4 bits and eleven of 5 (2 x 4 + 11 x 5 = 63). A KK13
 *       1-out-of-N OT costs 32 bytes a lane whatever N, and so does each tree combine, so fewer, wider
 *       digits cost less in all: 13 leaves and 12 combines.
 * </ul>
 * Both parties derive the layout from the correlation mode, which the session handshake checks
 * ({@link #of(String)}), so they cannot disagree on it.
 */
public enum MillionaireDigits {
    FOUR_BIT(new int[] {1, 3}, new int[] {15, 4}),
    FIVE_BIT(new int[] {2, 4}, new int[] {11, 5});

    /** Runs of equal digits from the lowest up: {count, width} each; one OT request per run. */
    private final int[][] runs;
    private final int[] widths, offsets, answerOffsets, run, indexInRun;

    MillionaireDigits(int[]... runs) {
        this.runs = runs;
        int digits = 0;
        for (int[] r : runs) digits += r[0];
        widths = new int[digits];
        run = new int[digits];
        indexInRun = new int[digits];
        offsets = new int[digits + 1];
        answerOffsets = new int[digits + 1];
        int g = 0;
        for (int k = 0; k < runs.length; k++) {
            for (int i = 0; i < runs[k][0]; i++, g++) {
                widths[g] = runs[k][1];
                run[g] = k;
                indexInRun[g] = i;
                offsets[g + 1] = offsets[g] + widths[g];
                answerOffsets[g + 1] = answerOffsets[g] + (2 << widths[g]);
            }
        }
        if (offsets[digits] != 63) throw new AssertionError(name() + " covers " + offsets[digits] + " bits, not 63");
    }

    /** The layout for a correlation mode ("dealer" or "ot", as {@link CorrelationSource#mode()} names it). */
    public static MillionaireDigits of(String correlationMode) {
        return switch (correlationMode) {
            case "dealer" -> FOUR_BIT;
            case "ot" -> FIVE_BIT;
            default -> throw new IllegalArgumentException("correlation mode must be dealer or ot, got " + correlationMode);
        };
    }

    public static MillionaireDigits of(CorrelationSource source) {
        return of(source.mode());
    }

    public int digits() {
        return widths.length;
    }

    public int width(int digit) {
        return widths[digit];
    }

    public int[] widths() {
        return widths.clone();
    }

    /** Runs of equal widths; {@link #run(int)} says which a digit belongs to. */
    public int runs() {
        return runs.length;
    }

    public int runCount(int r) {
        return runs[r][0];
    }

    public int runWidth(int r) {
        return runs[r][1];
    }

    int run(int digit) {
        return run[digit];
    }

    /** The digit's group within its run's OT request. */
    int indexInRun(int digit) {
        return indexInRun[digit];
    }

    /** Lowest bit of a digit. */
    int offset(int digit) {
        return offsets[digit];
    }

    /** Answer planes before a digit's: 2 for each message of the lower digits. */
    int answerOffset(int digit) {
        return answerOffsets[digit];
    }

    /** Planes of party 0's answer: 2 for each of the 2^m messages of each digit (496 or 768). */
    public int answerPlanes() {
        return answerOffsets[widths.length];
    }
}
