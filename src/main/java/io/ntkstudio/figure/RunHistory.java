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
    private final DecimatedSeries trainLoss = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries testLoss = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries regimeTrainLoss = new DecimatedSeries(CAPACITY);
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
        return new ChartInputs(snapshot, kernelSnapshot, Series.copyOf(trainLoss), Series.copyOf(testLoss),
                Series.copyOf(regimeTrainLoss), Series.copyOf(regimeTestLoss), Series.copyOf(kernelChange),
                Series.copyOf(distanceToLimit), Series.copyOf(alignment), Series.copyOf(weightChange), top, mode, anchor);
    }
}
