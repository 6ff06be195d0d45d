package io.ntkstudio.ui;

import io.ntkstudio.engine.SetupProgress;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * How the build of a model's run goes: the training thread reports into it ({@link #reporter}),
 * the FX thread turns that into a {@link SetupState} at most ten times a second, with the time left
 * at the pace so far, until the run's first snapshot arrives.
 */
final class SetupWatch {
    private final AtomicReference<double[]> done = new AtomicReference<>(new double[] {0});
    private final AtomicReference<String> what = new AtomicReference<>("");
    private long started;
    private final ReadOnlyObjectWrapper<SetupState> state = new ReadOnlyObjectWrapper<>();

    /** A new build begins now; returns what its thread reports to. */
    SetupProgress begin() {
        done.set(new double[] {0});
        what.set("the network and its kernels");
        started = System.nanoTime();
        return (d, w) -> {
            what.set(w);
            done.set(new double[] {d});
        };
    }

    /** From the frame: the state at {@code now}, refreshed at most every 100 ms. */
    void show(long now) {
        double elapsed = (now - started) / 1e9;
        SetupState shown = state.get();
        if (shown != null && elapsed - shown.elapsed() < 0.1) {
            return;
        }
        double d = done.get()[0];
        // the time left from the pace so far, once there is a pace to go by
        double left = d > 0.02 && elapsed > 1 ? elapsed * (1 - d) / d : Double.NaN;
        state.set(new SetupState(d, what.get(), elapsed, left));
    }

    /** The build is over (built, or failed). */
    void end() {
        state.set(null);
    }

    ReadOnlyObjectProperty<SetupState> property() {
        return state.getReadOnlyProperty();
    }
}
