package io.ntkstudio.engine;

import io.ntkstudio.data.Dataset;
import io.ntkstudio.data.Geometry;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.kernel.AnalyticKernel;
import io.ntkstudio.kernel.GpPath;
import io.ntkstudio.kernel.NtkGaussianProcess;
import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.network.TrainingRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * K independent networks of one architecture, trained in lockstep by the same rule and batches on
 * the same data, next to the distribution the theory predicts for infinitely many of infinite
 * width: the NTK Gaussian process ({@link NtkGaussianProcess}; Lee et al. 2019, Sec. 2.3). Member
 * k is initialised from seed {@code network.seed + k}, so member 0 is the single run of the same
 * experiment. Owned by one thread.
 */
public final class Ensemble {
    public static final int MAX_MEMBERS = 64;

    /** The ensemble at one step against the NTK-GP there (GP fields NaN without an analytic limit). */
    public record Stats(long step, double[] mean, double[] std, double[] gpMean, double[] gpStd, double meanGap,
                        double stdRatio, double trainLossMean) {
    }

    private final ExperimentSpec spec;
    private final List<TrainingRun> members = new ArrayList<>();
    private final NtkGaussianProcess gp;
    private final GpPath path;
    private final int m;
    private final long estimate;

    private Ensemble(ExperimentSpec spec, Dataset data, int count, BooleanSupplier cancelled) {
        if (count < 1 || count > MAX_MEMBERS) {
            throw new InvalidInputException("the number of members must be from 1 to " + MAX_MEMBERS + ", got " + count);
        }
        NetworkConfig cfg = spec.network();
        int n = data.train().count();
        this.m = data.test().count();
        // the members are measured without their kernels or grids; the picture of member 0 adds its grid
        this.estimate = MemoryEstimate.forMembers(cfg, data.inputDim(), n, m, spec.training().rule(), data.geometry() == Geometry.PLANE,
                count);
        MemoryEstimate.requireFits(estimate,
                String.format(Locale.ROOT, "%d members of width %d, depth %d", count, cfg.width(), cfg.depth()),
                "use fewer members, or lower network.width or network.depth");
        this.spec = spec;
        for (int k = 0; k < count; k++) {
            // each member is one network: the spec's own ensemble size is this ensemble's, not each member's
            ExperimentSpec member = spec.withNetwork(cfg.withSeed(memberSeed(cfg.seed(), k))).withTraining(spec.training().withMembers(1));
            members.add(TrainingRun.create(member, data, RunOptions.NETWORK_ONLY.cancelledWhen(cancelled)));
        }
        TrainingRule rule = spec.training().rule();
        if (cfg.parameterization() == Parameterization.NTK && NtkGaussianProcess.absentBecause(rule, n) == null) {
            this.gp = gaussianProcess(cfg, data, cancelled);
            this.path = gp.path(rule, new BatchSchedule(n, rule.batchOn(n), spec.data().seed()));
        } else {
            this.gp = null;
            this.path = null;
        }
    }

    public static Ensemble create(ExperimentSpec spec, Dataset data, int members, BooleanSupplier cancelled) {
        return new Ensemble(spec, data, members, cancelled);
    }

    /** The seed of member {@code k}: the experiment's seed plus k. */
    public static long memberSeed(long seed, int k) {
        return seed + k;
    }

    /** The analytic Θ and 𝒦 of the architecture (f_α's linearised dynamics do not depend on α). */
    static NtkGaussianProcess gaussianProcess(NetworkConfig cfg, Dataset data, BooleanSupplier cancelled) {
        int n = data.train().count();
        int m = data.test().count();
        int d = data.inputDim();
        double[] x = data.train().copyInputs();
        double[] t = data.test().copyInputs();
        AnalyticKernel k = new AnalyticKernel(cfg.activation(), cfg.depth(), cfg.sigmaW(), cfg.sigmaB());
        AnalyticKernel.Result train = k.compute(x, n, x, n, d, cancelled);
        AnalyticKernel.Result cross = k.compute(t, m, x, n, d, cancelled);
        double[] diagonal = new double[m];
        for (int a = 0; a < m; a++) {
            double[] point = data.test().row(a);
            diagonal[a] = k.compute(point, 1, point, 1, d, cancelled).nngp()[0];
        }
        return new NtkGaussianProcess(train.ntk(), cross.ntk(), train.nngp(), cross.nngp(), diagonal, data.train().copyTargets());
    }

