package io.ntkstudio.engine;

import io.ntkstudio.data.CircleSlice;
import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.data.Geometry;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.kernel.AnalyticKernel;
import io.ntkstudio.kernel.CrossKernel;
import io.ntkstudio.kernel.EigenvalueSolver;
import io.ntkstudio.kernel.EmpiricalNtk;
import io.ntkstudio.kernel.GpPath;
import io.ntkstudio.kernel.KernelMetrics;
import io.ntkstudio.kernel.KernelRegime;
import io.ntkstudio.kernel.NtkGaussianProcess;
import io.ntkstudio.kernel.RegimePath;
import io.ntkstudio.kernel.Spectrum;
import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;
import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.BatchedPass;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.network.TrainingRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The state of one training run, owned by exactly one thread: the network trained by the
 * experiment's {@link TrainingRule} ({@link Optimiser}; docs/ntk-math.md, "Training rules"), and the
 * kernels and predictions that snapshots report, the kernel regime following the same rule and
 * batches ({@link RegimePath}). Workspaces are allocated once; a step allocates nothing.
 */
public final class TrainingRun {
    private final RunContext context;
    private final Network net;
    private final Network initial;
    private final double initialNorm;
    private final double[] xTrain;
    private final double[] yTrain;
    private final double[] xTest;
    private final double[] yTest;
    private final int n;
    private final BatchedPass trainPass;
    private final BatchedPass testPass;
    private final TrainingRule rule;
    private final BatchSchedule batches;
    private final Optimiser optimiser;
    private final Loss loss;
    private final EmpiricalNtk ntk;
    private final double[] kernelInit;
    private final double[] kernelLimit;
    /** Θ_t of the last kernel measurement that was finite; a measurement is made in {@code kernelScratch} and swapped in. */
    private double[] kernelNow;
    private double[] kernelScratch;
    private final Spectrum spectrumInit;
    private final EigenvalueSolver eigenvalues;
    private final KernelRegime regimeInit;
    private final RegimePath pathInit;
    private final int[] tracked;
    private final StepLog log;
    private final KernelLog kernelLog = new KernelLog();
    /** Members 1 … K − 1 of an ensemble run (this run is member 0), trained in lockstep; empty for one network. */
    private final List<TrainingRun> companions = new ArrayList<>();
    private final NtkGaussianProcess gp;
    private final GpPath gpPath;
    private NtkGaussianProcess.Moments nngp;
    /** The ensemble as of the last kernel snapshot: the K − 1 companions are evaluated only with the kernel. */
    private EnsembleView lastEnsemble;
    /** Each member's Θ_0, the same list for every snapshot, and its Θ_0(x₀, ·) on the circle slice (empty without one). */
    private List<ReadOnlyMatrix> kernelsInit;
    private List<ReadOnlyVector> circleSlicesInit;
    private final double[] kernelRow = new double[KernelLog.COLUMNS];
    private final double[] logRow;
    private final RegimePath pathLimit;
    private final MatrixBackend backend = MatrixBackend.current();
    private final FunctionGrid grid;
    private final double[] gridPoints;
    private BatchedPass gridPass;
    /** Θ(x₀, ·) on the data's circle slice (null without one), its points, and the buffer it is measured into. */
    private final CrossKernel sliceKernel;
    private final double[] sliceAnchor;
    private final double[] slicePoints;
    private final double[] sliceNow;
    private long step;
    private double time;
    private double learningRate;
    /** α of f_α = f_0 + α (f − f_0), trained at η/α² (Chizat, Oyallon & Bach 2019); 1: the network itself. */
    private final double alpha;
    private final double[] trainAtZero;
    private final double[] testAtZero;
    private final double[] scaledTrain;
    private double[] gridAtZero;
    private double lastLoss = Double.NaN;
    private double lastRegimeLoss = Double.NaN;
    private int companionDiverged;

