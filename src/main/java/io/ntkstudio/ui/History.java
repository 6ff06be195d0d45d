package io.ntkstudio.ui;

import io.ntkstudio.engine.KernelMetricsRow;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.plot.DecimatedSeries;

/**
 * The curves drawn against training step, fed one snapshot at a time on the FX thread and
 * decimated so that memory stays flat however long the run.
 */
final class History {
    static final int CAPACITY = 2048;
    static final int TOP_EIGENVALUES = 5;
    final DecimatedSeries trainLoss = new DecimatedSeries(CAPACITY);
    final DecimatedSeries testLoss = new DecimatedSeries(CAPACITY);
    final DecimatedSeries regimeTrainLoss = new DecimatedSeries(CAPACITY);
    final DecimatedSeries regimeTestLoss = new DecimatedSeries(CAPACITY);
    final DecimatedSeries kernelChange = new DecimatedSeries(CAPACITY);
    final DecimatedSeries distanceToLimit = new DecimatedSeries(CAPACITY);
    final DecimatedSeries alignment = new DecimatedSeries(CAPACITY);
    final DecimatedSeries weightChange = new DecimatedSeries(CAPACITY);
    final DecimatedSeries[] topEigenvalues = new DecimatedSeries[TOP_EIGENVALUES];
    private long lastStep = -1;
    private long lastKernelStep = -1;

    History() {
        for (int i = 0; i < TOP_EIGENVALUES; i++) {
            topEigenvalues[i] = new DecimatedSeries(CAPACITY);
        }
    }

    void add(TrainingSnapshot s) {
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

    void clear() {
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
}
