package io.ntkstudio.kernel;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.Activation;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The infinite-width NNGP 𝒦 and NTK Θ of a {@link io.ntkstudio.network.ResidualNetwork}: a dense
 * stem, {@code depth} residual blocks z_k = z_{k−1} + (1/√L)(σ_w/√n W_k φ(z_{k−1}) + σ_b b_k), the
 * branch scaled by 1/√L, the depth scaling under which deep residual networks with i.i.d.
 * initialisation neither explode nor collapse to the identity (Marion, Fermanian, Biau &amp; Vert
 * 2025, "Scaling ResNets in the large-depth regime", JMLR 26), and a
 * dense output on φ(z_L). A block's weights are independent of the stream it adds to, so the
 * cross terms vanish at infinite width:
 *
 * <pre>
 *   𝒦_0 = σ_w² x·x'/d + σ_b²,                       Θ_0 = 𝒦_0
 *   𝒦_k = 𝒦_{k−1} + (σ_w² E[φφ] + σ_b²)/L
 *   Θ_k = Θ_{k−1} + (σ_w² E[φφ] + σ_b² + σ_w² E[φ'φ'] Θ_{k−1})/L
 *   output: 𝒦 = σ_w² E[φφ] + σ_b²,                   Θ = 𝒦 + σ_w² E[φ'φ'] Θ_L
 * </pre>
 *
 * with the expectations over the Gaussian of 𝒦_{k−1} (𝒦_L at the output).
 */
public record ResidualKernel(Activation activation, int depth, double sigmaW, double sigmaB) implements LimitKernel {
    public ResidualKernel {
        if (depth < 1) {
            throw new InvalidInputException("depth must be at least 1, got " + depth);
        }
    }

    public AnalyticKernel.Result compute(double[] x1, int n1, double[] x2, int n2, int dim) {
        return compute(x1, n1, x2, n2, dim, () -> false);
    }

    /** As above, throwing {@link CancellationException} between layers once {@code cancelled}. */
    @Override
    public AnalyticKernel.Result compute(double[] x1, int n1, double[] x2, int n2, int dim, BooleanSupplier cancelled) {
        GaussianMoments closed = ClosedFormMoments.forActivation(activation);
        GaussianMoments m = closed != null ? closed : new QuadratureMoments(activation);
        double sw2 = sigmaW * sigmaW;
        double sb2 = sigmaB * sigmaB;
        // a kernel of X with itself is computed on one triangle and mirrored: quadrature is not symmetric in its arguments to the last bit
        boolean symmetric = x1 == x2 && n1 == n2;
        double[] q1 = new double[n1];
        double[] q2 = new double[n2];
        for (int i = 0; i < n1; i++) {
            q1[i] = sw2 * AnalyticKernel.dot(x1, i, x1, i, dim) / dim + sb2;
        }
        for (int j = 0; j < n2; j++) {
            q2[j] = sw2 * AnalyticKernel.dot(x2, j, x2, j, dim) / dim + sb2;
        }
        double[] k = new double[n1 * n2];
        double[] t = new double[n1 * n2];
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                k[i * n2 + j] = sw2 * AnalyticKernel.dot(x1, i, x2, j, dim) / dim + sb2;
                t[i * n2 + j] = k[i * n2 + j];
            }
        }
        double[] out = new double[2];
        double[] self = new double[2];
        for (int layer = 0; layer <= depth; layer++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the infinite-width residual kernel is no longer wanted");
            }
            boolean output = layer == depth;
            if (closed == null) {
                QuadratureMoments.requireInRange(Math.max(AnalyticKernel.max(q1), AnalyticKernel.max(q2)));
            }
            for (int i = 0; i < n1; i++) {
                for (int j = symmetric ? i : 0; j < n2; j++) {
                    int c = i * n2 + j;
                    m.compute(q1[i], k[c], q2[j], out);
                    double branch = sw2 * out[0] + sb2;
                    double tangent = sw2 * out[1] * t[c];
                    if (output) {
                        k[c] = branch;
                        t[c] = branch + tangent;
                    } else {
                        k[c] += branch / depth;
                        t[c] += (branch + tangent) / depth;
                    }
                    if (symmetric) {
                        k[j * n2 + i] = k[c];
                        t[j * n2 + i] = t[c];
                    }
                }
            }
            if (!output) {
                grow(m, q1, sw2, sb2, self);
                grow(m, q2, sw2, sb2, self);
            }
        }
        for (int c = 0; c < k.length; c++) {
            if (!Double.isFinite(k[c]) || !Double.isFinite(t[c])) {
                throw new InvalidInputException("the infinite-width residual kernel overflows double precision; lower sigmaW, sigmaB or the "
                        + "size of the inputs");
            }
        }
        return new AnalyticKernel.Result(k, t, n1, n2);
    }

    /** Each input's own variance through one block: q += (σ_w² E[φ(u)²] + σ_b²)/L. */
    private void grow(GaussianMoments m, double[] q, double sw2, double sb2, double[] out) {
        for (int i = 0; i < q.length; i++) {
            m.compute(q[i], q[i], q[i], out);
            q[i] += (sw2 * out[0] + sb2) / depth;
        }
    }
}
