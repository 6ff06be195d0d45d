package io.ntkstudio.figure;

import io.ntkstudio.engine.KernelLog;
import io.ntkstudio.engine.StepLogView;

/**
 * The curves read from a run's kernel log, one point per kernel interval: the test losses, the
 * kernel's metrics, the test accuracies (NaN without labels or classes) and the top eigenvalues.
 */
public record KernelCurves(Series testLoss, Series regimeTestLoss, Series kernelChange, Series distanceToLimit,
                           Series alignment, Series alignmentCentred, Series weightChange, Series testAccuracy,
                           Series regimeTestAccuracy, Series[] top) {
    /** Every column of {@code log}, sharing one array of steps. */
    static KernelCurves read(StepLogView log) {
        double[] steps = new double[log.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = log.step(i);
        }
        Series[] top = new Series[KernelLog.TOP_EIGENVALUES];
        for (int i = 0; i < top.length; i++) {
            top[i] = column(log, KernelLog.TOP_EIGENVALUE + i, steps);
        }
        return new KernelCurves(column(log, KernelLog.TEST_LOSS, steps), column(log, KernelLog.REGIME_TEST_LOSS, steps),
                column(log, KernelLog.KERNEL_CHANGE, steps), column(log, KernelLog.DISTANCE_TO_LIMIT, steps),
                column(log, KernelLog.ALIGNMENT, steps), column(log, KernelLog.ALIGNMENT_CENTRED, steps),
                column(log, KernelLog.WEIGHT_CHANGE, steps), column(log, KernelLog.TEST_ACCURACY, steps),
                column(log, KernelLog.REGIME_TEST_ACCURACY, steps), top);
    }

    private static Series column(StepLogView log, int column, double[] steps) {
        double[] y = new double[steps.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = log.value(column, i);
        }
        return new Series(steps, y);
    }
}
