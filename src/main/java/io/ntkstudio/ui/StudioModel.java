package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.SetupProgress;
import io.ntkstudio.engine.TrainingLoop;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.HeatmapMode;
import io.ntkstudio.figure.RunHistory;
import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.plotmath.Numbers;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The presentation model of the studio, used on the FX thread only. It owns the
 * {@link TrainingLoop}, takes at most one snapshot per frame from its latest-value slot (never
 * waiting on the engine), builds the curves through {@link RunHistory}, and exposes read-only properties
 * the views and controls bind to.
 *
 * <p>Changing the architecture, data or seed restarts the run; changing the learning rate applies
 * from the next step; the step budget and kernel interval apply at once.
 */
public final class StudioModel {
    private final ReadOnlyObjectWrapper<ExperimentSpec> spec = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingSnapshot> kernelSnapshot = new ReadOnlyObjectWrapper<>();
    private TrainingSnapshot latestKernel;
    private final ReadOnlyObjectWrapper<TrainingSnapshot> replay = new ReadOnlyObjectWrapper<>();
    /** The run's latest snapshot when replay began: the curves run to it while a recorded step is shown. */
    private TrainingSnapshot liveAtReplay;
    private boolean notificationTypeset;
    private ChartInputs sharedInputs;
    private boolean freshRun;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TrainingSnapshot> liveSnapshot = new ReadOnlyObjectWrapper<>();
    /** Ten times a second, and at once when the run's status changes or a new run starts. */
    private final Paced<TrainingSnapshot> statusPace = new Paced<>(100_000_000L,
            (shown, next) -> shown.status() != next.status() || next.step() < shown.step(), this::showStatus);
    private final ReadOnlyIntegerWrapper generation = new ReadOnlyIntegerWrapper(0);
    private final DoubleProperty textScale = new SimpleDoubleProperty(1.0);
    private final ObjectProperty<ChartTheme> theme =
            new SimpleObjectProperty<>(ChartTheme.LIGHT);
    private final FrameStats frames = new FrameStats();
    private final ChartRenderer renderer = new ChartRenderer();
    private final Path baseDir;
    private TrainingLoop loop;
    private double stepsPerSecond;
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(0);
    private boolean reported;
    private long rateStep = -1;
    private long rateTime;
    private double stepsPerSecondMeasured;
    /** How the build of the current run goes. */
    private final SetupWatch setup = new SetupWatch();
    /** The experiment of the last run that was built (to go back to when a set-up is cancelled). */
    private ExperimentSpec lastBuilt;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };

    public StudioModel(ExperimentSpec initial, Path baseDir) {
        this.baseDir = baseDir;
        spec.set(initial);
    }

    /**
     * Builds the first run and starts pulling snapshots every frame. The products get all cores
     * but one: BLAS threads that share a core with the renderer stall each other, and the frames.
     */
    public void start() {
        MatrixBackend.current().setThreads(Runtime.getRuntime().availableProcessors() - 1);
        restart();
        timer.start();
    }

    /** Stops the engine thread without waiting for it and stops the frame timer. */
    public void shutdown() {
        timer.stop();
        renderer.stop();
        if (loop != null) {
            loop.closeAsync();
        }
    }

    public ReadOnlyObjectProperty<ExperimentSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Runs {@code action} when a snapshot of another run arrives (a new run, or none): not on every frame of the same run. */
    void onNewRun(Runnable action) {
        snapshot.addListener((o, was, now) -> {
            if (was == null || now == null || was.context() != now.context()) {
                action.run();
            }
        });
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** A message for the person, with the fix, when the run diverged or failed; else null. */
    public ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }

    /**
     * The run's newest snapshot at the pace of the status bar (ten times a second, at once when
     * its status changes): for text that follows the step, which no one reads sixty times a second.
     */
    public ReadOnlyObjectProperty<TrainingSnapshot> liveSnapshotProperty() {
        return liveSnapshot.getReadOnlyProperty();
    }

    /** Step, speed and losses for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Text and line size of the views and controls, 1.0 to 2.5 (presentation on a projector). */
    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    /** The colours of the views and the window: light, high contrast (projectors) or dark. */
    public ObjectProperty<ChartTheme> themeProperty() {
        return theme;
    }

    /** Incremented at every restart of the engine. */
    public ReadOnlyIntegerProperty generationProperty() {
        return generation.getReadOnlyProperty();
    }

    /**
     * The newest snapshot that carries Θ_t (snapshots in between carry only losses and outputs);
     * views of the kernel redraw only when it changes.
     */
    public ReadOnlyObjectProperty<TrainingSnapshot> kernelSnapshotProperty() {
        return kernelSnapshot.getReadOnlyProperty();
    }

    TrainingSnapshot kernelSnapshot() {
        TrainingSnapshot k = replay.get() != null ? replay.get() : latestKernel;
        return k != null && k.hasKernel() ? k : null;
    }

    /** The recorded step on show while replaying, else null (live). */
    public ReadOnlyObjectProperty<TrainingSnapshot> replayProperty() {
        return replay.getReadOnlyProperty();
    }

    /** The kernel snapshots of the current run that can be replayed, in step order. */
    public List<TrainingSnapshot> replayFrames() {
        return loop == null ? List.of() : loop.replayFrames();
    }

    /** Shows the recorded state {@code frame} in every view; the run pauses meanwhile. */
    public void showReplay(TrainingSnapshot frame) {
        if (frame == null || !frame.hasKernel()) {
            return;
        }
        pause();
        if (replay.get() == null) {
            liveAtReplay = snapshot.get();
        }
        replay.set(frame);
        snapshot.set(frame);
        kernelSnapshot.set(frame);
    }

    /** Back to the run's latest state. */
    public void showLive() {
        if (replay.get() == null) {
            return;
        }
        TrainingSnapshot s = loop == null ? null : loop.snapshots().peek();
        if (s != null) {
            // before the replay ends, so that what listens for its end finds the live step
            showStatus(s);
        }
        replay.set(null);
        liveAtReplay = null;
        if (s != null) {
            snapshot.set(s);
        }
        if (latestKernel != null) {
            kernelSnapshot.set(latestKernel);
        }
    }

    ChartRenderer renderer() {
        return renderer;
    }

    /** Immutable inputs for painting a view, captured now on the FX thread; null before the first snapshot. */
    ChartInputs chartInputs(PlotView view) {
        TrainingSnapshot s = snapshot.get();
        if (s == null) {
            return null;
        }
        // One copy of the histories per snapshot serves every view; views differ only in mode and anchor.
        if (sharedInputs == null || sharedInputs.snapshot() != s || sharedInputs.kernelSnapshot() != kernelSnapshot()) {
            TrainingSnapshot frame = replay.get();
            sharedInputs = frame != null && liveAtReplay != null ? RunHistory.replay(liveAtReplay, frame, HeatmapMode.CURRENT, 0)
                    : RunHistory.inputs(s, kernelSnapshot(), HeatmapMode.CURRENT, 0, sharedInputs);
        }
        return sharedInputs.with(view.settings());
    }

    FrameStats frameStats() {
        return frames;
    }

    /** Applies an edited experiment, restarting only when the run itself changes. */
    public void apply(ExperimentSpec next) {
        ExperimentSpec current = spec.get();
        if (next.equals(current)) {
            return;
        }
        spec.set(next);
        // the number of networks is part of the run: another count is another ensemble
        boolean sameRun = next.network().equals(current.network()) && next.data().equals(current.data())
                && next.training().members() == current.training().members()
                && next.training().rule().equals(current.training().rule());
        if (!sameRun) {
            restart();
            return;
        }
        if (next.training().learningRate() != current.training().learningRate()) {
            loop.setLearningRate(next.training().learningRate());
        }
        loop.setKernelEvery(next.training().kernelEvery());
        loop.setMaxSteps(next.training().steps());
    }

    /**
     * Starts {@code next} from initialisation, paused, whatever ran before: a lesson or a file
     * opened always begins fresh, even when its network is the one already trained.
     */
    public void open(ExperimentSpec next) {
        pause();
        spec.set(next);
        restart();
    }

    /** Sets the step budget of the current run, e.g. to keep two runs in step. */
    void setStepBudget(long steps) {
        if (loop != null) {
            loop.setMaxSteps(steps);
        }
    }

    /** The engine's status right now. */
    RunStatus engineStatus() {
        return loop == null ? RunStatus.PAUSED : loop.status();
    }

    public void play() {
        showLive();
        if (loop != null) {
            loop.play();
            playing.set(true);
        }
    }

    public void pause() {
        if (loop != null) {
            loop.pause();
        }
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void step() {
        showLive();
        pause();
        if (loop != null) {
            loop.stepOnce();
        }
    }

    /** Starts the same experiment again from initialisation. */
    public void reset() {
        restart();
    }

    /** Steps per second (≤ 0: as fast as possible). */
    public void setStepsPerSecond(double v) {
        stepsPerSecond = v;
        speed.set(Math.max(0, v));
        if (loop != null) {
            loop.setStepsPerSecond(v);
        }
    }

    /** The speed limit in steps per second (0: as fast as possible), for the speed control to follow. */
    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** Shows a message to the person in the window's notification bar. */
    public void notify(String message) {
        notificationTypeset = false;
        notification.set(null);
        notification.set(message);
    }

    /**
     * Shows a note written in the charts' markup (Θ_t, 2n/λ_max), typeset; {@link #notify} shows
     * its text as it is, since messages quote file names, which may hold underscores.
     */
    public void notifyNote(String markup) {
        notificationTypeset = true;
        notification.set(null);
        notification.set(markup);
    }

    /** Whether the notification on show is a typeset note. */
    boolean notificationTypeset() {
        return notificationTypeset;
    }

    public void dismissNotification() {
        notification.set(null);
    }

    private void restart() {
        boolean wasPlaying = playing.get();
        replay.set(null);
        liveAtReplay = null;
        if (loop != null) {
            loop.closeAsync();
        }
        ExperimentSpec s = spec.get();
        // The old pictures stay until the new run's first snapshot replaces them: if the new
        // configuration is refused (too big, bad file), nothing already shown is lost.
        freshRun = true;
        notification.set(null);
        reported = false;
        rateStep = -1;
        stepsPerSecondMeasured = 0;
        Path base = baseDir;
        SetupProgress progress = setup.begin();
        loop = new TrainingLoop(closed -> TrainingRun.create(s, base, RunOptions.WITH_INFINITE_WIDTH.cancelledWhen(closed)
                .reportingTo(progress)), s.training().steps(), s.training().kernelEvery());
        loop.setStepsPerSecond(stepsPerSecond);
        loop.start();
        generation.set(generation.get() + 1);
        statusPace.drop();
        status.set("building the network and its kernels…");
        if (wasPlaying) {
            play();
        }
    }

    private void frame(long now) {
        frames.frame(now);
        TrainingSnapshot s = loop.snapshots().take();
        if (s != null) {
            if (freshRun) {
                latestKernel = null;
                freshRun = false;
                lastBuilt = s.context().spec();
                setup.end();
            }
            // Views paint from both the snapshot and the newest kernel: both must be current before
            // either property tells its views, so record the kernel first and announce it last.
            boolean newKernel = s.hasKernel() || latestKernel == null;
            if (newKernel) {
                latestKernel = s;
            }
            // while a recorded step is on show the views keep it; the run's news waits for showLive
            if (replay.get() == null) {
                snapshot.set(s);
                if (newKernel) {
                    kernelSnapshot.set(s);
                }
            }
            frames.viewDrawn();
            measureRate(s, now);
            statusPace.offer(s, now);
        }
        statusPace.tick(now);
        RunStatus st = loop.status();
        if (freshRun && st != RunStatus.FAILED) {
            setup.show(now);
        } else if (setup.property().get() != null) {
            setup.end();
        }
        if (!reported && (st == RunStatus.DIVERGED || st == RunStatus.FAILED)) {
            TrainingSnapshot last = loop.snapshots().peek();
            String message = st == RunStatus.FAILED ? loop.failure() : last != null ? last.message() : null;
            if (message != null) {
                reported = true;
                statusPace.drop();
                playing.set(false);
                notificationTypeset = st == RunStatus.DIVERGED;
                notification.set(st == RunStatus.DIVERGED ? DivergenceNote.of(last, spec.get().training().learningRate(), message) : message);
                status.set(st == RunStatus.DIVERGED ? "diverged: lower the learning rate and press Reset" : "stopped: " + message);
            }
        } else if (st == RunStatus.FINISHED && playing.get()) {
            playing.set(false);
        }
    }

    /** The status bar's text and the timeline's live step for {@code s}: paced by {@link #statusPace}. */
    private void showStatus(TrainingSnapshot s) {
        // the speed is shown only while it is being measured: a paused or new run has none yet
        String speedNow = s.status() == RunStatus.RUNNING && stepsPerSecondMeasured > 0
                ? String.format(Locale.ROOT, "%.0f steps/s", stepsPerSecondMeasured)
                : s.status() == RunStatus.FINISHED ? "finished" : s.status() == RunStatus.RUNNING ? "running" : "paused";
        status.set(String.format(Locale.ROOT, "step %,d   ·   %s   ·   train loss %s   ·   test loss %s",
                s.step(), speedNow, Numbers.readable(s.trainLoss()), Numbers.readable(s.testLoss())));
        liveSnapshot.set(s);
    }

    private void measureRate(TrainingSnapshot s, long now) {
        if (rateStep < 0 || s.step() < rateStep) {
            rateStep = s.step();
            rateTime = now;
            return;
        }
        double dt = (now - rateTime) / 1e9;
        if (dt >= 0.5) {
            stepsPerSecondMeasured = (s.step() - rateStep) / dt;
            rateStep = s.step();
            rateTime = now;
        }
    }

    /** The set-up of the run being built (null once it is built or failed): for a progress bar with a time left. */
    public ReadOnlyObjectProperty<SetupState> setupProperty() {
        return setup.property();
    }

    /** Gives up the set-up in progress and goes back to the last experiment that was built (the defaults if none was). */
    void cancelSetup() {
        if (freshRun) {
            open(lastBuilt != null ? lastBuilt : ExperimentSpec.defaults());
        }
    }

    /** Steps per second over the last half second or more. */
    double measuredStepsPerSecond() {
        return stepsPerSecondMeasured;
    }
}
