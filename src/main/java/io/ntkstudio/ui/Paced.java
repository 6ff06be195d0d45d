package io.ntkstudio.ui;

import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * A value shown at most once per interval, the newest one winning, and at once when it differs in
 * kind from the one on show: the status bar's step and losses, and the timeline's live step. At
 * full speed they changed on every frame, and each change made the renderer repaint and upload the
 * window once more; no one reads a counter that changes sixty times a second. The last value
 * offered is always shown, at most one interval late ({@link #tick} runs every frame). FX thread only.
 */
final class Paced<T> {
    private final long intervalNanos;
    private final BiPredicate<T, T> urgent;
    private final Consumer<T> show;
    private T pending;
    private T shown;
    private long shownAt;

    /** {@code urgent.test(shown, offered)} says when an offered value may not wait. */
    Paced(long intervalNanos, BiPredicate<T, T> urgent, Consumer<T> show) {
        this.intervalNanos = intervalNanos;
        this.urgent = urgent;
        this.show = show;
    }

    /** Offers the newest value at time {@code now} (nanoseconds). */
    void offer(T value, long now) {
        pending = value;
        if (shown == null || urgent.test(shown, value) || now - shownAt >= intervalNanos) {
            flush(now);
        }
    }

    /** Shows the value held back, once its interval has passed. */
    void tick(long now) {
        if (pending != null && now - shownAt >= intervalNanos) {
            flush(now);
        }
    }

    /** Forgets the value held back, so that it cannot replace a message shown since. */
    void drop() {
        pending = null;
        shown = null;
    }

    private void flush(long now) {
        T v = pending;
        pending = null;
        shown = v;
        shownAt = now;
        show.accept(v);
    }
}