    /** The estimated peak resident memory of this ensemble's process, for reports against the measured peak. */
    public long estimatedPeak() {
        return MemoryEstimate.peakResident(estimate, spec.network(), members.get(0).context().data().inputDim(), members.size());
    }

    public int size() {
        return members.size();
    }

    public TrainingRun member(int k) {
        return members.get(k);
    }

    public long step() {
        return members.get(0).step();
    }

    public boolean hasGaussianProcess() {
        return gp != null;
    }

    /** One step of every member; returns −1, or the first member whose loss is no longer finite. */
    public int advance() {
        long t = step();
        for (int k = 0; k < members.size(); k++) {
            if (!members.get(k).advance()) {
                return k;
            }
        }
        if (path != null) {
            path.step(spec.training().learningRate(), t);
        }
        return -1;
    }

    /** Each member now, without its kernel. */
    public List<TrainingSnapshot> snapshots() {
        List<TrainingSnapshot> out = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            TrainingSnapshot s = members.get(k).snapshot(false, RunStatus.RUNNING, null);
            if (s == null) {
                throw new IllegalStateException("member " + k + " is no longer finite");
            }
            out.add(s);
        }
        return out;
    }

    /** The NNGP posterior at the test inputs (null without an analytic limit). */
    public NtkGaussianProcess.Moments nngpPosterior() {
        return gp == null ? null : gp.nngpPosterior();
    }

    /**
     * Mean and standard deviation (divisor K − 1) over the members against the NTK-GP at this step:
     * the relative L2 gap ‖mean − μ_t‖/‖μ_t‖ (the RMS of the mean where μ_t = 0) and the ratio of RMS
     * standard deviations, ensemble over GP.
     */
    public Stats stats() {
        List<TrainingSnapshot> now = snapshots();
        double[][] f = new double[now.size()][];
        double loss = 0;
        for (int k = 0; k < f.length; k++) {
            f[k] = now.get(k).testOutputs().toArray();
            loss += now.get(k).trainLoss();
        }
        return summarize(step(), f, loss / f.length, path == null ? null : path.now());
    }

    /** The statistics of member outputs {@code f} (one row per member) against GP moments (null: none). */
    static Stats summarize(long step, double[][] f, double trainLossMean, NtkGaussianProcess.Moments gp) {
        int count = f.length;
        int m = f[0].length;
        double[] mean = new double[m];
        double[] std = new double[m];
        for (int a = 0; a < m; a++) {
            double s = 0;
            for (double[] member : f) {
                s += member[a];
            }
            mean[a] = s / count;
            double v = 0;
            for (double[] member : f) {
                v += (member[a] - mean[a]) * (member[a] - mean[a]);
            }
            std[a] = count > 1 ? Math.sqrt(v / (count - 1)) : Double.NaN;
        }
        double[] gpMean = new double[m];
        double[] gpStd = new double[m];
        double gap = Double.NaN;
        double ratio = Double.NaN;
        if (gp != null) {
            double num = 0;
            double den = 0;
            double ens = 0;
            double theory = 0;
            for (int a = 0; a < m; a++) {
                gpMean[a] = gp.mean()[a];
                gpStd[a] = Math.sqrt(gp.variance()[a]);
                num += (mean[a] - gpMean[a]) * (mean[a] - gpMean[a]);
                den += gpMean[a] * gpMean[a];
                ens += std[a] * std[a];
                theory += gp.variance()[a];
            }
            gap = den > 0 ? Math.sqrt(num / den) : Math.sqrt(num / m);
            ratio = theory > 0 ? Math.sqrt(ens / theory) : Double.NaN;
        } else {
            Arrays.fill(gpMean, Double.NaN);
            Arrays.fill(gpStd, Double.NaN);
        }
        return new Stats(step, mean, std, gpMean, gpStd, gap, ratio, trainLossMean);
    }
}
