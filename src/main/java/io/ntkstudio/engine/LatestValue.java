package io.ntkstudio.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A single-slot mailbox between one producer and one consumer: the producer overwrites, the
 * consumer takes the newest value it has not seen, and neither ever waits.
 */
public final class LatestValue<T> {
    private final AtomicReference<T> unseen = new AtomicReference<>();
    private final AtomicReference<T> latest = new AtomicReference<>();

    public void publish(T value) {
        latest.set(value);
        unseen.set(value);
    }

    /** The newest value not yet taken, or null if nothing new was published. */
    public T take() {
        return unseen.getAndSet(null);
    }

    /** The newest value published, taken or not (null before the first). */
    public T peek() {
        return latest.get();
    }
}
