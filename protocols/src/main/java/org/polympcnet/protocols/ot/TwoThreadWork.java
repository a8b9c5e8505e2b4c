package org.polympcnet.protocols.ot;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Items 0 .. n - 1 shared between the calling thread and one helper from a pool (the KK13 sender's
 * pad hashing, one item a message index). Both take the next item from one counter, so the split
 * follows their speeds, and a helper that the pool starts late (or never, if every pool thread is
 * busy) leaves its items to the caller: the caller never waits for a helper that has not started.
 * Once {@link #run} returns, normally or by an exception from either side, the helper has stopped
 * and writes nothing more.
 */
final class TwoThreadWork {
    /** Helpers for every KK13 sender in this JVM: one per core beyond the first (none on one core), daemon threads. */
    private static final ExecutorService POOL = poolOf(Runtime.getRuntime().availableProcessors() - 1);

    private TwoThreadWork() {}

    private static ExecutorService poolOf(int threads) {
        if (threads < 1) return null;
        AtomicInteger made = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kk13-hash-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs mine(i) on this thread and helper(i) on a pooled one, for every i in 0 .. n - 1 exactly once. */
    static void run(int n, IntConsumer mine, IntConsumer helper) {
        Shared s = new Shared(n, helper);
        if (POOL != null && n > 1) POOL.execute(s);
        RuntimeException failed = null;
        try {
            s.drain(mine);
        } catch (RuntimeException | Error e) {
            s.stop();
            failed = e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException("KK13 pad hashing failed", e);
        }
        s.awaitOrRevoke();
        if (failed != null) {
            if (s.failure != null) failed.addSuppressed(s.failure);
            throw failed;
        }
        if (s.failure != null) throw new IllegalStateException("KK13 pad hashing failed in the helper thread", s.failure);
    }

    /** The counter, and the helper's state: queued, running, finished, or revoked before it started. */
    private static final class Shared implements Runnable {
        private static final int QUEUED = 0, RUNNING = 1, FINISHED = 2, REVOKED = 3;
        private final int n;
        private final IntConsumer helper;
        private final AtomicInteger next = new AtomicInteger(), state = new AtomicInteger(QUEUED);
        private final CountDownLatch finished = new CountDownLatch(1);
        private volatile Throwable failure;

        Shared(int n, IntConsumer helper) {
            this.n = n;
            this.helper = helper;
        }

        void drain(IntConsumer work) {
            for (int i; (i = next.getAndIncrement()) < n; ) work.accept(i);
        }

        /** No item is handed out any more (the one in progress on the other thread finishes). */
        void stop() {
            next.set(n);
        }

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) return;
            try {
                drain(helper);
            } catch (Throwable e) {
                failure = e;
                stop();
            } finally {
                state.set(FINISHED);
                finished.countDown();
            }
        }

        /** Returns once the helper cannot write any more: revoked before it started, or finished. */
        void awaitOrRevoke() {
            if (state.compareAndSet(QUEUED, REVOKED)) return;
            boolean interrupted = false;
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helper still writes into the caller's arrays: wait it out, then re-assert
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
