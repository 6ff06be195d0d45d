package io.ntkstudio.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Runs one task on several threads at once and waits for all; the first failure is rethrown on the caller's thread. */
final class Parallel {
    private Parallel() {
    }

    static void run(Runnable task, int threads) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        List<Thread> started = new ArrayList<>();
        for (int k = 1; k < threads; k++) {
            Thread t = new Thread(guarded, "kernel-" + k);
            t.setDaemon(true);
            t.start();
            started.add(t);
        }
        guarded.run();
        for (Thread t : started) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the kernel was computed", e);
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
