package org.polympcnet.perfmodel.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the calling thread has waited, runnable, for a CPU (Linux schedstat: the second field
 * of /proc/thread-self/schedstat, in ns). On this 2-core machine a timing is only worth keeping if
 * neither party thread waited: any other busy process (a build, a test run) takes a core from the
 * two party threads, and each round then waits for the scheduler. Timings whose threads waited
 * more than {@link #tolerated} are discarded. Where schedstat is missing, nothing is discarded.
 */
public final class RunQueueDelay {
    private static final Path SELF = Path.of("/proc/thread-self/schedstat");
    private static final boolean AVAILABLE = Files.isReadable(SELF) && read() >= 0;

    private RunQueueDelay() {}

    public static boolean available() {
        return AVAILABLE;
    }

    /** Nanoseconds this thread has spent runnable but not running; 0 where unknown. */
    public static long nanos() {
        return AVAILABLE ? Math.max(0, read()) : 0;
    }

    /**
     * The delay a timing of `elapsedNanos` may carry and still count as uncontended: a thread
     * woken for every round waits a few microseconds each time even on an idle machine.
     */
    public static long tolerated(long elapsedNanos, double fraction) {
        return (long) (fraction * elapsedNanos) + 20_000;
    }

    private static long read() {
        try {
            String[] f = Files.readString(SELF).trim().split("\\s+");
            return Long.parseLong(f[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
