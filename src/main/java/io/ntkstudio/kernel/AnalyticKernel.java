package io.ntkstudio.kernel;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.Activation;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The infinite-width NNGP Σ and NTK Θ_∞ of a fully connected network in NTK parameterization
 * (Jacot et al. 2018; Lee et al. 2019; docs/ntk-math.md, "Infinite-width"):
 *
 * <pre>
 *   Σ_1 = σ_w² x·x'/d0 + σ_b²,   Θ_1 = Σ_1
 *   Σ_{l+1} = σ_w² E[φ(u)φ(v)] + σ_b²
 *   Θ_{l+1} = σ_w² E[φ'(u)φ'(v)] Θ_l + Σ_{l+1},   (u, v) ~ N(0, Σ_l restricted to x, x')
 * </pre>
 *
 * applied {@code depth} times. Expectations in closed form where one exists
 * ({@link ClosedFormMoments}), otherwise by composite quadrature resolving both the Gaussian's
 * and the activation's scales ({@link QuadratureMoments}). A result that is not finite (the
 * recursion overflowed) or beyond the quadrature's certified range is refused, never returned.
 */
public record AnalyticKernel(Activation activation, int depth, double sigmaW, double sigmaB) implements LimitKernel {
    public AnalyticKernel {
        if (depth < 1) {
            throw new InvalidInputException("depth must be at least 1, got " + depth);
        }
    }

    /** Both kernels between rows of X1 and X2. */
    public record Result(double[] nngp, double[] ntk, int rows, int cols) {
    }

    /** Θ_∞(X1, X2), n1 × n2 row-major. */
    public double[] ntk(double[] x1, int n1, double[] x2, int n2, int dim) {
        return compute(x1, n1, x2, n2, dim).ntk();
    }

    /** Σ(X1, X2), n1 × n2 row-major. */
    public double[] nngp(double[] x1, int n1, double[] x2, int n2, int dim) {
        return compute(x1, n1, x2, n2, dim).nngp();
    }

    /** Whether this activation is integrated numerically (slower) rather than in closed form. */
    public boolean usesQuadrature() {
        return ClosedFormMoments.forActivation(activation) == null;
    }

    public Result compute(double[] x1, int n1, double[] x2, int n2, int dim) {
        return compute(x1, n1, x2, n2, dim, () -> false);
    }

    /**
     * As {@link #compute(double[], int, double[], int, int)}, checking {@code cancelled} row by row
     * and throwing {@link java.util.concurrent.CancellationException} once it is true.
     */
    @Override
    public Result compute(double[] x1, int n1, double[] x2, int n2, int dim, BooleanSupplier cancelled) {
        boolean symmetric = x1 == x2 && n1 == n2;
        GaussianMoments closedForm = ClosedFormMoments.forActivation(activation);
        double sw2 = sigmaW * sigmaW;
        double sb2 = sigmaB * sigmaB;
        double[] q1 = new double[n1];
        double[] q2 = new double[n2];
        for (int i = 0; i < n1; i++) {
            q1[i] = sw2 * dot(x1, i, x1, i, dim) / dim + sb2;
        }
        for (int j = 0; j < n2; j++) {
            q2[j] = sw2 * dot(x2, j, x2, j, dim) / dim + sb2;
        }
        double[] sigma = new double[n1 * n2];
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                sigma[i * n2 + j] = sw2 * dot(x1, i, x2, j, dim) / dim + sb2;
            }
        }
        double[] theta = sigma.clone();
        for (int layer = 1; layer <= depth; layer++) {
            final GaussianMoments m = closedForm != null ? closedForm : new QuadratureMoments(activation);
            if (closedForm == null) {
                QuadratureMoments.requireInRange(Math.max(max(q1), max(q2)));
            }
            IntStream.range(0, n1).parallel().forEach(i -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("the analytic kernel is no longer wanted");
                }
                double[] out = new double[2];
                for (int j = symmetric ? i : 0; j < n2; j++) {
                    int k = i * n2 + j;
                    m.compute(q1[i], sigma[k], q2[j], out);
                    double s = sw2 * out[0] + sb2;
                    double t = sw2 * out[1] * theta[k] + s;
                    sigma[k] = s;
                    theta[k] = t;
                    if (symmetric) {
                        sigma[j * n2 + i] = s;
                        theta[j * n2 + i] = t;
                    }
                }
            });
            nextDiagonal(m, q1, sw2, sb2);
            if (!symmetric) {
                nextDiagonal(m, q2, sw2, sb2);
            } else {
                System.arraycopy(q1, 0, q2, 0, n1);
            }
        }
        requireFinite(sigma, "NNGP");
        requireFinite(theta, "NTK");
        return new Result(sigma, theta, n1, n2);
    }

    private static void requireFinite(double[] k, String which) {
        for (double v : k) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("the infinite-width " + which + " overflows double precision (" + v
                        + "); lower sigmaW, sigmaB, the depth or the size of the inputs");
            }
        }
    }

    private static void nextDiagonal(GaussianMoments m, double[] q, double sw2, double sb2) {
        double[] out = new double[2];
        for (int i = 0; i < q.length; i++) {
            m.compute(q[i], q[i], q[i], out);
            q[i] = sw2 * out[0] + sb2;
        }
    }

    static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    static double dot(double[] a, int i, double[] b, int j, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
            s += a[i * dim + k] * b[j * dim + k];
        }
        return s;
    }
}
