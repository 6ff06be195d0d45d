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
        Series[] top = new Series[TOP_EIGENVALUES];
        for (int i = 0; i < top.length; i++) {
            top[i] = kernelColumn(snapshot, KernelLog.TOP_EIGENVALUE + i);
        }
        return new ChartInputs(snapshot, kernelSnapshot, logged(snapshot, StepLog.TRAIN_LOSS, snapshot.trainLoss()),
                kernelColumn(snapshot, KernelLog.TEST_LOSS), logged(snapshot, StepLog.REGIME_TRAIN_LOSS, snapshot.regimeTrainLoss()),
                kernelColumn(snapshot, KernelLog.REGIME_TEST_LOSS), kernelColumn(snapshot, KernelLog.KERNEL_CHANGE),
                kernelColumn(snapshot, KernelLog.DISTANCE_TO_LIMIT), kernelColumn(snapshot, KernelLog.ALIGNMENT),
                kernelColumn(snapshot, KernelLog.WEIGHT_CHANGE), top, trajectories(snapshot), ViewSettings.DEFAULT.with(mode, anchor), -1, null);
    }

    /**
     * Inputs for replaying the recorded {@code frame}: every view shows the frame, except that the
     * curves against step run to the {@code latest} snapshot's step, with the cursor at the frame's,
     * so the class sees where in the whole run the replayed moment lies.
     */
    public static ChartInputs replay(TrainingSnapshot latest, TrainingSnapshot frame, HeatmapMode mode, int anchor) {
        ChartInputs all = inputs(latest.step() >= frame.step() ? latest : frame, frame, mode, anchor);
        return new ChartInputs(frame, frame, all.trainLoss(), all.testLoss(), all.regimeTrainLoss(), all.regimeTestLoss(),
                all.kernelChange(), all.distanceToLimit(), all.alignment(), all.weightChange(), all.topEigenvalues(),
                all.modeTrajectories(), ViewSettings.DEFAULT.with(mode, anchor), frame.step(), null);
    }

    /** A column of a step log as a curve against step (an ensemble member's train loss, say). */
    public static Series column(StepLogView log, int column) {
        double[] x = new double[log.size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = log.step(i);
            y[i] = log.value(column, i);
        }
        return new Series(x, y);
    }

    /** A column of the kernel log over every kernel snapshot computed up to {@code s}. */
    static Series kernelColumn(TrainingSnapshot s, int column) {
        return column(s.kernels(), column);
    }

    /** The tracked directions' energies over every logged step and the snapshot's own. */
    public static ModeTrajectories trajectories(TrainingSnapshot s) {
        RunContext ctx = s.context();
        int[] modes = ctx.trackedModes();
        double[] lambda = new double[modes.length];
        Series[] network = new Series[modes.length];
        Series[] regime = new Series[modes.length];
        for (int k = 0; k < modes.length; k++) {
            lambda[k] = ctx.eigenvaluesInit().get(modes[k]);
            network[k] = logged(s, StepLog.modeColumn(k), s.modeEnergies().get(modes[k]));
            regime[k] = logged(s, StepLog.regimeModeColumn(k), s.regimeModeEnergies().get(modes[k]));
        }
        return new ModeTrajectories(modes, lambda, network, regime);
    }

    /** A log column, ending with the snapshot's own value at its step (the log stops just before it). */
    static Series logged(TrainingSnapshot s, int column, double now) {
        StepLogView log = s.steps();
        int rows = log.size();
        boolean last = rows == 0 || log.step(rows - 1) < s.step();
        double[] x = new double[rows + (last ? 1 : 0)];
        double[] y = new double[x.length];
        for (int i = 0; i < rows; i++) {
            x[i] = log.step(i);
            y[i] = log.value(column, i);
        }
        if (last) {
            x[rows] = s.step();
            y[rows] = now;
        }
        return new Series(x, y);
    }
}
