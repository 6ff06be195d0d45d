package io.ntkstudio.engine;

import io.ntkstudio.kernel.RegimePath;
import io.ntkstudio.kernel.Spectrum;

/**
 * What a run records as it goes, for network 1: every step's losses and the residual's energy
 * along the tracked eigen-directions of Θ_0 beside the kernel regime's ({@link StepLog}), and
 * each kernel measurement's numbers ({@link KernelLog}). Rows are written into buffers allocated
 * once; owned by the run's thread.
 */
final class RunLogs {
    private final int[] tracked;
    private final Spectrum spectrumInit;
    private final RegimePath pathInit;
    private final double[] y;
    private final int outputs;
    private final StepLog steps;
    private final KernelLog kernels = new KernelLog();
    private final double[] stepRow;
    private final double[] kernelRow = new double[KernelLog.COLUMNS];

    RunLogs(int[] tracked, Spectrum spectrumInit, RegimePath pathInit, double[] yTrain, int outputs) {
        this.tracked = tracked;
        this.outputs = outputs;
        this.spectrumInit = spectrumInit;
        this.pathInit = pathInit;
        this.y = yTrain;
        this.steps = new StepLog(tracked.length);
        this.stepRow = new double[steps.columns()];
    }

    /** Before step t: network 1's α-scaled train outputs {@code f} and their loss, beside the kernel regime's. */
    void step(long t, double[] f, double loss) {
        if (!steps.wants(t)) {
            return;
        }
        stepRow[StepLog.TRAIN_LOSS] = loss;
        stepRow[StepLog.REGIME_TRAIN_LOSS] = pathInit.trainLoss();
        for (int j = 0; j < tracked.length; j++) {
            double e;
            if (outputs == 1) {
                double c = 0;
                for (int i = 0; i < y.length; i++) {
                    c += spectrumInit.vector(tracked[j], i) * (f[i] - y[i]);
                }
                e = c * c;
            } else {
                e = 0;
                for (int a = 0; a < outputs; a++) {
                    double c = 0;
                    for (int i = 0; i < y.length / outputs; i++) {
                        c += spectrumInit.vector(tracked[j], i) * (f[i * outputs + a] - y[i * outputs + a]);
                    }
                    e += c * c;
                }
            }
            stepRow[StepLog.modeColumn(j)] = e;
            stepRow[StepLog.regimeModeColumn(j)] = pathInit.modeEnergy(tracked[j]);
        }
        steps.record(t, stepRow);
    }

    /** A kernel measurement at step t, before a snapshot hands out its view. */
    void kernel(long t, double testLoss, double regimeTestLoss, KernelMetricsRow m, double[] eigen, double testAccuracy,
                double regimeTestAccuracy) {
        kernelRow[KernelLog.TEST_ACCURACY] = testAccuracy;
        kernelRow[KernelLog.REGIME_TEST_ACCURACY] = regimeTestAccuracy;
        kernelRow[KernelLog.TEST_LOSS] = testLoss;
        kernelRow[KernelLog.REGIME_TEST_LOSS] = regimeTestLoss;
        kernelRow[KernelLog.KERNEL_CHANGE] = m.kernelChange();
        kernelRow[KernelLog.DISTANCE_TO_LIMIT] = m.distanceToLimit();
        kernelRow[KernelLog.ALIGNMENT] = m.alignment();
        kernelRow[KernelLog.WEIGHT_CHANGE] = m.weightChange();
        kernelRow[KernelLog.ALIGNMENT_CENTRED] = m.alignmentCentred();
        for (int i = 0; i < KernelLog.TOP_EIGENVALUES; i++) {
            kernelRow[KernelLog.TOP_EIGENVALUE + i] = i < eigen.length ? eigen[i] : Double.NaN;
        }
        kernels.record(t, kernelRow);
    }

    StepLogView steps() {
        return steps.view();
    }

    StepLogView kernels() {
        return kernels.view();
    }
}
