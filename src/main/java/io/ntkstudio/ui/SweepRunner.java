package io.ntkstudio.ui;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.WidthSweep;
import io.ntkstudio.network.Parameterization;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Runs a {@link WidthSweep} on its own thread, for the window: progress as a property updated
 * once per frame, cancellable at any time, the result handed over on the FX thread.
 */
final class SweepRunner {
    static final int[] WIDTHS = {16, 64, 256, 1024, 4096};
    static final int SEEDS = 3;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private volatile boolean cancelled;
    private volatile double done;
    private final AtomicReference<Object> outcome = new AtomicReference<>();
    private AnimationTimer poll;

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Starts a sweep of the experiment; {@code onResult} gets the points, {@code onError} a message. */
    void start(ExperimentSpec spec, Path baseDir, Consumer<List<WidthSweep.Point>> onResult, Consumer<String> onError) {
        start(spec, baseDir, WIDTHS, SEEDS, onResult, onError);
    }

    void start(ExperimentSpec spec, Path baseDir, int[] widths, int seeds, Consumer<List<WidthSweep.Point>> onResult,
               Consumer<String> onError) {
        if (running.get()) {
            return;
        }
        cancelled = false;
        done = 0;
        outcome.set(null);
        running.set(true);
        progress.set(0);
        Thread t = new Thread(() -> {
            try {
                Dataset data = DataSources.build(spec.data(), baseDir);
                outcome.set(WidthSweep.run(spec, data, List.of(Parameterization.NTK, Parameterization.MUP), widths, seeds,
                        (k, total, p) -> done = k / (double) total, () -> cancelled));
            } catch (CancellationException e) {
                outcome.set("cancelled");
            } catch (RuntimeException | OutOfMemoryError e) {
                outcome.set("The width sweep stopped: " + e.getMessage());
            }
        }, "ntk-sweep");
        t.setDaemon(true);
        t.start();
        poll = new AnimationTimer() {
            @Override
            @SuppressWarnings("unchecked")
            public void handle(long now) {
                progress.set(done);
                Object o = outcome.getAndSet(null);
                if (o == null) {
                    return;
                }
                stop();
                running.set(false);
                progress.set(0);
                if (o instanceof List<?> points) {
                    onResult.accept((List<WidthSweep.Point>) points);
                } else if (!"cancelled".equals(o)) {
                    onError.accept((String) o);
                }
            }
        };
        poll.start();
    }

    void cancel() {
        cancelled = true;
    }
}
