package io.ntkstudio.kernel;

import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.TrainingRule;

/**
 * The linearised network f_0 + J_0(θ − θ_0) trained by any rule, iterated in function space.
 * With the parameter velocity written v = J_0(X)ᵀ a (a ∈ ℝⁿ, exact because every gradient lies
 * in that span), one step on batch S with loss slopes g_S = ℓ'(f_S, y_S)/|S| is
 *
 * <pre>
 *   a ← β a + g          (g zero off S)
 *   f(X) ← f(X) − η K a     f(x) ← f(x) − η Θ(x, X) a
 * </pre>
 *
 * exactly what θ ← θ − ηv does to the linearised model (Lee et al. 2019, Sec. 2.2, "any
 * optimiser"). There is no closed form under the logistic loss; this recurrence is exact for that
 * model and costs O((n + m)|S|) per step (O((n + m)n) with momentum).
 */
public final class LinearisedModel implements RegimePath {
    private final Spectrum spectrum;
    private final double[] kernel;
    private final double[] cross;
    private final double[] targets;
    private final int n;
    private final int m;
    private final Loss loss;
    private final double beta;
    private final BatchSchedule batches;
    private final double[] f;
    private final double[] fTest;
    private final double[] a;

    /**
     * @param kernel K = Θ(X, X), n × n; @param cross Θ(x, X), m × n (both kept, not copied);
     * @param spectrum K's eigenvectors, for the mode energies
     */
    public LinearisedModel(Spectrum spectrum, double[] kernel, double[] cross, double[] targets, double[] trainAtZero,
                           double[] testAtZero, TrainingRule rule, BatchSchedule batches) {
        this.spectrum = spectrum;
        this.kernel = kernel;
        this.cross = cross;
        this.targets = targets;
        this.n = targets.length;
        this.m = testAtZero.length;
        this.loss = rule.loss();
        this.beta = rule.momentum();
        this.batches = batches;
        this.f = trainAtZero.clone();
        this.fTest = testAtZero.clone();
        this.a = new double[n];
    }

    @Override
    public void step(double rate, long t) {
        int[] s = batches.indices(t);
        int count = batches.count(t);
        if (beta == 0) {
            for (int k = 0; k < count; k++) {
                int j = s[k];
                a[j] = loss.slope(f[j], targets[j]) / count;
            }
            for (int k = 0; k < count; k++) {
                int j = s[k];
                double c = rate * a[j];
                for (int i = 0; i < n; i++) {
                    f[i] -= c * kernel[i * n + j];
                }
            }
            for (int k = 0; k < count; k++) {
                int j = s[k];
                double c = rate * a[j];
                for (int i = 0; i < m; i++) {
                    fTest[i] -= c * cross[i * n + j];
                }
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            a[j] *= beta;
        }
        for (int k = 0; k < count; k++) {
            int j = s[k];
            a[j] += loss.slope(f[j], targets[j]) / count;
        }
        apply(rate, kernel, f, n);
        apply(rate, cross, fTest, m);
    }

    /** out −= rate · M a for the rows × n matrix M. */
    private void apply(double rate, double[] matrix, double[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                sum += matrix[row + j] * a[j];
            }
            out[i] -= rate * sum;
        }
    }

    @Override
    public double[] train() {
        return f.clone();
    }

    @Override
    public double[] test() {
        return fTest.clone();
    }

    @Override
    public double trainLoss() {
        return loss.mean(f, targets);
    }

    @Override
    public double modeEnergy(int i) {
        double c = 0;
        for (int j = 0; j < n; j++) {
            c += spectrum.vector(i, j) * (f[j] - targets[j]);
        }
        return c * c;
    }

    @Override
    public double[] modeEnergies() {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = modeEnergy(i);
        }
        return e;
    }
}
