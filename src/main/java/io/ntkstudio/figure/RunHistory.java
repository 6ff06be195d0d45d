package io.ntkstudio.figure;

import io.ntkstudio.engine.KernelMetricsRow;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.plot.DecimatedSeries;

/**
 * The curves drawn against training step, fed one snapshot at a time by one thread and decimated
 * so that memory stays flat however long the run.
 */
public final class RunHistory {
    public static final int CAPACITY = 2048;
    public static final int TOP_EIGENVALUES = 5;
    /** How many eigen-directions of Θ_0 have their residual energy followed over training. */
    public static final int TRACKED_MODES = 5;
    private final DecimatedSeries trainLoss = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries testLoss = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries regimeTrainLoss = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries regimeTestLoss = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries kernelChange = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries distanceToLimit = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries alignment = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries weightChange = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries[] topEigenvalues = new DecimatedSeries[TOP_EIGENVALUES];
    private final DecimatedSeries[] modeEnergies = new DecimatedSeries[TRACKED_MODES];
    private final DecimatedSeries[] regimeModeEnergies = new DecimatedSeries[TRACKED_MODES];
    private int[] modes = new int[0];
    private double[] modeEigenvalues = new double[0];
    private long lastStep = -1;
    private long lastKernelStep = -1;

    public RunHistory() {
        for (int i = 0; i < TOP_EIGENVALUES; i++) {
            topEigenvalues[i] = new DecimatedSeries(CAPACITY);
        }
        for (int i = 0; i < TRACKED_MODES; i++) {
            modeEnergies[i] = new DecimatedSeries(CAPACITY);
            regimeModeEnergies[i] = new DecimatedSeries(CAPACITY);
        }
    }

    public void add(TrainingSnapshot s) {
        if (lastStep < 0) {
            // Chosen once per run from Θ_0 and r₀, so the same curves are followed to the end.
            modes = s.context().dominantModes(TRACKED_MODES);
            modeEigenvalues = new double[modes.length];
            for (int k = 0; k < modes.length; k++) {
                modeEigenvalues[k] = s.context().eigenvaluesInit().get(modes[k]);
            }
        }
        if (s.step() > lastStep) {
            lastStep = s.step();
            for (int k = 0; k < modes.length; k++) {
                modeEnergies[k].add(s.step(), s.modeEnergies().get(modes[k]));
                regimeModeEnergies[k].add(s.step(), s.regimeModeEnergies().get(modes[k]));
            }
            trainLoss.add(s.step(), s.trainLoss());
            testLoss.add(s.step(), s.testLoss());
            regimeTrainLoss.add(s.step(), s.regimeTrainLoss());
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
        for (DecimatedSeries d : new DecimatedSeries[] {trainLoss, testLoss, regimeTrainLoss, regimeTestLoss,
                kernelChange, distanceToLimit, alignment, weightChange}) {
            d.clear();
        }
        for (DecimatedSeries[] all : new DecimatedSeries[][] {topEigenvalues, modeEnergies, regimeModeEnergies}) {
            for (DecimatedSeries d : all) {
                d.clear();
            }
        }
        modes = new int[0];
        modeEigenvalues = new double[0];
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
        Series[] network = new Series[modes.length];
        Series[] regime = new Series[modes.length];
        for (int k = 0; k < modes.length; k++) {
            network[k] = Series.copyOf(modeEnergies[k]);
            regime[k] = Series.copyOf(regimeModeEnergies[k]);
        }
        ModeTrajectories trajectories = new ModeTrajectories(modes.clone(), modeEigenvalues.clone(), network, regime);
        return new ChartInputs(snapshot, kernelSnapshot, Series.copyOf(trainLoss), Series.copyOf(testLoss),
                Series.copyOf(regimeTrainLoss), Series.copyOf(regimeTestLoss), Series.copyOf(kernelChange),
                Series.copyOf(distanceToLimit), Series.copyOf(alignment), Series.copyOf(weightChange), top, trajectories,
                mode, anchor);
    }
}
