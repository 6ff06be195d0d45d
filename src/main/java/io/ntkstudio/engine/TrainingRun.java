package io.ntkstudio.engine;

import io.ntkstudio.data.CircleSlice;
import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.data.Geometry;
import io.ntkstudio.data.Samples;
import io.ntkstudio.kernel.CrossKernel;
import io.ntkstudio.kernel.NtkGaussianProcess;
import io.ntkstudio.kernel.RegimePath;
import io.ntkstudio.kernel.Spectrum;
import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;
import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.network.TrainingRule;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * One training run as the window and {@code train} show it, owned by exactly one thread: an
 * {@link Ensemble} of K ≥ 1 networks trained by the experiment's {@link TrainingRule}
 * (docs/ntk-math.md, "Training rules"), the kernel regime of network 1 following the same rule
 * and batches from Θ_0 and Θ_∞ ({@link RegimePath}), the {@link KernelMeter} that measures Θ_t,
 * and the step and kernel logs that snapshots report. Workspaces are allocated once; a step
 * allocates nothing.
 */
public final class TrainingRun {
    private final RunContext context;
    private final Ensemble ensemble;
    private final Member shown;
    private final int n;
    private final KernelMeter meter;
    private final KernelRegimes regimes;
    private final RunLogs logs;
    /** Networks 2 … K as the ensemble view shows them; null for one network. */
    private final EnsembleViewer viewer;
    private final MatrixBackend backend = MatrixBackend.current();
    private final Ensemble.StepObserver logger = this::logStep;
    /** The ensemble as of the last kernel snapshot: networks 2 … K are evaluated only with the kernel. */
    private EnsembleView lastEnsemble;
    private double time;
    private double learningRate;
    private double lastLoss = Double.NaN;
    private double lastRegimeLoss = Double.NaN;
    /** The network (0-based) whose loss stopped being finite, or −1. */
    private int diverged = -1;

    private TrainingRun(ExperimentSpec spec, Dataset data, RunOptions options) {
        boolean withLimit = options.infiniteWidth();
        BooleanSupplier cancelled = options.cancelled();
        SetupProgress progress = options.progress();
        NetworkConfig cfg = spec.network();
        int dim = data.inputDim();
        this.n = data.train().count();
        int m = data.test().count();
        int count = spec.training().members();
        TrainingRule rule = spec.training().rule();
        boolean limit = withLimit && cfg.parameterization() == Parameterization.NTK;
        CircleSlice slice = data.slice();
        // an ensemble run holds all its networks at once, each measured with its kernel: the estimate counts every one
        long sliceBytes = slice == null ? 0 : CrossKernel.bytesNeeded(1, slice.count(), cfg.width(), cfg.hiddenLayers());
        long estimate = MemoryEstimate.forMembers(cfg, dim, n, m, rule, data.geometry() == Geometry.PLANE, count, true,
                data.train().outputs()) + sliceBytes;
        progress.at(0, count > 1 ? "network 1 of " + count : "the network and its kernels");
        boolean withGp = cfg.parameterization() == Parameterization.NTK && NtkGaussianProcess.absentBecause(rule, n) == null
                && (count > 1 && limit || options.gaussianProcess());
        this.ensemble = new Ensemble(spec, data, count, estimate, withGp, cancelled, progress);
        this.shown = ensemble.member(0);
        this.learningRate = spec.training().learningRate();
        double alpha = ensemble.alpha;
        FunctionGrid grid = data.geometry() == Geometry.PLANE ? FunctionGrid.around(ensemble.xTrain, ensemble.xTest) : null;
        this.meter = new KernelMeter(shown.net, ensemble.trainPass(), ensemble.xTrain, ensemble.yTrain, alpha, slice, grid);
        // an ensemble's progress counts its networks; a single run's its kernels, the analytic CNTK can take seconds
        this.regimes = new KernelRegimes(ensemble, meter, limit, cancelled, count == 1 ? progress : SetupProgress.NONE);
        double[] kernelInit = regimes.kernelInit;
        Spectrum spectrumInit = regimes.spectrumInit;
        SliceOnCircle sliceValues = slice == null ? null : new SliceOnCircle(ReadOnlyVector.adopt(slice.angles()),
                ReadOnlyVector.adopt(meter.slice(shown.net)), regimes.sliceLimit(slice, meter));
        progress.at(1, "done");
        this.context = new RunContext(spec, data, ReadOnlyMatrix.copyOf(n, n, kernelInit),
                ReadOnlyVector.copyOf(spectrumInit.values()), ReadOnlyVector.copyOf(spectrumInit.energies(residual(shown.trainAtZero), ensemble.outputs)),
                limit ? ReadOnlyMatrix.copyOf(n, n, regimes.kernelLimit) : null,
                limit ? ReadOnlyVector.copyOf(regimes.spectrumLimit.values()) : null,
                // in the units of η: the parameters move at η/α² along a kernel α²Θ
                alpha * alpha * rule.largestStableLearningRate(n, regimes.lambdaMax), shown.net.parameterCount(), grid,
                sliceValues, new RunContext.TaskAlignments(
                        ReadOnlyVector.adopt(spectrumInit.taskAlignment(ensemble.yTrain, ensemble.outputs)),
                        limit ? ReadOnlyVector.adopt(regimes.spectrumLimit.taskAlignment(ensemble.yTrain, ensemble.outputs))
                                : ReadOnlyVector.empty()));
        this.logs = new RunLogs(context.trackedModes(), spectrumInit, regimes.pathInit, ensemble.yTrain, ensemble.outputs);
        this.viewer = count > 1 ? new EnsembleViewer(ensemble, meter, context) : null;
    }