    private TrainingRun(ExperimentSpec spec, Dataset data, boolean withLimit, BooleanSupplier cancelled, SetupProgress progress) {
        NetworkConfig cfg = spec.network();
        int dim = data.inputDim();
        this.n = data.train().count();
        int m = data.test().count();
        int networks = spec.training().members();
        // an ensemble run holds all its networks at once: the estimate counts every one
        CircleSlice slice = data.slice();
        long sliceBytes = slice == null ? 0 : CrossKernel.bytesNeeded(1, slice.count(), cfg.width(), cfg.depth());
        MemoryEstimate.requireFits(MemoryEstimate.forMembers(cfg, dim, n, m, spec.training().rule(), data.geometry() == Geometry.PLANE,
                        networks) + networks * sliceBytes,
                networks == 1 ? String.format(Locale.ROOT, "training a width-%d depth-%d network (%,d parameters) on %d points",
                        cfg.width(), cfg.depth(), cfg.parameterCount(dim), n)
                        : String.format(Locale.ROOT, "training %d width-%d depth-%d networks (%,d parameters each) on %d points",
                        networks, cfg.width(), cfg.depth(), cfg.parameterCount(dim), n),
                networks == 1 ? "lower network.width, network.depth or the number of points"
                        : "use fewer networks (training.members), or lower network.width or network.depth");
        // set-up's share of each part, by what dominates it: one share per network, one for the Gaussian process
        double shares = networks + (networks > 1 && withLimit ? 1 : 0);
        progress.at(0, networks > 1 ? "network 1 of " + networks : "the network and its kernels");
        this.net = Network.initialize(cfg, dim);
        this.initial = net.copy();
        this.initialNorm = Math.sqrt(initial.squaredNorm());
        this.xTrain = data.train().copyInputs();
        this.yTrain = data.train().copyTargets();
        this.xTest = data.test().copyInputs();
        this.yTest = data.test().copyTargets();
        this.learningRate = spec.training().learningRate();
        this.alpha = cfg.outputScale();
        this.scaledTrain = new double[n];
        this.rule = spec.training().rule();
        this.loss = rule.loss();
        rule.checkTargets(yTrain);
        this.batches = new BatchSchedule(n, rule.batchOn(n), spec.data().seed());
        this.trainPass = new BatchedPass(net, n, backend);
        this.testPass = new BatchedPass(net, m, backend);
        this.ntk = EmpiricalNtk.sharing(trainPass);
        this.kernelInit = new double[n * n];
        this.kernelNow = new double[n * n];
        this.kernelScratch = new double[n * n];
        requireFinite(yTrain, "the train targets", "lower data.frequency or data.noise, or fix the data file");
        requireFinite(yTest, "the test targets", "lower data.frequency, or fix the data file");
        ntk.compute(net, xTrain, kernelInit);
        scaleKernel(kernelInit);
        this.trainAtZero = ntk.outputs().clone();
        testPass.forward(net, xTest);
        this.testAtZero = testPass.outputs().clone();
        String scales = "lower network.sigmaW, network.sigmaB or network.depth, or scale the inputs down";
        requireFinite(trainAtZero, "the network's outputs at initialisation", scales);
        requireFinite(testAtZero, "the network's outputs on the test inputs at initialisation", scales);
        requireFinite(kernelInit, "the kernel Θ_0 at initialisation", scales);
        if (!Double.isFinite(loss.mean(trainAtZero, yTrain)) || !Double.isFinite(loss.mean(testAtZero, yTest))) {
            throw new InvalidInputException("the loss at initialisation overflows double precision: the targets or outputs are "
                    + "too large (around 1e154 or more); scale the targets down");
        }
        this.spectrumInit = Spectrum.of(kernelInit, n, true);
        this.eigenvalues = new EigenvalueSolver(n);
        double[] crossInit = scaleKernel(EmpiricalNtk.cross(net, xTest, m, xTrain, n));
        this.regimeInit = new KernelRegime(spectrumInit, crossInit, yTrain, trainAtZero, testAtZero);
        this.pathInit = RegimePath.of(regimeInit, kernelInit, crossInit, yTrain, trainAtZero, testAtZero, rule, batches);
        this.optimiser = new Optimiser(net, xTrain, yTrain, trainAtZero, alpha, rule, batches, backend);
        boolean limit = withLimit && cfg.parameterization() == Parameterization.NTK;
        AnalyticKernel analytic = limit ? new AnalyticKernel(cfg.activation(), cfg.depth(), cfg.sigmaW(), cfg.sigmaB()) : null;
        if (slice != null) {
            this.sliceKernel = new CrossKernel(net, 1, slice.count());
            this.sliceAnchor = slice.anchor();
            this.slicePoints = slice.points();
            this.sliceNow = new double[slice.count()];
        } else {
            this.sliceKernel = null;
            this.sliceAnchor = null;
            this.slicePoints = null;
            this.sliceNow = null;
        }
        SliceOnCircle sliceValues = slice == null ? null : new SliceOnCircle(ReadOnlyVector.adopt(slice.angles()),
                ReadOnlyVector.copyOf(measureSlice()),
                limit ? ReadOnlyVector.adopt(scaleKernel(analytic.compute(sliceAnchor, 1, slicePoints, slice.count(), dim, cancelled).ntk()))
                        : ReadOnlyVector.empty());
        Spectrum spectrumLimit = null;
        if (limit) {
            kernelLimit = scaleKernel(analytic.compute(xTrain, n, xTrain, n, dim, cancelled).ntk());
            spectrumLimit = Spectrum.of(kernelLimit, n, true);
            double[] crossLimit = scaleKernel(analytic.compute(xTest, m, xTrain, n, dim, cancelled).ntk());
            pathLimit = RegimePath.of(new KernelRegime(spectrumLimit, crossLimit, yTrain, trainAtZero, testAtZero), kernelLimit,
                    crossLimit, yTrain, trainAtZero, testAtZero, rule, batches);
        } else {
            kernelLimit = null;
            pathLimit = null;
        }
        this.grid = data.geometry() == Geometry.PLANE ? gridAround(xTrain, xTest) : null;
        this.gridPoints = grid == null ? null : grid.points();
        this.context = new RunContext(spec, data, ReadOnlyMatrix.copyOf(n, n, kernelInit),
                ReadOnlyVector.copyOf(spectrumInit.values()), ReadOnlyVector.copyOf(spectrumInit.energies(residual(trainAtZero))),
                limit ? ReadOnlyMatrix.copyOf(n, n, kernelLimit) : null,
                limit ? ReadOnlyVector.copyOf(spectrumLimit.values()) : null,
                // in the units of η: the parameters move at η/α² along a kernel α²Θ
                alpha * alpha * rule.largestStableLearningRate(n, spectrumInit.largest()), net.parameterCount(), grid,
                sliceValues);
        int count = spec.training().members();
        for (int k = 1; k < count; k++) {
            progress.at(k / shares, "network " + (k + 1) + " of " + count);
            ExperimentSpec member = spec.withNetwork(cfg.withSeed(Ensemble.memberSeed(cfg.seed(), k))).withTraining(spec.training().withMembers(1));
            companions.add(new TrainingRun(member, data, false, cancelled, SetupProgress.NONE));
        }
        boolean withGp = count > 1 && limit && NtkGaussianProcess.absentBecause(rule, n) == null;
        if (withGp) {
            progress.at(count / shares, "the Gaussian process of infinite width");
        }
        this.gp = withGp ? Ensemble.gaussianProcess(cfg, data, cancelled) : null;
        progress.at(1, "done");
        this.gpPath = gp == null ? null : gp.path(rule, batches);
        this.tracked = context.trackedModes();
        this.log = new StepLog(tracked.length);
        this.logRow = new double[log.columns()];
    }

