package org.polympcnet.protocols.net;

import java.util.Locale;

/**
 * A link between the parties: bandwidth and round-trip time. Projected time of a run is
 * compute + rounds x RTT + bytes / bandwidth (DESIGN.md, net), where bytes is what the busier
 * direction carries, since both directions of a full-duplex link run at once.
 */
public record NetworkProfile(String name, double bitsPerSecond, double rttSeconds) {
    public static final NetworkProfile NONE = new NetworkProfile("none", Double.POSITIVE_INFINITY, 0.0);
    public static final NetworkProfile LAN = new NetworkProfile("lan", 3e9, 0.3e-3);
    public static final NetworkProfile WAN = new NetworkProfile("wan", 400e6, 40e-3);
    public static final NetworkProfile GBE = new NetworkProfile("gbe", 1e9, 0.2e-3);

    public static NetworkProfile parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "none": return NONE;
            case "lan": return LAN;
            case "wan": return WAN;
            case "gbe": return GBE;
            default:
                // custom:<Mbit/s>:<RTT ms>
                String[] p = s.split(":");
                if (p.length == 3 && p[0].equals("custom")) {
                    try {
                        return new NetworkProfile(s, Double.parseDouble(p[1]) * 1e6, Double.parseDouble(p[2]) * 1e-3);
                    } catch (NumberFormatException e) {
                        // fall through to the error below
                    }
                }
                throw new IllegalArgumentException("unknown network profile '" + spec
                        + "': use none, lan, wan, gbe or custom:<Mbit/s>:<RTT ms>");
        }
    }

    /** Seconds: compute + rounds x RTT + bytes / bandwidth. */
    public double projectSeconds(double computeSeconds, long rounds, long bytes) {
        double transfer = Double.isInfinite(bitsPerSecond) ? 0.0 : bytes * 8.0 / bitsPerSecond;
        return computeSeconds + rounds * rttSeconds + transfer;
    }
}
