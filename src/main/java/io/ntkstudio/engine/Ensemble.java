package io.ntkstudio.engine;

import io.ntkstudio.data.Dataset;
import io.ntkstudio.data.Geometry;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.kernel.LimitKernel;
import io.ntkstudio.kernel.GpPath;
import io.ntkstudio.kernel.NtkGaussianProcess;
import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.Pass;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.network.TrainingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * K ≥ 1 independent networks of one architecture, trained in lockstep by the experiment's
 * {@link TrainingRule} and batches on the same data, and, where it exists, the distribution the
 * theory predicts for infinitely many of infinite width: the NTK Gaussian process followed through
 * the same steps ({@link NtkGaussianProcess}; Lee et al. 2019, Sec. 2.3). Member k is initialised
 * from seed {@code network.seed + k}, so member 0 is the single run of the same experiment. The
 * members share the data, the forward and backward workspaces and the optimiser's
 * ({@link MemberStepper}, which may step two halves at once, each with a set of its own); each
 * holds only its parameters and its optimiser state ({@link Member}). Owned by one thread; a
 * single network's step allocates nothing (two lanes' step, one task to hand over).
 */
public final class Ensemble {
    public static final int MAX_MEMBERS = 64;

    /** The ensemble at one step against the NTK-GP there (GP fields NaN without it). */
    public record Stats(long step, double[] mean, double[] std, double[] gpMean, double[] gpStd, double meanGap,
                        double stdRatio, double trainLossMean) {
    }

    /** Told each member's α-scaled train outputs and (finite) loss just before its step. */
    interface StepObserver {
        void before(int member, double[] f, double loss);
    }

    private final NetworkConfig config;
    private final Dataset data;
    final double[] xTrain;
    final double[] yTrain;
    final double[] xTest;
    final double[] yTest;
    final double alpha;
    /** C: one output per class for class data, else 1. */
    final int outputs;
    final TrainingRule rule;
    final BatchSchedule batches;
    private final Loss loss;
    private final Pass testPass;
    /** The workspaces every member is stepped with; its train pass is the one measurements share. */
    private final MemberStepper stepper;
    private final List<Member> members = new ArrayList<>();
    private final NtkGaussianProcess gp;
    private final GpPath path;
    private final long estimate;
    private final double learningRate;
    private long step;

    /**
     * {@code count} members on {@code data}, refused first when {@code estimate} bytes would not fit;
     * with the Gaussian process when {@code withGp} (the caller has checked that it exists).
     */
    Ensemble(ExperimentSpec spec, Dataset data, int count, long estimate, boolean withGp, BooleanSupplier cancelled,
             SetupProgress progress) {
        if (count < 1 || count > MAX_MEMBERS) {
            throw new InvalidInputException("the number of networks must be from 1 to " + MAX_MEMBERS + ", got " + count);
        }
        NetworkConfig cfg = spec.network();
        this.config = cfg;
        this.data = data;
        this.estimate = estimate;
        int n = data.train().count();
        MemoryEstimate.requireFits(estimate, count == 1
                        ? String.format(Locale.ROOT, "training a width-%d depth-%d network (%,d parameters) on %d points",
                        cfg.width(), cfg.depth(), cfg.parameterCount(data.inputDim(), data.train().outputs()), n)
                        : String.format(Locale.ROOT, "training %d width-%d depth-%d networks (%,d parameters each) on %d points",
                        count, cfg.width(), cfg.depth(), cfg.parameterCount(data.inputDim(), data.train().outputs()), n),
                count == 1 ? "lower network.width, network.depth or the number of points"
                        : "use fewer networks (training.members or --members), or lower network.width or network.depth");
        this.xTrain = data.train().copyInputs();
        this.yTrain = data.train().copyTargets();
        this.xTest = data.test().copyInputs();
        this.yTest = data.test().copyTargets();
        this.alpha = cfg.outputScale();
        this.outputs = data.train().outputs();
        this.rule = spec.training().rule();
        this.loss = rule.loss();
        rule.checkTargets(yTrain, data.classes());
        this.batches = new BatchSchedule(n, rule.batchOn(n), spec.data().seed());
        requireFinite(yTrain, "the train targets", "lower data.frequency or data.noise, or fix the data file");
        requireFinite(yTest, "the test targets", "lower data.frequency, or fix the data file");
        MatrixBackend backend = MatrixBackend.current();
        this.learningRate = spec.training().learningRate();
        Network first = Network.initialize(cfg.withSeed(memberSeed(cfg.seed(), 0)), data.inputDim(), outputs);
        this.stepper = new MemberStepper(first, xTrain, yTrain, alpha, rule, batches, backend, count);
        this.testPass = Pass.of(first, data.test().count(), backend);
        for (int k = 0; k < count; k++) {
            if (count > 1) {
                progress.at((double) k / (count + (withGp ? 1 : 0)), "network " + (k + 1) + " of " + count);
            }
            members.add(member(k == 0 ? first : Network.initialize(cfg.withSeed(memberSeed(cfg.seed(), k)), data.inputDim(), outputs)));
        }
        if (withGp) {
            progress.at((double) count / (count + 1), "the Gaussian process of infinite width");
        }
        this.gp = withGp ? gaussianProcess(cfg, cancelled) : null;
        this.path = gp == null ? null : gp.path(rule, batches);
    }

