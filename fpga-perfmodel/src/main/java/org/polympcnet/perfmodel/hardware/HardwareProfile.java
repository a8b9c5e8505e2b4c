package org.polympcnet.perfmodel.hardware;

import java.util.List;
import org.polympcnet.perfmodel.cost.EngineKind;
import org.polympcnet.perfmodel.cost.Step;

/**
 * What runs a party's share of the protocol: named units that execute the steps of each engine
 * kind, how long a step's local work takes on one unit, and the party's own cost of each message
 * flight (besides the network link, which the scheduler models from a {@code NetworkProfile}).
 * Each party has the same hardware; its work is modelled for the busier party.
 */
public interface HardwareProfile {
    /** "zcu104", "cpu". */
    String name();

    /** The units that can run a step of this kind (several instances, or one shared CPU). */
    List<String> units(EngineKind kind);

    /** Seconds of a step's local work on one unit of its kind. */
    double computeSeconds(Step step);

    /** Seconds the party itself spends on a step's flight (copies, thread hand-off); 0 if none. */
    double flightSeconds(Step step);

    /**
     * Seconds an online phase pays once, before its first flight completes, besides its steps (on
     * the cpu: the parties' skew after their last synchronization); 0 by default.
     */
    default double startSeconds() {
        return 0;
    }

    /** Elements per tile when a layer is split to overlap tiles; 0 runs every op whole. */
    int tileElements();

    /** A short description of the configuration, for CSV config fields and chart titles. */
    String describe();
}