    /**
     * The one way to build a run, used by the window, the sweeps and every command: the data set
     * the spec names (relative CSV paths resolve against {@code baseDir}), the network and
     * everything fixed over the run, as {@code options} say.
     */
    public static TrainingRun create(ExperimentSpec spec, Path baseDir, RunOptions options) {
        return create(spec, DataSources.build(spec.data(), baseDir), options);
    }

    /** As {@link #create(ExperimentSpec, Path, RunOptions)} on data already built (sweeps share it). */
    public static TrainingRun create(ExperimentSpec spec, Dataset data, RunOptions options) {
        return new TrainingRun(spec, data, options);
    }

    public RunContext context() {
        return context;
    }

    /** The networks this run trains: network 1 is the one its snapshots show. */
    public Ensemble ensemble() {
        return ensemble;
    }

    /** The network (0-based) whose loss stopped being finite or grew past its bound ({@link Member#lossBound}), or −1. */
    public int divergedNetwork() {
        return diverged;
    }

    /** Which train points each step uses: the schedule the network, its kernel regime and the GP share. */
    public BatchSchedule batches() {
        return ensemble.batches;
    }

    /** The step log as it is now (every step taken, a diverging run's last ones included). */
    public StepLogView stepLog() {
        return logs.steps();
    }

    public long step() {
        return ensemble.step();
    }

    public double learningRate() {
        return learningRate;
    }

