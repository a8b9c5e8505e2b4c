package org.polympcnet.perfmodel.schedule;

/**
 * A layer in the schedule: when its first task starts and its results are ready (seconds), the
 * units its work ran on ("relu0+poly0", "cpu"), the bytes each party sent online and the
 * message flights (rounds, over all its tiles).
 */
public record LayerTiming(String layer, String type, double start, double end, String engines, long onlineBytes, int rounds, int tiles) {
    public double latency() {
        return end - start;
    }
}
