package io.ntkstudio.kernel;

/**
 * Predictions of gradient flow in the kernel regime, a constant kernel Θ with train kernel
 * K = Θ(X, X) (Jacot et al. 2018; Lee et al. 2019; ntk-math.md, "Training dynamics"):
 *
 * <pre>
 *   f_τ(X) = y + exp(−τ K / n)(f_0(X) − y)
 *   f_τ(x) = f_0(x) + Θ(x, X) K⁻¹ (I − exp(−τ K / n)) (y − f_0(X))
 * </pre>
 *
 * where τ = Σ_steps η is the training time (η t at a constant learning rate), computed through
 * K = V diag(λ) Vᵀ: the residual's component on v_i decays as exp(−λ_i τ / n), and
 * K⁻¹(I − e^{−τK/n}) has eigenvalues −expm1(−λτ/n)/λ, finite as λ → 0. Immutable.
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

    /** f_τ(X) on the train inputs. */
    public double[] train(double time) {
        double[] f = targets.clone();
        for (int i = 0; i < n; i++) {
            double c = residualCoordinates[i] * Math.exp(-spectrum.value(i) * time / n);
            for (int j = 0; j < n; j++) {
                f[j] += c * spectrum.vector(i, j);
            }
        }
        return f;
    }

    /** f_τ(x) on the test inputs. */
    public double[] test(double time) {
        double[] coef = new double[n];
        for (int i = 0; i < n; i++) {
            double lambda = spectrum.value(i);
            double g = lambda == 0 ? time / n : -Math.expm1(-lambda * time / n) / lambda;
            coef[i] = -g * residualCoordinates[i];
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

    /** The predicted train loss at time τ, 1/(2n) Σᵢ (vᵢᵀ r_0)² e^{−2λᵢτ/n}, without allocating. */
    public double trainLoss(double time) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += modeEnergy(i, time);
        }
        return sum / (2 * n);
    }

    /** The residual's energy along eigenvector i at time τ, (vᵢᵀ r_0)² e^{−2λᵢτ/n}. */
    public double modeEnergy(int i, double time) {
        double c = residualCoordinates[i] * Math.exp(-spectrum.value(i) * time / n);
        return c * c;
    }

    /** The residual's energy along each eigenvector at time τ: (vᵢᵀ r_0)² e^{−2λᵢτ/n}. */
    public double[] modeEnergies(double time) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = modeEnergy(i, time);
        }
        return e;
    }
}
