package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.TrainingSnapshot;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Two runs, A and B, on the same data and seed, stepped together: while playing, both step
 * budgets advance in chunks of {@value #CHUNK} steps past the slower run, so the faster run waits
 * and the two never drift further apart than a chunk. Each run keeps its own training thread.
 */
final class CompareController {
    static final int CHUNK = 5;
    final StudioModel a;
    final StudioModel b;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private boolean shutDown;
    private final AnimationTimer pacer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pace();
        }
    };

    CompareController(ExperimentSpec specA, ExperimentSpec specB, Path baseDir) {
        a = new StudioModel(specA, baseDir);
        b = new StudioModel(specB.withData(specA.data()).withNetwork(specB.network().withSeed(specA.network().seed())), baseDir);
    }

    List<StudioModel> runs() {
        return List.of(a, b);
    }

    ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    void start() {
        a.start();
        b.start();
        a.setStepBudget(0);
        b.setStepBudget(0);
        pacer.start();
    }

    void shutdown() {
        shutDown = true;
        pacer.stop();
        a.shutdown();
        b.shutdown();
    }

    /** Whether the runs were stopped for good (the window closed, or another comparison replaced it). */
    boolean isShutDown() {
        return shutDown;
    }

    /** B's experiment: it keeps A's data and seed, whatever else differs. */
    void applyB(ExperimentSpec spec) {
        b.apply(spec.withData(a.specProperty().get().data()).withNetwork(spec.network().withSeed(a.specProperty().get().network().seed())));
    }

    void togglePlay() {
        playing.set(!playing.get());
        if (!playing.get()) {
            a.pause();
            b.pause();
        }
    }

    /** One step of each run. */
    void step() {
        playing.set(false);
        long target = Math.min(step(a), step(b)) + 1;
        for (StudioModel m : runs()) {
            m.setStepBudget(target);
            if (step(m) < target) {
                m.step();
            }
        }
    }

    /** Both runs at this speed (≤ 0: as fast as possible). */
    void setStepsPerSecond(double v) {
        a.setStepsPerSecond(v);
        b.setStepsPerSecond(v);
    }

    void reset() {
        playing.set(false);
        a.reset();
        b.reset();
        a.setStepBudget(0);
        b.setStepBudget(0);
    }

    private void pace() {
        if (!playing.get()) {
            return;
        }
        if (a.engineStatus() == RunStatus.DIVERGED || b.engineStatus() == RunStatus.DIVERGED
                || a.engineStatus() == RunStatus.FAILED || b.engineStatus() == RunStatus.FAILED) {
            playing.set(false);
            return;
        }
        long slow = Math.min(step(a), step(b));
        long budget = Math.min(a.specProperty().get().training().steps(), b.specProperty().get().training().steps());
        if (slow >= budget) {
            // the step budget holds here as in the main window: both stop at it
            playing.set(false);
            return;
        }
        long target = Math.min(budget, slow + CHUNK);
        for (StudioModel m : runs()) {
            m.setStepBudget(target);
            RunStatus st = m.engineStatus();
            if (step(m) < target && st != RunStatus.RUNNING) {
                m.play();
            }
        }
    }

    static long step(StudioModel m) {
        TrainingSnapshot s = m.snapshotProperty().get();
        return s == null ? 0 : s.step();
    }
}
