package io.ntkstudio.figure;

import io.ntkstudio.engine.KernelMetricsRow;
import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.StepLog;
import io.ntkstudio.engine.StepLogView;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.plot.DecimatedSeries;

/**
 * The curves drawn against training step. The train loss, its kernel-regime prediction and the
 * tracked residual modes come whole from the newest snapshot's {@link StepLogView} (every step,
 * however few snapshots a frame caught); the test losses and the kernel's metrics and top
 * eigenvalues are gathered here from the snapshots seen, fed one at a time by one thread and
 * decimated so that memory stays flat however long the run.
 */
public final class RunHistory {
    public static final int CAPACITY = 2048;
    public static final int TOP_EIGENVALUES = 5;
    private final DecimatedSeries testLoss = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries regimeTestLoss = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries kernelChange = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries distanceToLimit = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries alignment = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries weightChange = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries[] topEigenvalues = new DecimatedSeries[TOP_EIGENVALUES];
    private long lastStep = -1;
    private long lastKernelStep = -1;

    public RunHistory() {
        for (int i = 0; i < TOP_EIGENVALUES; i++) {
            topEigenvalues[i] = new DecimatedSeries(CAPACITY);
        }
    }

    public void add(TrainingSnapshot s) {
        if (s.step() > lastStep) {
            lastStep = s.step();
            testLoss.add(s.step(), s.testLoss());
            regimeTestLoss.add(s.step(), s.regimeTestLoss());
        }
        if (s.hasKernel() && s.step() > lastKernelStep) {
            lastKernelStep = s.step();
            KernelMetricsRow m = s.metrics();
            kernelChange.add(s.step(), m.kernelChange());
            distanceToLimit.add(s.step(), m.distanceToLimit());
            alignment.add(s.step(), m.alignment());
            weightChange.add(s.step(), m.weightChange());
            for (int i = 0; i < TOP_EIGENVALUES && i < s.eigenvalues().size(); i++) {
                topEigenvalues[i].add(s.step(), s.eigenvalues().get(i));
            }
        }
    }

    public void clear() {
        for (DecimatedSeries d : new DecimatedSeries[] {testLoss, regimeTestLoss, kernelChange, distanceToLimit, alignment,
                weightChange}) {
            d.clear();
        }
        for (DecimatedSeries d : topEigenvalues) {
            d.clear();
        }
        lastStep = -1;
        lastKernelStep = -1;
    }

    /** Immutable inputs for painting, from this history, the newest snapshot and kernel snapshot. */
    public ChartInputs inputs(TrainingSnapshot snapshot, TrainingSnapshot kernelSnapshot, HeatmapMode mode) {
        return inputs(snapshot, kernelSnapshot, mode, 0);
    }

    /** As {@link #inputs(TrainingSnapshot, TrainingSnapshot, HeatmapMode)}, with the slice anchored at position {@code anchor}. */
    public ChartInputs inputs(TrainingSnapshot snapshot, TrainingSnapshot kernelSnapshot, HeatmapMode mode, int anchor) {
        Series[] top = new Series[TOP_EIGENVALUES];
        for (int i = 0; i < top.length; i++) {
            top[i] = Series.copyOf(topEigenvalues[i]);
        }
        return new ChartInputs(snapshot, kernelSnapshot, logged(snapshot, StepLog.TRAIN_LOSS, snapshot.trainLoss()),
                Series.copyOf(testLoss), logged(snapshot, StepLog.REGIME_TRAIN_LOSS, snapshot.regimeTrainLoss()),
                Series.copyOf(regimeTestLoss), Series.copyOf(kernelChange), Series.copyOf(distanceToLimit),
                Series.copyOf(alignment), Series.copyOf(weightChange), top, trajectories(snapshot), mode, anchor);
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
