package io.ntkstudio.ui;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The control for {@code bench-ui}: the same hand-off that starts a headless frame (a fixed-rate
 * timer thread at the window's period posts to a thread that waits for it, as Monocle's timer posts
 * a pulse to the FX thread), with no JavaFX and nothing to draw, measured in the same process over
 * the same seconds of training. Its gaps are what the machine's scheduler gives any thread woken 60
 * times a second under that load: the floor under the window's own.
 */
final class TimerFloor implements AutoCloseable {
    private final FrameStats gaps = new FrameStats();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "bench-timer-floor");
        t.setDaemon(true);
        return t;
    });
    private final LinkedBlockingQueue<Long> ticks = new LinkedBlockingQueue<>();
    private final Thread receiver;
    private volatile boolean closed;

    TimerFloor(int periodMs) {
        receiver = new Thread(this::receive, "bench-timer-floor-receiver");
        receiver.setDaemon(true);
        receiver.start();
        timer.scheduleAtFixedRate(() -> ticks.add(System.nanoTime()), 0, periodMs, TimeUnit.MILLISECONDS);
    }

    private void receive() {
        try {
            while (!closed) {
                ticks.take();
                long now = System.nanoTime();
                synchronized (gaps) {
                    gaps.frame(now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void reset() {
        synchronized (gaps) {
            gaps.reset();
        }
    }

    double gapQuantile(double q) {
        synchronized (gaps) {
            return gaps.gapQuantile(q);
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        receiver.interrupt();
    }
}
