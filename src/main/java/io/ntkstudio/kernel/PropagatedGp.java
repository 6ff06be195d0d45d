package io.ntkstudio.kernel;

import io.ntkstudio.network.BatchSchedule;

/**
 * The NTK-GP under any square-loss rule (momentum, minibatches), propagated step by step. The
 * linearised network is affine in its initial function: f_t(X) = P_t f_0(X) + p_t and
 * f_t(x) = f_0(x) + Q_t f_0(X) + q_t. Each column of [P | p], [Q | q] and of the velocity [A | a]
 * follows the recurrence of {@link LinearisedModel} (columns c &lt; n: f_0(X) = e_c, targets 0;
 * columns n … n + C − 1: f_0 = 0, targets the C columns of Y), so with f_0 ~ GP(0, 𝒦) in each output
 *
 * <pre>
 *   μ_t(x) = q_t(x)      Σ_t(x, x) = 𝒦(x, x) + Q_t 𝒦(X, X) Q_tᵀ + 2 Q_t 𝒦(X, x)
 * </pre>
 *
 * Under full-batch GD Q_t = −Θ(x, X)Θ⁻¹(I − E_t), and this is {@link NtkGaussianProcess#at}.
 * Costs O((n + m) n |S|) per step, O((n + m) n²) with momentum: for at most {@link #MAX_POINTS}
 * train points.
 */
public final class PropagatedGp implements GpPath {
    public static final int MAX_POINTS = 256;

    private final NtkGaussianProcess gp;
    private final int n;
    private final int m;
    private final int c;
    private final int outputs;
    private final double beta;
    private final BatchSchedule batches;
    private final double[] p;
    private final double[] q;
    private final double[] a;
    private final double[] g;

    PropagatedGp(NtkGaussianProcess gp, double beta, BatchSchedule batches) {
        this.gp = gp;
        this.n = gp.trainCount();
        this.m = gp.testCount();
        this.outputs = gp.outputs();
        this.c = n + outputs;
        this.beta = beta;
        this.batches = batches;
        this.p = new double[n * c];
        for (int i = 0; i < n; i++) {
            p[i * c + i] = 1;
        }
        this.q = new double[m * c];
        this.a = new double[n * c];
        this.g = new double[n * c];
    }

    @Override
    public void step(double eta, long t) {
        int[] s = batches.indices(t);
        int count = batches.count(t);
        double[] y = gp.targets();
        double[] velocity;
        if (beta == 0) {
            velocity = g;
        } else {
            for (int i = 0; i < a.length; i++) {
                a[i] *= beta;
            }
            velocity = a;
        }
        for (int k = 0; k < count; k++) {
            int j = s[k];
            for (int col = 0; col < c; col++) {
                double slope = (p[j * c + col] - (col >= n ? y[j * outputs + col - n] : 0)) / count;
                if (beta == 0) {
                    g[j * c + col] = slope;
                } else {
                    a[j * c + col] += slope;
                }
            }
        }
        double[] kernel = gp.ntkTrain();
        double[] cross = gp.ntkCross();
        if (beta == 0) {
            subtractSparse(eta, kernel, p, n, s, count, velocity);
            subtractSparse(eta, cross, q, m, s, count, velocity);
        } else {
            subtractDense(eta, kernel, p, n, velocity);
            subtractDense(eta, cross, q, m, velocity);
        }
    }

    /** out −= η M[:, S] V[S, :] for the rows × n matrix M. */
    private void subtractSparse(double eta, double[] matrix, double[] out, int rows, int[] s, int count, double[] v) {
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < count; k++) {
                int j = s[k];
                double w = eta * matrix[i * n + j];
                for (int col = 0; col < c; col++) {
                    out[i * c + col] -= w * v[j * c + col];
                }
            }
        }
    }

    /** out −= η M V for the rows × n matrix M. */
    private void subtractDense(double eta, double[] matrix, double[] out, int rows, double[] v) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < n; j++) {
                double w = eta * matrix[i * n + j];
                if (w == 0) {
                    continue;
                }
                for (int col = 0; col < c; col++) {
                    out[i * c + col] -= w * v[j * c + col];
                }
            }
        }
    }

    @Override
    public NtkGaussianProcess.Moments now() {
        double[] mean = new double[m * outputs];
        double[] linear = new double[m * n];
        for (int x = 0; x < m; x++) {
            System.arraycopy(q, x * c + n, mean, x * outputs, outputs);
            System.arraycopy(q, x * c, linear, x * n, n);
        }
        return gp.moments(mean, linear, 1);
    }
}
