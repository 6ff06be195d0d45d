package io.ntkstudio.kernel;

/**
 * The kernel-regime prediction: the network linearised around θ_0 (constant kernel Θ, train
 * kernel K = Θ(X, X)) trained by the same discrete full-batch GD as the network (Lee et al. 2019,
 * Section 2.2; docs/ntk-math.md, "Training dynamics"). After t steps at rate η on n points,
 *
 * <pre>
 *   f_t(X) = y + (I − η K / n)^t (f_0(X) − y)
 *   f_t(x) = f_0(x) + Θ(x, X) K⁻¹ (I − (I − η K / n)^t) (y − f_0(X))
 * </pre>
 *
 * computed through K = V diag(λ) Vᵀ: the residual's component on v_i is multiplied by
 * (1 − η λ_i / n) per step ({@link GdDecay#decay}), and K⁻¹(I − E_t) has eigenvalues
 * {@link GdDecay#gain}. Above η = 2n/λ_max the top mode grows: the linearised model diverges. As
 * η → 0 with ηt fixed this is gradient flow, exp(−ηtK/n). Immutable.
 */
public final class KernelRegime {
    private final Spectrum spectrum;
    private final int n;
    private final int m;
    private final double[] targets;
    private final double[] trainAtZero;
    private final double[] testAtZero;
    private final double[] residualCoordinates;
    private final double[] crossTimesVectors;

    /**
     * @param trainKernel K, n × n
     * @param crossKernel Θ(test, train), m × n
     */
    public KernelRegime(double[] trainKernel, double[] crossKernel, double[] targets, double[] trainAtZero,
                        double[] testAtZero) {
        this(Spectrum.of(trainKernel, targets.length, true), crossKernel, targets, trainAtZero, testAtZero);
    }

    public KernelRegime(Spectrum spectrum, double[] crossKernel, double[] targets, double[] trainAtZero,
                        double[] testAtZero) {
        this.spectrum = spectrum;
        this.n = targets.length;
        this.m = testAtZero.length;
        this.targets = targets.clone();
        this.trainAtZero = trainAtZero.clone();
        this.testAtZero = testAtZero.clone();
        double[] r0 = new double[n];
        for (int i = 0; i < n; i++) {
            r0[i] = trainAtZero[i] - targets[i];
        }
        this.residualCoordinates = spectrum.project(r0);
        this.crossTimesVectors = new double[m * n];
        for (int a = 0; a < m; a++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += crossKernel[a * n + j] * spectrum.vector(i, j);
                }
                crossTimesVectors[a * n + i] = s;
            }
        }
    }

    public Spectrum spectrum() {
        return spectrum;
    }

    /** The state before the first step, to be advanced with {@link GdDecay#step}. */
    public GdDecay start() {
        return new GdDecay(spectrum.values(), n);
    }

    /** The state before the first step of GD with momentum β. */
    public GdDecay start(double beta) {
        return new GdDecay(spectrum.values(), n, beta);
    }

    /** The state after {@code steps} steps at the constant rate {@code eta}. */
    public GdDecay afterSteps(double eta, long steps) {
        return GdDecay.afterSteps(spectrum.values(), n, eta, steps);
    }

    /** f_t(X) on the train inputs. */
    public double[] train(GdDecay d) {
        double[] f = targets.clone();
        for (int i = 0; i < n; i++) {
            double c = residualCoordinates[i] * d.decay(i);
            for (int j = 0; j < n; j++) {
                f[j] += c * spectrum.vector(i, j);
            }
        }
        return f;
    }

    /** f_t(x) on the test inputs. */
    public double[] test(GdDecay d) {
        double[] coef = new double[n];
        for (int i = 0; i < n; i++) {
            coef[i] = -d.gain(i) * residualCoordinates[i];
        }
        double[] f = testAtZero.clone();
        for (int a = 0; a < m; a++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += crossTimesVectors[a * n + i] * coef[i];
            }
            f[a] += s;
        }
        return f;
    }

    /** The predicted train loss, 1/(2n) Σᵢ (vᵢᵀ r_0)² (1 − ηλᵢ/n)^{2t}, without allocating. */
    public double trainLoss(GdDecay d) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += modeEnergy(i, d);
        }
        return sum / (2 * n);
    }

    /** The residual's energy along eigenvector i, (vᵢᵀ r_0)² (1 − ηλᵢ/n)^{2t}. */
    public double modeEnergy(int i, GdDecay d) {
        double c = residualCoordinates[i] * d.decay(i);
        return c * c;
    }

    /** The residual's energy along each eigenvector: (vᵢᵀ r_0)² (1 − ηλᵢ/n)^{2t}. */
    public double[] modeEnergies(GdDecay d) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = modeEnergy(i, d);
        }
        return e;
    }
}