    /**
     * The ensemble of the {@code ensemble}, {@code sweep} and {@code bench} commands: {@code count}
     * networks, with the Gaussian process where it exists (NTK parameterization; see
     * {@link NtkGaussianProcess#absentBecause}), and member 0's function grid for the picture.
     */
    public static Ensemble create(ExperimentSpec spec, Dataset data, int count, BooleanSupplier cancelled) {
        NetworkConfig cfg = spec.network();
        TrainingRule rule = spec.training().rule();
        int n = data.train().count();
        long estimate = MemoryEstimate.forMembers(cfg, data.inputDim(), n, data.test().count(), rule,
                data.geometry() == Geometry.PLANE, count, false, data.train().outputs());
        boolean withGp = cfg.parameterization() == Parameterization.NTK && NtkGaussianProcess.absentBecause(rule, n) == null;
        return new Ensemble(spec, data, count, estimate, withGp, cancelled, SetupProgress.NONE);
    }

    /** A member at initialisation: its outputs there, refused when they are not finite. */
    private Member member(Network net) {
        stepper.trainPass.forward(net, xTrain);
        double[] trainAtZero = stepper.trainPass.outputs().clone();
        testPass.forward(net, xTest);
        double[] testAtZero = testPass.outputs().clone();
        String scales = "lower network.sigmaW, network.sigmaB or network.depth, or scale the inputs down";
        requireFinite(trainAtZero, "the network's outputs at initialisation", scales);
        requireFinite(testAtZero, "the network's outputs on the test inputs at initialisation", scales);
        if (!Double.isFinite(trainLoss(trainAtZero)) || !Double.isFinite(testLoss(testAtZero))) {
            throw new InvalidInputException("the loss at initialisation overflows double precision: the targets or outputs are "
                    + "too large (around 1e154 or more); scale the targets down");
        }
        double bound = Member.lossBound(trainLoss(trainAtZero), trainLoss(new double[yTrain.length]));
        return new Member(net, stepper.velocity(net), trainAtZero, testAtZero, bound);
    }

    /** Why member {@code k} diverged at this step: its loss is not finite, or it grew past {@link Member#lossBound}. */
    public String whyDiverged(int k) {
        Member mb = members.get(k);
        double now = trainLoss(trainOutputs(k));
        double start = trainLoss(mb.trainAtZero);
        double scale = mb.lossBound / Member.DIVERGED_FACTOR;
        return Double.isFinite(now)
                ? String.format(Locale.ROOT, "the train loss grew to %.3g, over 10^6 × %s", now,
                        scale == start ? String.format(Locale.ROOT, "its start %.3g", start)
                                : String.format(Locale.ROOT, "%.3g, the zero function's loss", scale))
                : "the loss is no longer finite";
    }

    /** The seed of member {@code k}: the experiment's seed plus k. */
    public static long memberSeed(long seed, int k) {
        return seed + k;
    }

