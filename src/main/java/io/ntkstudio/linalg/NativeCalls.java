package io.ntkstudio.linalg;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The BLAS calls in flight, so that a process ends between them, not inside one: OpenBLAS's
 * library destructor, which the process's exit runs, joins its worker threads, and a worker
 * still serving a call that the exit interrupted never comes back (the process then hangs with
 * no CPU). Every native product holds a shared permit; {@link #closeForExit} waits for them and
 * lets no new one start. Shared permits cost one atomic update, and two lanes' calls run at once.
 */
public final class NativeCalls {
    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();

    private NativeCalls() {
    }

    static void enter() {
        LOCK.readLock().lock();
    }

    static void leave() {
        LOCK.readLock().unlock();
    }

    /**
     * Waits up to {@code millis} for the calls in flight to end and keeps any new one from
     * starting: for a process about to end. Returns whether none was left running.
     */
    public static boolean closeForExit(long millis) {
        try {
            return LOCK.writeLock().tryLock(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
