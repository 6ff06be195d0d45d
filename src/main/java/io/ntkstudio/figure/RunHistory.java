package io.ntkstudio.figure;

import io.ntkstudio.engine.KernelLog;
import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.StepLog;
import io.ntkstudio.engine.StepLogView;
import io.ntkstudio.engine.TrainingSnapshot;

/**
 * The curves drawn against training step, all read from the logs the training thread writes as
 * it trains, so that they hold every logged sample however few snapshots a window caught: the
 * train loss, its kernel-regime prediction and the tracked residual modes from the newest
 * snapshot's {@link StepLogView} (every step), and the test losses, the kernel's metrics and its
 * top eigenvalues from its {@link KernelLog} view (every kernel interval). Both logs decimate, so
 * memory stays flat however long the run. Stateless: the same snapshot gives the same curves.
 */
public final class RunHistory {
    public static final int TOP_EIGENVALUES = KernelLog.TOP_EIGENVALUES;

    private RunHistory() {
    }

    /** Immutable inputs for painting, from the newest snapshot and kernel snapshot. */
    public static ChartInputs inputs(TrainingSnapshot snapshot, TrainingSnapshot kernelSnapshot, HeatmapMode mode) {
        return inputs(snapshot, kernelSnapshot, mode, 0);
    }

    /** As {@link #inputs(TrainingSnapshot, TrainingSnapshot, HeatmapMode)}, with the slice anchored at position {@code anchor}. */
    public static ChartInputs inputs(TrainingSnapshot snapshot, TrainingSnapshot kernelSnapshot, HeatmapMode mode, int anchor) {
        return inputs(snapshot, kernelSnapshot, mode, anchor, null);
    }

    /**
     * As {@link #inputs(TrainingSnapshot, TrainingSnapshot, HeatmapMode, int)}, taking the curves
     * of the kernel log from {@code previous} when its log holds the same rows: the window builds
     * inputs for every frame, and the kernel log grows only every kernel interval.
     */
    public static ChartInputs inputs(TrainingSnapshot snapshot, TrainingSnapshot kernelSnapshot, HeatmapMode mode, int anchor,
                                     ChartInputs previous) {
        // a replay's inputs (with a cursor) hold the curves of another snapshot than their own
        ChartInputs same = previous != null && previous.cursorStep() < 0 && previous.companion() == null
                && previous.snapshot().kernels().sameRows(snapshot.kernels()) ? previous : null;
        KernelCurves k = same != null ? same.kernel() : KernelCurves.read(snapshot.kernels());
        double[] loggedSteps = loggedSteps(snapshot);
        return new ChartInputs(snapshot, kernelSnapshot, logged(snapshot, StepLog.TRAIN_LOSS, snapshot.trainLoss(), loggedSteps),
                logged(snapshot, StepLog.REGIME_TRAIN_LOSS, snapshot.regimeTrainLoss(), loggedSteps), k,
                trajectories(snapshot, loggedSteps), ViewSettings.DEFAULT.with(mode, anchor), -1, null);
    }

    /**
     * Inputs for replaying the recorded {@code frame}: every view shows the frame, except that the
     * curves against step run to the {@code latest} snapshot's step, with the cursor at the frame's,
     * so the class sees where in the whole run the replayed moment lies.
     */
    public static ChartInputs replay(TrainingSnapshot latest, TrainingSnapshot frame, HeatmapMode mode, int anchor) {
        ChartInputs all = inputs(latest.step() >= frame.step() ? latest : frame, frame, mode, anchor);
        return new ChartInputs(frame, frame, all.trainLoss(), all.regimeTrainLoss(), all.kernel(), all.modeTrajectories(),
                ViewSettings.DEFAULT.with(mode, anchor), frame.step(), null);
    }

    /** A column of a step log as a curve against step (an ensemble member's train loss, say). */
    public static Series column(StepLogView log, int column) {
        return column(log, column, steps(log, log.size()));
    }

    /** A column against {@code steps}, which the caller may share between the columns of one log (never written). */
    private static Series column(StepLogView log, int column, double[] steps) {
        double[] y = new double[steps.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = log.value(column, i);
        }
        return new Series(steps, y);
    }

    private static double[] steps(StepLogView log, int length) {
        double[] x = new double[length];
        for (int i = 0; i < log.size(); i++) {
            x[i] = log.step(i);
        }
        return x;
    }

    /** The tracked directions' energies over every logged step and the snapshot's own. */
    public static ModeTrajectories trajectories(TrainingSnapshot s) {
        return trajectories(s, loggedSteps(s));
    }

    private static ModeTrajectories trajectories(TrainingSnapshot s, double[] loggedSteps) {
        RunContext ctx = s.context();
        int[] modes = ctx.trackedModes();
        double[] lambda = new double[modes.length];
        Series[] network = new Series[modes.length];
        Series[] regime = new Series[modes.length];
        for (int k = 0; k < modes.length; k++) {
            lambda[k] = ctx.eigenvaluesInit().get(modes[k]);
            network[k] = logged(s, StepLog.modeColumn(k), s.modeEnergies().get(modes[k]), loggedSteps);
            regime[k] = logged(s, StepLog.regimeModeColumn(k), s.regimeModeEnergies().get(modes[k]), loggedSteps);
        }
        return new ModeTrajectories(modes, lambda, network, regime);
    }

    /**
     * The steps of the snapshot's step log and then its own step (the log stops just before it):
     * one array that every logged column of the snapshot shares as its x.
     */
    private static double[] loggedSteps(TrainingSnapshot s) {
        StepLogView log = s.steps();
        int rows = log.size();
        boolean last = rows == 0 || log.step(rows - 1) < s.step();
        double[] x = steps(log, rows + (last ? 1 : 0));
        if (last) {
            x[rows] = s.step();
        }
        return x;
    }

    /** A log column against {@link #loggedSteps}, ending with the snapshot's own value {@code now} at its step. */
    private static Series logged(TrainingSnapshot s, int column, double now, double[] loggedSteps) {
        StepLogView log = s.steps();
        int rows = log.size();
        double[] y = new double[loggedSteps.length];
        for (int i = 0; i < rows; i++) {
            y[i] = log.value(column, i);
        }
        if (loggedSteps.length > rows) {
            y[rows] = now;
        }
        return new Series(loggedSteps, y);
    }
}