    /** The analytic Θ and 𝒦 of the architecture (f_α's linearised dynamics do not depend on α). */
    private NtkGaussianProcess gaussianProcess(NetworkConfig cfg, BooleanSupplier cancelled) {
        LimitKernel k = LimitKernel.of(cfg);
        return NtkGaussianProcess.analytic(k, xTrain, yTrain, xTest, data.inputDim(), cancelled);
    }

    /** The estimated peak resident memory of this ensemble's process, for reports against the measured peak. */
    public long estimatedPeak() {
        return MemoryEstimate.peakResident(estimate, config, data.inputDim(), members.size());
    }

    public int size() {
        return members.size();
    }

    /** The steps every member has taken. */
    public long step() {
        return step;
    }

    public boolean hasGaussianProcess() {
        return gp != null;
    }

    Member member(int k) {
        return members.get(k);
    }

    /** The train pass the members share: after {@link #trainOutputs(int)} it holds that member's forward pass. */
    Pass trainPass() {
        return stepper.trainPass;
    }

    /** The NTK-GP's mean and variance at the test inputs now (null without it). */
    NtkGaussianProcess.Moments gpNow() {
        return path == null ? null : path.now();
    }

    /** One step of every member at the spec's learning rate; −1, or the first member whose loss is no longer finite. */
    public int advance() {
        return advance(learningRate, null);
    }

    /**
     * One step of every member at rate η (the GP's path with it), {@code observer} (may be null)
     * told each member's outputs and loss first. Returns −1; or the first member whose loss is no
     * longer finite or has grown past its {@link Member#lossBound}, which is not stepped (nor are the ones after it in its half of the
     * ensemble), nor is the step counted: the run has diverged there.
     */
    int advance(double eta, StepObserver observer) {
        int bad = stepper.step(members, step, eta, observer);
        if (bad >= 0) {
            return bad;
        }
        if (path != null) {
            path.step(eta, step);
        }
        step++;
        return -1;
    }

    /** Member k's α-scaled outputs on the train points, fresh; the shared train pass then holds its forward pass. */
    double[] trainOutputs(int k) {
        Member mb = members.get(k);
        stepper.trainPass.forward(mb.net, xTrain);
        return scaledCopy(stepper.trainPass.outputs(), mb.trainAtZero);
    }

    /** Member k's α-scaled outputs on the test points, fresh. */
    double[] testOutputs(int k) {
        Member mb = members.get(k);
        testPass.forward(mb.net, xTest);
        return scaledCopy(testPass.outputs(), mb.testAtZero);
    }

    /** The training loss of outputs {@code f} on the train points. */
    double trainLoss(double[] f) {
        return loss.mean(f, yTrain, outputs);
    }

    /** The loss of outputs {@code f} on the test points. */
    double testLoss(double[] f) {
        return loss.mean(f, yTest, outputs);
    }

    /** As {@link Member#scaled}, into a fresh array the caller may keep. */
    private double[] scaledCopy(double[] raw, double[] atZero) {
        return alpha == 1 ? raw.clone() : Member.scaled(alpha, raw, atZero, new double[raw.length]);
    }

    /** The NNGP posterior at the test inputs (null without the Gaussian process). */
    public NtkGaussianProcess.Moments nngpPosterior() {
        return gp == null ? null : gp.nngpPosterior();
    }

    /** Every member's test outputs now, member 0 first. */
    public List<double[]> testOutputs() {
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            out.add(testOutputs(k));
        }
        return out;
    }

    /**
     * Mean and standard deviation (divisor K − 1) over the members against the NTK-GP at this step
     * ({@link #summarize}).
     */
    public Stats stats() {
        double[][] f = new double[members.size()][];
        double sum = 0;
        for (int k = 0; k < f.length; k++) {
            sum += trainLoss(trainOutputs(k));
            f[k] = testOutputs(k);
        }
        return summarize(f, sum / f.length);
    }

    /** The statistics of member test outputs {@code f} (one row per member) against the GP now. */
    Stats summarize(double[][] f, double trainLossMean) {
        return EnsembleStats.of(step, f, trainLossMean, gpNow());
    }

    /** Refuses a start that is not finite, naming what overflowed and what to change. */
    static void requireFinite(double[] values, String what, String fix) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException(what + " are not finite (" + values[i] + " at index " + i + "); " + fix);
            }
        }
    }
}