    /** Θ_t(x₀, ·) on the circle slice into its buffer (scaled by α²), returned. */
    private double[] measureSlice() {
        sliceKernel.compute(net, sliceAnchor, slicePoints, sliceNow);
        return scaleKernel(sliceNow);
    }

    /** Θ of f_α is α²Θ: scales {@code k} in place (nothing at α = 1) and returns it. */
    private double[] scaleKernel(double[] k) {
        if (alpha != 1) {
            double a2 = alpha * alpha;
            for (int i = 0; i < k.length; i++) {
                k[i] *= a2;
            }
        }
        return k;
    }

    /** f_α = f_0 + α (f − f_0) from the network's outputs {@code raw}: {@code raw} itself at α = 1. */
    private double[] scaled(double[] raw, double[] atZero, double[] out) {
        if (alpha == 1) {
            return raw;
        }
        for (int i = 0; i < raw.length; i++) {
            out[i] = atZero[i] + alpha * (raw[i] - atZero[i]);
        }
        return out;
    }

    /** As {@link #scaled}, into a fresh array the caller may keep. */
    private double[] scaledCopy(double[] raw, double[] atZero) {
        return alpha == 1 ? raw.clone() : scaled(raw, atZero, new double[raw.length]);
    }

    /** Refuses a start that is not finite, naming what overflowed and what to change. */
    private static void requireFinite(double[] values, String what, String fix) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException(what + " are not finite (" + values[i] + " at index " + i + "); " + fix);
            }
        }
    }

    /** A {@link FunctionGrid#LIVE_SIZE}² grid over the data's bounding box with a margin. */
    private static FunctionGrid gridAround(double[] a, double[] b) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (double[] pts : new double[][] {a, b}) {
            for (int i = 0; i < pts.length; i += 2) {
                x0 = Math.min(x0, pts[i]);
                x1 = Math.max(x1, pts[i]);
                y0 = Math.min(y0, pts[i + 1]);
                y1 = Math.max(y1, pts[i + 1]);
            }
        }
        double mx = 0.1 * Math.max(x1 - x0, 1e-3);
        double my = 0.1 * Math.max(y1 - y0, 1e-3);
        return new FunctionGrid(FunctionGrid.LIVE_SIZE, x0 - mx, x1 + mx, y0 - my, y1 + my);
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
        return new TrainingRun(spec, data, options.infiniteWidth(), options.cancelled(), options.progress());
    }

    public RunContext context() {
        return context;
    }

    /** Which train points each step uses: the schedule the network, its kernel regime and the GP share. */
    public BatchSchedule batches() {
        return batches;
    }

    /** The step log as it is now (every step taken, a diverging run's last ones included). */
    public StepLogView stepLog() {
        return log.view();
    }

    public long step() {
        return step;
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

    /** The live network; only the owning thread may touch it. */
    public Network network() {
        return net;
    }

    public Network initialNetwork() {
        return initial;
    }

    /**
     * One step of the training rule. Returns false, changing nothing, when the loss at the current
     * parameters is not finite: the run has diverged at {@link #step()}.
     */
    public boolean advance() {
        trainPass.forward(net, xTrain);
        double[] f = scaled(trainPass.outputs(), trainAtZero, scaledTrain);
        double now = loss.mean(f, yTrain);
        if (!Double.isFinite(now)) {
            return false;
        }
        lastLoss = now;
        lastRegimeLoss = pathInit.trainLoss();
        if (log.wants(step)) {
            logStep(f, now);
        }
        optimiser.step(step, learningRate, trainPass, f);
        double rate = learningRate / (alpha * alpha);
        pathInit.step(rate, step);
        if (pathLimit != null) {
            pathLimit.step(rate, step);
        }
        long taken = step;
        step++;
        time += learningRate;
        for (TrainingRun c : companions) {
            if (!c.advance()) {
                companionDiverged = companions.indexOf(c) + 1;
                return false;
            }
        }
        if (gpPath != null) {
            gpPath.step(learningRate, taken);
        }
        return true;
    }

    /** Records the current step's row: losses and the tracked directions' energies, no allocation. */
    private void logStep(double[] f, double loss) {
        logRow[StepLog.TRAIN_LOSS] = loss;
        logRow[StepLog.REGIME_TRAIN_LOSS] = pathInit.trainLoss();
        for (int k = 0; k < tracked.length; k++) {
            double c = 0;
            for (int j = 0; j < n; j++) {
                c += spectrumInit.vector(tracked[k], j) * (f[j] - yTrain[j]);
            }
            logRow[StepLog.modeColumn(k)] = c * c;
            logRow[StepLog.regimeModeColumn(k)] = pathInit.modeEnergy(tracked[k]);
        }
        log.record(step, logRow);
    }

    /** Records a kernel snapshot's numbers in the kernel log, before the snapshot hands out its view. */
    private void logKernel(double testLoss, double regimeTestLoss, KernelMetricsRow m, double[] eigen) {
        kernelRow[KernelLog.TEST_LOSS] = testLoss;
        kernelRow[KernelLog.REGIME_TEST_LOSS] = regimeTestLoss;
        kernelRow[KernelLog.KERNEL_CHANGE] = m.kernelChange();
        kernelRow[KernelLog.DISTANCE_TO_LIMIT] = m.distanceToLimit();
        kernelRow[KernelLog.ALIGNMENT] = m.alignment();
        kernelRow[KernelLog.WEIGHT_CHANGE] = m.weightChange();
        for (int i = 0; i < KernelLog.TOP_EIGENVALUES; i++) {
            kernelRow[KernelLog.TOP_EIGENVALUE + i] = i < eigen.length ? eigen[i] : Double.NaN;
        }
        kernelLog.record(step, kernelRow);
    }

    /** The message for a run that diverged at the current step. */
    public String divergenceMessage() {
        if (companionDiverged > 0) {
            return String.format(Locale.ROOT, "training diverged at step %d: network %d of the ensemble (seed %d) is no longer "
                    + "finite. The largest stable learning rate here is %s = %.6g; lower training.learningRate below it",
                    step, companionDiverged, Ensemble.memberSeed(context.spec().network().seed(), companionDiverged),
                    rule.stableRateFormula(), context.largestStableLearningRate());
        }
        return String.format(Locale.ROOT,
                "training diverged at step %d: the loss or the kernel is no longer finite. The largest stable learning rate here is "
                        + "%s = %.6g (learning rate was %.6g); lower training.learningRate below it",
                step, rule.stableRateFormula(), context.largestStableLearningRate(), learningRate);
    }

    /** What one evaluation of the current state measured; the arrays are fresh. */
    private record Measured(double[] fTrain, double[] fTest, double trainLoss, double testLoss, double[] eigenvalues,
                            KernelMetricsRow metrics, double[] regimeTest, double regimeTestLoss) {
    }

    /**
     * Evaluates the network on the train and test inputs and, with {@code withKernel}, Θ_t, its
     * eigenvalues and metrics (recorded in the kernel log). Null when something is no longer finite;
     * Θ_t is then left at the last finite measurement.
     */
    private Measured measure(boolean withKernel) {
        trainPass.forward(net, xTrain);
        double[] fTrain = scaledCopy(trainPass.outputs(), trainAtZero);
        testPass.forward(net, xTest);
        double[] fTest = scaledCopy(testPass.outputs(), testAtZero);
        double trainLoss = loss.mean(fTrain, yTrain);
        double testLoss = loss.mean(fTest, yTest);
        if (!Double.isFinite(trainLoss) || !Double.isFinite(testLoss)) {
            return null;
        }
        double[] values = null;
        KernelMetricsRow metrics = null;
        if (withKernel) {
            // the train pass above is the forward pass the kernel is built from
            ntk.computeFromForward(net, kernelScratch);
            scaleKernel(kernelScratch);
            if (!Double.isFinite(KernelMetrics.frobenius(kernelScratch))) {
                return null;
            }
            try {
                values = eigenvalues.descending(kernelScratch);
            } catch (IllegalStateException e) {
                // finite but so large or ill-scaled that the QR iterations fail: the run is blowing up
                return null;
            }
            double[] t = kernelNow;
            kernelNow = kernelScratch;
            kernelScratch = t;
            metrics = new KernelMetricsRow(
                    KernelMetrics.relativeDistance(kernelNow, kernelInit),
                    kernelLimit == null ? Double.NaN : KernelMetrics.relativeDistance(kernelNow, kernelLimit),
                    KernelMetrics.alignment(kernelNow, yTrain),
                    KernelMetrics.kernelDistance(kernelNow, kernelInit),
                    weightChange(),
                    values[n - 1] > 0 ? values[0] / values[n - 1] : Double.POSITIVE_INFINITY);
        }
        double[] regimeTest = pathInit.test();
        double regimeTestLoss = loss.mean(regimeTest, yTest);
        if (withKernel) {
            logKernel(testLoss, regimeTestLoss, metrics, values);
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
        ReadOnlyVector slice = withKernel && sliceKernel != null ? ReadOnlyVector.copyOf(measureSlice()) : ReadOnlyVector.empty();
        TrainingSnapshot.NetworkNow network = new TrainingSnapshot.NetworkNow(m.trainLoss(), m.testLoss(),
                ReadOnlyVector.adopt(m.fTrain()), ReadOnlyVector.adopt(m.fTest()),
                ReadOnlyVector.adopt(spectrumInit.energies(residual(m.fTrain()))), gridOutputs(withKernel));
        TrainingSnapshot.RegimeNow regime = new TrainingSnapshot.RegimeNow(ReadOnlyVector.adopt(pathInit.train()),
                ReadOnlyVector.adopt(m.regimeTest()), pathInit.trainLoss(), m.regimeTestLoss(),
                pathLimit == null ? ReadOnlyVector.empty() : ReadOnlyVector.adopt(pathLimit.test()),
                ReadOnlyVector.adopt(pathInit.modeEnergies()));
        TrainingSnapshot.KernelNow kernel = withKernel
                ? new TrainingSnapshot.KernelNow(ReadOnlyMatrix.copyOf(n, n, kernelNow), ReadOnlyVector.adopt(m.eigenvalues()), m.metrics(), slice)
                : TrainingSnapshot.KernelNow.NONE;
        return new TrainingSnapshot(context, new TrainingSnapshot.Clock(step, time, learningRate, lastBatch()), network, regime, kernel,
                new TrainingSnapshot.Histories(log.view(), kernelLog.view()),
                withKernel ? ensembleView(m.fTest(), m.trainLoss(), slice) : lastEnsemble, status, message);
    }

    /** The train indices step {@link #step()} − 1 used, ascending (none before the first step). */
    private int[] lastBatch() {
        if (step == 0) {
            return new int[0];
        }
        return Arrays.copyOf(batches.indices(step - 1), batches.count(step - 1));
    }

    /**
     * The numbers of a kernel interval without a snapshot: losses, metrics, eigenvalues and the
     * test predictions, but not Θ_t itself, which stays here ({@link #lastKernel()}). For
     * consumers that write each interval and keep only the end: a snapshot copies the n × n kernel,
     * and hundreds of thousands of those copies made a long run's heap grow. Null when the state is
     * no longer finite. An ensemble's other members are not evaluated.
     */
    public KernelSample sample() {
        Measured m = measure(true);
        if (m == null) {
            return null;
        }
        return new KernelSample(step, m.trainLoss(), m.testLoss(), pathInit.trainLoss(), m.metrics(),
                ReadOnlyVector.adopt(m.eigenvalues()), ReadOnlyVector.adopt(m.fTrain()), ReadOnlyVector.adopt(m.fTest()),
                ReadOnlyVector.adopt(m.regimeTest()),
                pathLimit == null ? ReadOnlyVector.empty() : ReadOnlyVector.adopt(pathLimit.test()));
    }

    /** Θ_t (scaled by α²) at the last kernel measurement that was finite: the last sample's or snapshot's. */
    public ReadOnlyMatrix lastKernel() {
        return ReadOnlyMatrix.copyOf(n, n, kernelNow);
    }

    /** The ensemble's outputs and statistics with this network as member 0; null for a single network. */
    private EnsembleView ensembleView(double[] ownTest, double ownLoss, ReadOnlyVector ownSlice) {
        if (companions.isEmpty()) {
            return null;
        }
        lastEnsemble = computeEnsembleView(ownTest, ownLoss, ownSlice);
        return lastEnsemble;
    }

    /** {@code ownSlice}: this network's Θ_t(x₀, ·) on the circle slice, measured with its kernel (empty without one). */
    private EnsembleView computeEnsembleView(double[] ownTest, double ownLoss, ReadOnlyVector ownSlice) {
        double[][] f = new double[companions.size() + 1][];
        List<ReadOnlyVector> members = new ArrayList<>();
        List<ReadOnlyMatrix> kernels = new ArrayList<>();
        kernels.add(ReadOnlyMatrix.copyOf(n, n, kernelNow));
        List<ReadOnlyVector> slices = new ArrayList<>();
        if (!ownSlice.isEmpty()) {
            slices.add(ownSlice);
        }
        f[0] = ownTest;
        members.add(ReadOnlyVector.copyOf(ownTest));
        double loss = ownLoss;
        for (int k = 0; k < companions.size(); k++) {
            TrainingRun c = companions.get(k);
            c.testPass.forward(c.net, c.xTest);
            f[k + 1] = c.scaledCopy(c.testPass.outputs(), c.testAtZero);
            c.trainPass.forward(c.net, c.xTrain);
            loss += this.loss.mean(c.scaled(c.trainPass.outputs(), c.trainAtZero, c.scaledTrain), yTrain);
            members.add(ReadOnlyVector.copyOf(f[k + 1]));
            c.ntk.computeFromForward(c.net, c.kernelNow);
            c.scaleKernel(c.kernelNow);
            kernels.add(ReadOnlyMatrix.copyOf(n, n, c.kernelNow));
            if (c.sliceKernel != null) {
                slices.add(ReadOnlyVector.copyOf(c.measureSlice()));
            }
        }
        if (kernelsInit == null) {
            List<ReadOnlyMatrix> init = new ArrayList<>();
            List<ReadOnlyVector> slicesInit = new ArrayList<>();
            for (TrainingRun r : allMembers()) {
                init.add(r.context.kernelInit());
                if (r.context.hasCircleSlice()) {
                    slicesInit.add(r.context.circleSlice().init());
                }
            }
            kernelsInit = List.copyOf(init);
            circleSlicesInit = List.copyOf(slicesInit);
        }
        Ensemble.Stats st = Ensemble.summarize(step, f, loss / f.length, gpPath == null ? null : gpPath.now());
        if (gp != null && nngp == null) {
            nngp = gp.nngpPosterior();
        }
        return EnsembleView.of(members, st, gp != null, nngp, kernels, kernelsInit, slices, circleSlicesInit,
                companions.stream().map(c -> c.log.view()).toList(), meanEigenvalues(kernels));
    }

    /** This run and its companions, member 0 first. */
    private List<TrainingRun> allMembers() {
        List<TrainingRun> all = new ArrayList<>();
        all.add(this);
        all.addAll(companions);
        return all;
    }

    /** The eigenvalues of (1/K) Σ_k Θ_t^(k), descending: the spectrum the networks share. */
    private ReadOnlyVector meanEigenvalues(List<ReadOnlyMatrix> kernels) {
        return ReadOnlyVector.adopt(eigenvalues.descending(EnsembleView.mean(kernels)));
    }

    /** f(X) − y on the train inputs. */
    private double[] residual(double[] outputs) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = outputs[i] - yTrain[i];
        }
        return r;
    }

    /** The network on the 2-D grid, evaluated with the kernel (its cost is that of a forward pass). */
    private ReadOnlyVector gridOutputs(boolean withKernel) {
        if (grid == null || !withKernel) {
            return ReadOnlyVector.empty();
        }
        if (gridPass == null) {
            gridPass = new BatchedPass(net, grid.size() * grid.size(), backend);
        }
        if (gridAtZero == null) {
            gridPass.forward(initial, gridPoints);
            gridAtZero = gridPass.outputs().clone();
        }
        gridPass.forward(net, gridPoints);
        return ReadOnlyVector.copyOf(scaled(gridPass.outputs(), gridAtZero, new double[gridAtZero.length]));
    }

    /** ‖θ_t − θ_0‖ / ‖θ_0‖ over the stored parameters. */
    public double weightChange() {
        return Math.sqrt(net.squaredDistance(initial)) / initialNorm;
    }
}
