package io.ntkstudio.engine;

import io.ntkstudio.kernel.NtkGaussianProcess;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;
import io.ntkstudio.network.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * What the window shows of an ensemble run beside network 1 ({@link EnsembleView}): every
 * network's test outputs, Θ_t and Θ_t(x₀, ·) measured at network 1's kernel snapshots, their Θ_0
 * (measured once, from the initial parameters), the statistics against the NTK-GP, and the train
 * losses of networks 2 … K logged at every step.
 */
final class EnsembleViewer {
    private final Ensemble ensemble;
    private final KernelMeter meter;
    private final RunContext context;
    private final int n;
    private final List<StepLog> logs = new ArrayList<>();
    private final double[] row = new double[2];
    private List<ReadOnlyMatrix> kernelsInit;
    private List<ReadOnlyVector> slicesInit;
    private NtkGaussianProcess.Moments nngp;

    EnsembleViewer(Ensemble ensemble, KernelMeter meter, RunContext context) {
        this.ensemble = ensemble;
        this.meter = meter;
        this.context = context;
        this.n = ensemble.yTrain.length / ensemble.outputs;
        for (int k = 1; k < ensemble.size(); k++) {
            logs.add(new StepLog(0));
        }
    }

    /** Network k's (k ≥ 1) train loss before step t. */
    void log(int k, long t, double loss) {
        row[StepLog.TRAIN_LOSS] = loss;
        row[StepLog.REGIME_TRAIN_LOSS] = Double.NaN;
        logs.get(k - 1).record(t, row);
    }

    /**
     * The view with network 1's test outputs {@code ownTest}, train loss {@code ownLoss}, Θ_t
     * {@code ownKernel} and slice {@code ownSlice} (empty without one) as measured with its kernel;
     * the other networks are measured here.
     */
    EnsembleView view(double[] ownTest, double ownLoss, double[] ownKernel, ReadOnlyVector ownSlice) {
        int count = ensemble.size();
        double[][] f = new double[count][];
        List<ReadOnlyVector> members = new ArrayList<>();
        List<ReadOnlyMatrix> kernels = new ArrayList<>();
        kernels.add(ReadOnlyMatrix.copyOf(n, n, ownKernel));
        List<ReadOnlyVector> slices = new ArrayList<>();
        if (!ownSlice.isEmpty()) {
            slices.add(ownSlice);
        }
        f[0] = ownTest;
        members.add(ReadOnlyVector.copyOf(ownTest));
        double loss = ownLoss;
        for (int k = 1; k < count; k++) {
            f[k] = ensemble.testOutputs(k);
            // the train pass then holds network k's forward pass, which its kernel is built from
            loss += ensemble.trainLoss(ensemble.trainOutputs(k));
            members.add(ReadOnlyVector.copyOf(f[k]));
            kernels.add(ReadOnlyMatrix.copyOf(n, n, meter.kernelFromForward(ensemble.member(k).net)));
            if (meter.hasSlice()) {
                slices.add(ReadOnlyVector.adopt(meter.slice(ensemble.member(k).net)));
            }
        }
        if (kernelsInit == null) {
            measureInitialKernels();
        }
        Ensemble.Stats st = ensemble.summarize(f, loss / count);
        if (ensemble.hasGaussianProcess() && nngp == null) {
            nngp = ensemble.nngpPosterior();
        }
        return EnsembleView.of(members, st, ensemble.hasGaussianProcess(), nngp, kernels, kernelsInit, slices, slicesInit,
                logs.stream().map(StepLog::view).toList(), ReadOnlyVector.adopt(meter.eigenvalues(EnsembleView.mean(kernels))));
    }

    /** Every network's Θ_0 and Θ_0(x₀, ·), from its initial parameters: network 1's are the run's own. */
    private void measureInitialKernels() {
        List<ReadOnlyMatrix> init = new ArrayList<>();
        List<ReadOnlyVector> slices = new ArrayList<>();
        init.add(context.kernelInit());
        if (context.hasCircleSlice()) {
            slices.add(context.circleSlice().init());
        }
        for (int k = 1; k < ensemble.size(); k++) {
            Network initial = ensemble.member(k).initial;
            init.add(ReadOnlyMatrix.copyOf(n, n, meter.kernel(initial, ensemble.xTrain)));
            if (meter.hasSlice()) {
                slices.add(ReadOnlyVector.adopt(meter.slice(initial)));
            }
        }
        kernelsInit = List.copyOf(init);
        slicesInit = List.copyOf(slices);
    }
}
