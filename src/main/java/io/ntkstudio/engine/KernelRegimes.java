package io.ntkstudio.engine;

import io.ntkstudio.data.CircleSlice;
import io.ntkstudio.kernel.LimitKernel;
import io.ntkstudio.kernel.KernelRegime;
import io.ntkstudio.kernel.LargestEigenvalue;
import io.ntkstudio.kernel.OutputsLinearisedModel;
import io.ntkstudio.kernel.RegimePath;
import io.ntkstudio.kernel.Spectrum;
import io.ntkstudio.linalg.ReadOnlyVector;
import io.ntkstudio.network.NetworkConfig;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The kernel-regime predictions for network 1 of a run: the linearised network trained by the same
 * rule and batches from its empirical Θ_0 and, with {@code limit}, from the analytic Θ_∞
 * (docs/ntk-math.md, "Kernel regime"), both as kernels of f_α (α²Θ, at rate η/α²). With C
 * outputs the empirical path uses the full (nC) × (nC) Θ_0 and the limit Θ_∞ ⊗ I_C
 * ({@link OutputsLinearisedModel}); {@link #kernelInit} is then the output-averaged n × n Θ_0.
 */
final class KernelRegimes {
    final double[] kernelInit;
    final Spectrum spectrumInit;
    final RegimePath pathInit;
    /** λ_max of the kernel the regime trains with: of the full Θ_0 with C outputs. */
    final double lambdaMax;
    /** Null without the limit (outside NTK parameterization, or not asked for). */
    final double[] kernelLimit;
    final Spectrum spectrumLimit;
    final RegimePath pathLimit;
    private final LimitKernel analytic;
    private final int dim;
    private final BooleanSupplier cancelled;

    KernelRegimes(Ensemble ensemble, KernelMeter meter, boolean limit, BooleanSupplier cancelled, SetupProgress progress) {
        Member shown = ensemble.member(0);
        NetworkConfig cfg = shown.net.config();
        double[] x = ensemble.xTrain;
        double[] y = ensemble.yTrain;
        double[] t = ensemble.xTest;
        int c = ensemble.outputs;
        int n = y.length / c;
        int m = ensemble.yTest.length / c;
        this.dim = shown.net.inputDim();
        this.cancelled = cancelled;
        progress.at(0, "the kernel at initialisation");
        this.kernelInit = meter.kernel(shown.net, x);
        Ensemble.requireFinite(kernelInit, "the kernel Θ_0 at initialisation",
                "lower network.sigmaW, network.sigmaB or network.depth, or scale the inputs down");
        this.spectrumInit = Spectrum.of(kernelInit, n, true);
        this.analytic = limit ? LimitKernel.of(cfg) : null;
        if (c > 1) {
            progress.at(0.03, "the kernel at initialisation, every pair of outputs");
            double[] full = meter.fullKernel(shown.net, x);
            Ensemble.requireFinite(full, "the kernel Θ_0 at initialisation",
                    "lower network.sigmaW, network.sigmaB or network.depth, or scale the inputs down");
            this.lambdaMax = LargestEigenvalue.of(full, n * c, spectrumInit.largest());
            progress.at(0.07, "the kernel at initialisation, test against train");
            double[] crossT = meter.cross(shown.net, x, n, t, m);
            this.pathInit = new OutputsLinearisedModel(spectrumInit, full, crossT, false, c, y, shown.trainAtZero, shown.testAtZero,
                    ensemble.rule, ensemble.batches);
            if (limit) {
                kernelLimit = meter.scale(analytic.compute(x, n, x, n, dim, cancelled, share(progress, 0, n, m)).ntk());
                spectrumLimit = Spectrum.of(kernelLimit, n, true);
                double[] limitT = meter.scale(analytic.compute(x, n, t, m, dim, cancelled, share(progress, 1, n, m)).ntk());
                pathLimit = new OutputsLinearisedModel(spectrumLimit, kernelLimit, limitT, true, c, y, shown.trainAtZero,
                        shown.testAtZero, ensemble.rule, ensemble.batches);
            } else {
                kernelLimit = null;
                spectrumLimit = null;
                pathLimit = null;
            }
            return;
        }
        this.lambdaMax = spectrumInit.largest();
        double[] crossInit = meter.cross(shown.net, t, m, x, n);
        this.pathInit = RegimePath.of(new KernelRegime(spectrumInit, crossInit, y, shown.trainAtZero, shown.testAtZero), kernelInit,
                crossInit, y, shown.trainAtZero, shown.testAtZero, ensemble.rule, ensemble.batches);
        if (limit) {
            kernelLimit = meter.scale(analytic.compute(x, n, x, n, dim, cancelled, share(progress, 0, n, m)).ntk());
            spectrumLimit = Spectrum.of(kernelLimit, n, true);
            double[] crossLimit = meter.scale(analytic.compute(t, m, x, n, dim, cancelled, share(progress, 1, n, m)).ntk());
            pathLimit = RegimePath.of(new KernelRegime(spectrumLimit, crossLimit, y, shown.trainAtZero, shown.testAtZero), kernelLimit,
                    crossLimit, y, shown.trainAtZero, shown.testAtZero, ensemble.rule, ensemble.batches);
        } else {
            kernelLimit = null;
            spectrumLimit = null;
            pathLimit = null;
        }
    }

    /**
     * Progress through Θ_∞ as a share of the whole set-up: part 0 is Θ_∞(X, X) (n²/2 pairs, computed
     * on one triangle), part 1 Θ_∞ between test and train (m·n pairs), after Θ_0's first tenth.
     */
    private static DoubleConsumer share(SetupProgress progress, int part, int n, int m) {
        double train = n * (n + 1) / 2.0;
        double total = train + (double) m * n;
        double from = part == 0 ? 0 : train / total;
        double size = part == 0 ? train / total : 1 - train / total;
        return f -> progress.at(0.1 + 0.9 * (from + size * f), "the kernel of infinite width");
    }

    /** Θ_∞(x₀, ·) on the circle slice as a kernel of f_α; empty without the limit. */
    ReadOnlyVector sliceLimit(CircleSlice slice, KernelMeter meter) {
        return analytic == null ? ReadOnlyVector.empty()
                : ReadOnlyVector.adopt(meter.scale(analytic.compute(slice.anchor(), 1, slice.points(), slice.count(), dim, cancelled).ntk()));
    }

    /** Step t at the parameters' rate η/α². */
    void step(double rate, long t) {
        pathInit.step(rate, t);
        if (pathLimit != null) {
            pathLimit.step(rate, t);
        }
    }

    /** The Θ_∞ prediction on the test inputs now; empty without the limit. */
    ReadOnlyVector limitTest() {
        return pathLimit == null ? ReadOnlyVector.empty() : ReadOnlyVector.adopt(pathLimit.test());
    }
}