    /** Applies from the next step on. */
    public void setLearningRate(double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("the learning rate must be a finite number > 0, got " + eta);
        }
        this.learningRate = eta;
    }

    /** The loss at the parameters before the last step taken (NaN before the first). */
    public double lastLoss() {
        return lastLoss;
    }

    /** The kernel-regime (Θ_0) prediction of {@link #lastLoss()}, at the same step. */
    public double lastRegimeLoss() {
        return lastRegimeLoss;
    }

    /** The live network (network 1 of an ensemble); only the owning thread may touch it. */
    public Network network() {
        return shown.net;
    }

    public Network initialNetwork() {
        return shown.initial;
    }

    /**
     * One step of the training rule for every network. Returns false when a loss at the current
     * parameters is not finite: the run has diverged at {@link #step()}, which is then not taken
     * (by network 1 and its kernel regime, nothing changes).
     */
    public boolean advance() {
        long t = step();
        int bad = ensemble.advance(learningRate, logger);
        if (bad >= 0) {
            diverged = bad;
            return false;
        }
        regimes.step(learningRate / (ensemble.alpha * ensemble.alpha), t);
        time += learningRate;
        return true;
    }

    /** Before network k's step: its loss, and for network 1 the losses and tracked energies beside the kernel regime's. */
    private void logStep(int k, double[] f, double loss) {
        long t = step();
        if (k > 0) {
            viewer.log(k, t, loss);
            return;
        }
        lastLoss = loss;
        lastRegimeLoss = regimes.pathInit.trainLoss();
        logs.step(t, f, loss);
    }

    /** The message for a run that diverged at the current step. */
    public String divergenceMessage() {
        TrainingRule rule = ensemble.rule;
        if (diverged > 0) {
            return String.format(Locale.ROOT, "training diverged at step %d: in network %d of the ensemble (seed %d) %s. "
                    + "The largest stable learning rate is %s = %.6g; lower training.learningRate below it",
                    step(), diverged + 1, Ensemble.memberSeed(context.spec().network().seed(), diverged), ensemble.whyDiverged(diverged),
                    rule.stableRateFormula(), context.largestStableLearningRate());
        }
        return String.format(Locale.ROOT,
                "training diverged at step %d: %s. The largest stable learning rate is "
                        + "%s = %.6g (it was %.3g); lower training.learningRate below it",
                step(), diverged == 0 ? ensemble.whyDiverged(0) : "the loss or the kernel is no longer finite",
                rule.stableRateFormula(), context.largestStableLearningRate(), learningRate);
    }

    /** What one evaluation of the current state measured; the arrays are fresh. */
    private record Measured(double[] fTrain, double[] fTest, double trainLoss, double testLoss, double[] eigenvalues,
                            KernelMetricsRow metrics, double[] regimeTest, double regimeTestLoss) {
    }

    /**
     * Evaluates network 1 on the train and test inputs and, with {@code withKernel}, Θ_t, its
     * eigenvalues and metrics (recorded in the kernel log). Null when something is no longer finite;
     * Θ_t is then left at the last finite measurement.
     */
    private Measured measure(boolean withKernel) {
        double[] fTrain = ensemble.trainOutputs(0);
        double[] fTest = ensemble.testOutputs(0);
        double trainLoss = ensemble.trainLoss(fTrain);
        double testLoss = ensemble.testLoss(fTest);
        if (!Double.isFinite(trainLoss) || !Double.isFinite(testLoss)) {
            return null;
        }
        double[] values = null;
        KernelMetricsRow metrics = null;
        if (withKernel) {
            // the train pass above is the forward pass the kernel is built from
            values = meter.measure(shown.net);
            if (values == null) {
                return null;
            }
            metrics = meter.metrics(values, regimes.kernelInit, regimes.kernelLimit, shown.weightChange());
        }
        double[] regimeTest = regimes.pathInit.test();
        double regimeTestLoss = ensemble.testLoss(regimeTest);
        if (withKernel) {
            Samples test = context.data().test();
            boolean labelled = test.labelled();
            logs.kernel(step(), testLoss, regimeTestLoss, metrics, values, labelled ? test.accuracy(fTest) : Double.NaN,
                    labelled ? test.accuracy(regimeTest) : Double.NaN);
        }
        return new Measured(fTrain, fTest, trainLoss, testLoss, values, metrics, regimeTest, regimeTestLoss);
    }

    /**
     * A snapshot of the current state; with {@code withKernel}, Θ_t and its metrics too. Returns
     * null when the state is no longer finite (the loss or the kernel overflowed): the run has
     * diverged at {@link #step()}.
     */
    public TrainingSnapshot snapshot(boolean withKernel, RunStatus status, String message) {
        Measured m = measure(withKernel);
        if (m == null) {
            return null;
        }
        ReadOnlyVector slice = withKernel && meter.hasSlice() ? ReadOnlyVector.adopt(meter.slice(shown.net)) : ReadOnlyVector.empty();
        TrainingSnapshot.NetworkNow network = new TrainingSnapshot.NetworkNow(m.trainLoss(), m.testLoss(),
                ReadOnlyVector.adopt(m.fTrain()), ReadOnlyVector.adopt(m.fTest()),
                ReadOnlyVector.adopt(regimes.spectrumInit.energies(residual(m.fTrain()), ensemble.outputs)),
                withKernel ? meter.grid(shown.net, shown.initial, backend) : ReadOnlyVector.empty());
        TrainingSnapshot.RegimeNow regime = new TrainingSnapshot.RegimeNow(ReadOnlyVector.adopt(regimes.pathInit.train()),
                ReadOnlyVector.adopt(m.regimeTest()), regimes.pathInit.trainLoss(), m.regimeTestLoss(),
                regimes.limitTest(), ReadOnlyVector.adopt(regimes.pathInit.modeEnergies()));
        TrainingSnapshot.KernelNow kernel = withKernel
                ? new TrainingSnapshot.KernelNow(ReadOnlyMatrix.copyOf(n, n, meter.now()), ReadOnlyVector.adopt(m.eigenvalues()),
                meter.alignment() == null ? ReadOnlyVector.empty() : ReadOnlyVector.adopt(meter.alignment()), m.metrics(), slice)
                : TrainingSnapshot.KernelNow.NONE;
        if (withKernel && ensemble.size() > 1) {
            lastEnsemble = viewer.view(m.fTest(), m.trainLoss(), meter.now(), slice);
        }
        return new TrainingSnapshot(context, new TrainingSnapshot.Clock(step(), time, learningRate, lastBatch()), network, regime, kernel,
                new TrainingSnapshot.Histories(logs.steps(), logs.kernels()), lastEnsemble, status, message);
    }

    /** The train indices step {@link #step()} − 1 used, ascending (none before the first step). */
    private int[] lastBatch() {
        long step = step();
        if (step == 0) {
            return new int[0];
        }
        BatchSchedule batches = ensemble.batches;
        return Arrays.copyOf(batches.indices(step - 1), batches.count(step - 1));
    }

    /**
     * The numbers of a kernel interval without a snapshot: losses, metrics, eigenvalues and the
     * test predictions, but not Θ_t itself, which stays here ({@link #lastKernel()}). For
     * consumers that write each interval and keep only the end: a snapshot copies the n × n kernel,
     * and hundreds of thousands of those copies made a long run's heap grow. Null when the state is
     * no longer finite. An ensemble's other networks are not evaluated.
     */
    public KernelSample sample() {
        Measured m = measure(true);
        if (m == null) {
            return null;
        }
        return new KernelSample(step(), m.trainLoss(), m.testLoss(), regimes.pathInit.trainLoss(), m.metrics(),
                ReadOnlyVector.adopt(m.eigenvalues()), ReadOnlyVector.adopt(m.fTrain()), ReadOnlyVector.adopt(m.fTest()),
                ReadOnlyVector.adopt(m.regimeTest()), regimes.limitTest());
    }

    /** Θ_t (scaled by α²) at the last kernel measurement that was finite: the last sample's or snapshot's. */
    public ReadOnlyMatrix lastKernel() {
        return ReadOnlyMatrix.copyOf(n, n, meter.now());
    }

    /** f(X) − y on the train inputs (n × C). */
    private double[] residual(double[] outputs) {
        double[] r = new double[outputs.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = outputs[i] - ensemble.yTrain[i];
        }
        return r;
    }

    /** ‖θ_t − θ_0‖ / ‖θ_0‖ of network 1 over the stored parameters. */
    public double weightChange() {
        return shown.weightChange();
    }
}
