package io.ntkstudio.kernel;

import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.TrainingRule;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The distribution of infinitely wide networks trained by full-batch GD over random
 * initialisations: a Gaussian process (Lee et al. 2019, Sec. 2.3, eq. 16; neural-tangents
 * {@code predict.gradient_descent_mse_ensemble}; docs/ntk-math.md, "Many initialisations"). With
 * Θ the NTK and 𝒦 the NNGP kernel on the train inputs X, E_t = (I − ηΘ/n)^t and
 * T_t(x) = Θ(x, X) Θ⁻¹ (I − E_t):
 *
 * <pre>
 *   μ_t(x)      = T_t(x) y
 *   Σ_t(x, x)   = 𝒦(x, x) + T_t(x) 𝒦(X, X) T_t(x)ᵀ − 2 T_t(x) 𝒦(X, x)
 * </pre>
 *
 * Θ⁻¹(I − E_t) = V diag(g_i) Vᵀ with g_i the exact gains of {@link GdDecay}, so no inverse of a
 * nearly singular Θ is formed and no regularisation is needed. For contrast,
 * {@link #nngpPosterior} gives Bayesian inference with 𝒦 alone, through its eigendecomposition
 * with directions below {@link #PSEUDO_INVERSE_CUTOFF} × λ_max dropped (a pseudo-inverse).
 *
 * <p>With C outputs (one-hot targets Y, n × C) the limit's kernel is Θ ⊗ I_C and 𝒦 ⊗ I_C
 * (Lee et al. 2019, Sec. 2.2: the outputs of an infinitely wide network are independent): each
 * output's mean is the formula above on its column of Y, and every output has the same variance.
 * Means and variances are then m × C, row-major, the variance repeated across a row. Immutable.
 */
public final class NtkGaussianProcess {
    /** Eigenvalues of 𝒦 below this fraction of the largest are treated as 0 in the NNGP posterior. */
    public static final double PSEUDO_INVERSE_CUTOFF = 1e-12;

    /** Means and variances at the test inputs. */
    public record Moments(double[] mean, double[] variance) {
        /** The standard deviations, √variance, in a new array. */
        public double[] std() {
            double[] sd = new double[variance.length];
            for (int i = 0; i < sd.length; i++) {
                sd[i] = Math.sqrt(variance[i]);
            }
            return sd;
        }
    }

    private final double[] ntkTrain;
    private final double[] ntkCross;
    private final Spectrum theta;
    private final int n;
    private final int m;
    private final double[] crossTimesVectors;
    private final double[] nngpTrain;
    private final double[] nngpCross;
    private final double[] nngpTestDiagonal;
    private final double[] targets;
    private final int outputs;

    /**
     * @param ntkTrain Θ(X, X), n × n        @param ntkCross Θ(x, X), m × n
     * @param nngpTrain 𝒦(X, X), n × n      @param nngpCross 𝒦(x, X), m × n
     * @param nngpTestDiagonal 𝒦(x, x) for each test input
     */
    public NtkGaussianProcess(double[] ntkTrain, double[] ntkCross, double[] nngpTrain, double[] nngpCross,
                              double[] nngpTestDiagonal, double[] targets) {
        this(ntkTrain, ntkCross, nngpTrain, nngpCross, nngpTestDiagonal, targets, 1);
    }

    /** As above with {@code outputs} = C targets per train point ({@code targets} n × C, row-major). */
    public NtkGaussianProcess(double[] ntkTrain, double[] ntkCross, double[] nngpTrain, double[] nngpCross,
                              double[] nngpTestDiagonal, double[] targets, int outputs) {
        if (outputs < 1 || targets.length % outputs != 0) {
            throw new IllegalArgumentException(targets.length + " targets are not " + outputs + " per point");
        }
        this.outputs = outputs;
        this.n = targets.length / outputs;
        this.m = nngpTestDiagonal.length;
        this.ntkTrain = ntkTrain;
        this.ntkCross = ntkCross;
        this.theta = Spectrum.of(ntkTrain, n, true);
        this.crossTimesVectors = new double[m * n];
        for (int a = 0; a < m; a++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += ntkCross[a * n + j] * theta.vector(i, j);
                }
                crossTimesVectors[a * n + i] = s;
            }
        }
        this.nngpTrain = nngpTrain.clone();
        this.nngpCross = nngpCross.clone();
        this.nngpTestDiagonal = nngpTestDiagonal.clone();
        this.targets = targets.clone();
    }

    /** The state before training, to be advanced with {@link GdDecay#step}. */
    public GdDecay start() {
        return new GdDecay(theta.values(), n);
    }

    /** After {@code steps} steps at the constant rate {@code eta}. */
    public GdDecay afterSteps(double eta, long steps) {
        return GdDecay.afterSteps(theta.values(), n, eta, steps);
    }

    /**
     * The process along a run of {@code rule}: per mode for full batch (plain GD and momentum,
     * through {@link #at}), else {@link PropagatedGp}. Null where none exists: under a loss whose
     * linearised network is not Gaussian ({@link #absentBecause} says why).
     */
    public GpPath path(TrainingRule rule, BatchSchedule batches) {
        if (absentBecause(rule, n) != null) {
            return null;
        }
        if (batches.fullBatch()) {
            GdDecay d = new GdDecay(theta.values(), n, rule.momentum());
            return new GpPath() {
                @Override
                public void step(double eta, long t) {
                    d.step(eta);
                }

                @Override
                public Moments now() {
                    return at(d);
                }
            };
        }
        return new PropagatedGp(this, rule.momentum(), batches);
    }

    /**
     * The process of the architecture that {@code k} computes: its analytic Θ and 𝒦 between the
     * n train inputs {@code x} (targets {@code y}, C = y.length / n per point) and the m test inputs
     * {@code t}, of dimension d.
     */
    public static NtkGaussianProcess analytic(LimitKernel k, double[] x, double[] y, double[] t, int d, BooleanSupplier cancelled) {
        int n = x.length / d;
        int m = t.length / d;
        AnalyticKernel.Result train = k.compute(x, n, x, n, d, cancelled);
        AnalyticKernel.Result cross = k.compute(t, m, x, n, d, cancelled);
        double[] diagonal = new double[m];
        for (int a = 0; a < m; a++) {
            double[] point = Arrays.copyOfRange(t, a * d, (a + 1) * d);
            diagonal[a] = k.compute(point, 1, point, 1, d, cancelled).nngp()[0];
        }
        return new NtkGaussianProcess(train.ntk(), cross.ntk(), train.nngp(), cross.nngp(), diagonal, y.clone(), y.length / n);
    }

    /** Why no NTK-GP is drawn for {@code rule} on n train points, in one line; null when it exists. */
    public static String absentBecause(TrainingRule rule, int n) {
        if (!rule.loss().keepsGaussian()) {
            return "no NTK-GP band: under the " + rule.loss().label() + " loss the trained networks are not a Gaussian process";
        }
        if (!rule.fullBatch() && rule.batchSize() < n && n > PropagatedGp.MAX_POINTS) {
            return "no NTK-GP band: with minibatches it is propagated step by step, which takes at most "
                    + PropagatedGp.MAX_POINTS + " train points (here " + n + ")";
        }
        return null;
    }

    int trainCount() {
        return n;
    }

    int testCount() {
        return m;
    }

    /** The targets, n × C row-major. */
    double[] targets() {
        return targets;
    }

    /** C, the targets per train point. */
    public int outputs() {
        return outputs;
    }

    double[] ntkTrain() {
        return ntkTrain;
    }

    double[] ntkCross() {
        return ntkCross;
    }

    /**
     * Moments of f(x) = f_0(x) + sign · L f_0(X) + mean (m × C) with f_0 ~ GP(0, 𝒦) in each output:
     * variance 𝒦(x, x) + L𝒦Lᵀ + 2 sign L𝒦(X, x), for the m × n linear part {@code linear}, the
     * same in every output.
     */
    Moments moments(double[] mean, double[] linear, double sign) {
        double[] variance = new double[m * outputs];
        double[] tk = new double[n];
        for (int a = 0; a < m; a++) {
            double cross = 0;
            for (int j = 0; j < n; j++) {
                cross += linear[a * n + j] * nngpCross[a * n + j];
            }
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += linear[a * n + i] * nngpTrain[i * n + j];
                }
                tk[j] = s;
            }
            double quad = 0;
            for (int j = 0; j < n; j++) {
                quad += tk[j] * linear[a * n + j];
            }
            Arrays.fill(variance, a * outputs, (a + 1) * outputs,
                    clampVariance(nngpTestDiagonal[a] + quad + 2 * sign * cross, nngpTestDiagonal[a] + quad));
        }
        return new Moments(mean, variance);
    }

    /** T_t(x), m × n, row-major: Θ(x, X) V diag(gain) Vᵀ. */
    public double[] transfer(GdDecay d) {
        double[] t = new double[m * n];
        for (int a = 0; a < m; a++) {
            for (int i = 0; i < n; i++) {
                double c = crossTimesVectors[a * n + i] * d.gain(i);
                if (c == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    t[a * n + j] += c * theta.vector(i, j);
                }
            }
        }
        return t;
    }

    /** μ_t and the diagonal of Σ_t at the test inputs. */
    public Moments at(GdDecay d) {
        double[] t = transfer(d);
        double[] mean = new double[m * outputs];
        for (int a = 0; a < m; a++) {
            for (int j = 0; j < n; j++) {
                double w = t[a * n + j];
                for (int c = 0; c < outputs; c++) {
                    mean[a * outputs + c] += w * targets[j * outputs + c];
                }
            }
        }
        return moments(mean, t, -1);
    }

    /**
     * The NNGP posterior, exact Bayesian inference with 𝒦 (no noise): mean 𝒦(x,X)𝒦⁺y and variance
     * 𝒦(x,x) − 𝒦(x,X)𝒦⁺𝒦(X,x), 𝒦⁺ the pseudo-inverse with the cutoff of {@link #PSEUDO_INVERSE_CUTOFF}.
     */
    public Moments nngpPosterior() {
        Spectrum k = Spectrum.of(nngpTrain, n, true);
        double cutoff = PSEUDO_INVERSE_CUTOFF * Math.max(k.largest(), 0);
        double[][] coordinates = new double[outputs][];
        double[] column = new double[n];
        for (int c = 0; c < outputs; c++) {
            for (int j = 0; j < n; j++) {
                column[j] = targets[j * outputs + c];
            }
            coordinates[c] = k.project(column);
        }
        double[] mean = new double[m * outputs];
        double[] variance = new double[m * outputs];
        for (int a = 0; a < m; a++) {
            double explained = 0;
            for (int i = 0; i < n; i++) {
                double lambda = k.value(i);
                if (!(lambda > cutoff)) {
                    continue;
                }
                double c = 0;
                for (int j = 0; j < n; j++) {
                    c += nngpCross[a * n + j] * k.vector(i, j);
                }
                for (int out = 0; out < outputs; out++) {
                    mean[a * outputs + out] += c * coordinates[out][i] / lambda;
                }
                explained += c * c / lambda;
            }
            Arrays.fill(variance, a * outputs, (a + 1) * outputs,
                    clampVariance(nngpTestDiagonal[a] - explained, nngpTestDiagonal[a]));
        }
        return new Moments(mean, variance);
    }

    /** A variance that rounding made slightly negative is 0; a clearly negative one is a bug, not a number to show. */
    private static double clampVariance(double v, double scale) {
        if (v >= 0) {
            return v;
        }
        if (v > -1e-9 * Math.max(1, Math.abs(scale))) {
            return 0;
        }
        throw new IllegalStateException("a Gaussian-process variance came out negative (" + v + "): the kernels are not consistent");
    }
}
