package io.ntkstudio.kernel;

/**
 * Ridgeless kernel regression, the t → ∞ limit of gradient descent in the kernel regime from a zero
 * initial function (docs/ntk-math.md, "Training dynamics"): f(x) = K(x, X) K⁺ Y, K⁺ the
 * pseudo-inverse through K's eigendecomposition with directions below
 * {@link NtkGaussianProcess#PSEUDO_INVERSE_CUTOFF} × λ_max dropped, as the NNGP posterior does.
 */
public final class KernelRegression {
    private KernelRegression() {
    }

    /**
     * Predictions at m points, m × C row-major, from the n × n train kernel {@code k}, the m × n
     * cross kernel {@code cross} and targets {@code y} (n × C).
     */
    public static double[] predict(double[] k, double[] cross, double[] y, int n, int outputs) {
        Spectrum s = Spectrum.of(k, n, true);
        double cutoff = NtkGaussianProcess.PSEUDO_INVERSE_CUTOFF * Math.max(s.largest(), 0);
        // α = K⁺ Y, n × C
        double[] alpha = new double[n * outputs];
        double[] column = new double[n];
        for (int c = 0; c < outputs; c++) {
            for (int j = 0; j < n; j++) {
                column[j] = y[j * outputs + c];
            }
            double[] coordinates = s.project(column);
            for (int i = 0; i < n; i++) {
                double lambda = s.value(i);
                if (!(lambda > cutoff)) {
                    continue;
                }
                double w = coordinates[i] / lambda;
                for (int j = 0; j < n; j++) {
                    alpha[j * outputs + c] += w * s.vector(i, j);
                }
            }
        }
        int m = cross.length / n;
        double[] f = new double[m * outputs];
        for (int a = 0; a < m; a++) {
            for (int j = 0; j < n; j++) {
                double kj = cross[a * n + j];
                for (int c = 0; c < outputs; c++) {
                    f[a * outputs + c] += kj * alpha[j * outputs + c];
                }
            }
        }
        return f;
    }
}
