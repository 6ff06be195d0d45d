package io.ntkstudio.kernel;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.linalg.WeightStorage;
import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.TrainingRule;

/**
 * {@link LinearisedModel} for a network with C outputs: the linearised network trained by any
 * rule, iterated in function space over the n·C output coordinates (point i, output c at
 * i·C + c; docs/ntk-math.md, "Classes"). With the velocity v = J_0ᵀ a, one step on batch S is
 *
 * <pre>
 *   a ← β a + g          (g_i = ∂ℓ(f_i, y_i)/∂f_i / |S| on S, zero off it)
 *   f(X) ← f(X) − η Θ(X, X) a     f(x) ← f(x) − η Θ(x, X) a
 * </pre>
 *
 * with the full (nC) × (nC) empirical Θ_0, cross-output blocks included, or, for the limit, the
 * n × n Θ_∞ as Θ_∞ ⊗ I_C (Jacot et al. 2018, Sec. 4: the outputs decouple at infinite width).
 */
public final class OutputsLinearisedModel implements RegimePath {
    private final Spectrum spectrum;
    private final double[] kernel;
    /** The kernels as the backend multiplies with them: resident once, not copied per step. */
    private final WeightStorage kernelStore;
    private final WeightStorage crossStore;
    private final boolean kronecker;
    private final double[] targets;
    private final int n;
    private final int m;
    private final int c;
    private final Loss loss;
    private final double beta;
    private final BatchSchedule batches;
    private final MatrixBackend backend = MatrixBackend.current();
    private final double[] f;
    private final double[] testAtZero;
    private final double[] a;
    /** Σ_t η_t a_t: the test outputs are f_0(x) − Θ(x, X) of it, formed when asked for. */
    private final double[] moved;
    private final double[] scratch;
    /** v transposed for the Θ_∞ ⊗ I product (null with the full kernel). */
    private final double[] transposed;
    private final double[] residual;
    /** The test outputs as of {@link #testAt} steps, kept: several snapshots of one step ask for them. */
    private double[] testNow;
    private long steps;
    private long testAt = -1;

    /**
     * @param kernel Θ(X, X): (nC) × (nC), or n × n when {@code kronecker}; @param crossT Θ(X, x), the
     * transposed test kernel: (nC) × (mC), or n × m when {@code kronecker} (both kept, not copied);
     * @param spectrum the n × n output-averaged kernel's eigenvectors, for the mode energies;
     * @param targets one-hot, n × C
     */
    public OutputsLinearisedModel(Spectrum spectrum, double[] kernel, double[] crossT, boolean kronecker, int outputs,
                                  double[] targets, double[] trainAtZero, double[] testAtZero, TrainingRule rule,
                                  BatchSchedule batches) {
        this.spectrum = spectrum;
        this.kernel = kernel;
        this.kernelStore = new WeightStorage(kernel);
        this.crossStore = new WeightStorage(crossT);
        this.kronecker = kronecker;
        this.c = outputs;
        this.targets = targets;
        this.n = targets.length / outputs;
        this.m = testAtZero.length / outputs;
        this.loss = rule.loss();
        this.beta = rule.momentum();
        this.batches = batches;
        this.f = trainAtZero.clone();
        this.testAtZero = testAtZero.clone();
        this.a = new double[n * outputs];
        this.moved = new double[n * outputs];
        this.scratch = new double[Math.max(n, m) * outputs];
        this.transposed = kronecker ? new double[n * outputs] : null;
        this.residual = new double[n * outputs];
    }

    @Override
    public void step(double rate, long t) {
        steps++;
        int[] s = batches.indices(t);
        int count = batches.count(t);
        boolean sparse = beta == 0 && count < n;
        if (beta == 0) {
            java.util.Arrays.fill(a, 0.0);
        } else {
            for (int j = 0; j < a.length; j++) {
                a[j] *= beta;
            }
        }
        for (int k = 0; k < count; k++) {
            int at = s[k] * c;
            loss.rowSlopes(f, at, targets, at, c, 1.0 / count, scratch, 0);
            for (int o = 0; o < c; o++) {
                a[at + o] += scratch[o];
            }
        }
        for (int j = 0; j < a.length; j++) {
            moved[j] += rate * a[j];
        }
        if (sparse) {
            // only the batch's coordinates move the others: rows of the symmetric kernel
            for (int k = 0; k < count; k++) {
                for (int o = 0; o < c; o++) {
                    int col = s[k] * c + o;
                    subtractRow(rate * a[col], col);
                }
            }
            return;
        }
        apply(rate, a, kernelStore, f, n);
    }

    /** out −= rate · Θ(·, X) v over {@code points} points, Θ given as the (X, ·) block {@code matrix}. */
    private void apply(double rate, double[] v, WeightStorage matrix, double[] out, int points) {
        if (kronecker) {
            // (Θ ⊗ I) v: v as n × C, Θ(X, ·)ᵀ v as points × C
            backend.mult(1.0, transpose(v), matrix, scratch, c, n, points);
            for (int i = 0; i < points; i++) {
                for (int o = 0; o < c; o++) {
                    out[i * c + o] -= rate * scratch[o * points + i];
                }
            }
            return;
        }
        backend.mult(1.0, v, matrix, scratch, 1, n * c, points * c);
        for (int r = 0; r < points * c; r++) {
            out[r] -= rate * scratch[r];
        }
    }

    /** v (n × C) as C × n, in the reused buffer. */
    private double[] transpose(double[] v) {
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < c; o++) {
                transposed[o * n + i] = v[i * c + o];
            }
        }
        return transposed;
    }

    /** f −= coef · (row {@code col} of the symmetric train kernel). */
    private void subtractRow(double coef, int col) {
        if (kronecker) {
            int j = col / c;
            int o = col % c;
            for (int i = 0; i < n; i++) {
                f[i * c + o] -= coef * kernel[j * n + i];
            }
            return;
        }
        int cols = n * c;
        for (int r = 0; r < cols; r++) {
            f[r] -= coef * kernel[col * cols + r];
        }
    }

    @Override
    public double[] train() {
        return f.clone();
    }

    @Override
    public double[] test() {
        if (testAt != steps) {
            double[] out = testAtZero.clone();
            apply(1.0, moved, crossStore, out, m);
            testNow = out;
            testAt = steps;
        }
        return testNow.clone();
    }

    @Override
    public double trainLoss() {
        return loss.mean(f, targets, c);
    }

    @Override
    public double modeEnergy(int i) {
        return spectrum.energy(i, residual(), c);
    }

    @Override
    public double[] modeEnergies() {
        return spectrum.energies(residual(), c);
    }

    /** f − y now, in the reused buffer (the energies only read it). */
    private double[] residual() {
        for (int j = 0; j < residual.length; j++) {
            residual[j] = f[j] - targets[j];
        }
        return residual;
    }
}
