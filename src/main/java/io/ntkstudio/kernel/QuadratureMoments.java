package io.ntkstudio.kernel;

import io.ntkstudio.model.Activation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gaussian moments of any activation by 2-D Gauss–Hermite quadrature (neural-tangents
 * {@code stax.ElementwiseNumerical}): with u = √q1 z₁ and v = (c/√q1) z₁ + √(q2 − c²/q1) z₂,
 * E[φ(u)φ(v)] ≈ Σ_i Σ_j w_i w_j φ(u_i) φ(v_ij). Converges fast for smooth φ; kinks (ReLU') need
 * the closed forms.
 */
final class QuadratureMoments implements GaussianMoments {
    private static final Map<Integer, GaussHermite> RULES = new ConcurrentHashMap<>();
    private final Activation activation;
    private final double[] z;
    private final double[] w;

    QuadratureMoments(Activation activation, int order) {
        this.activation = activation;
        GaussHermite rule = RULES.computeIfAbsent(order, GaussHermite::of);
        this.z = rule.nodes();
        this.w = rule.weights();
    }

    /**
     * The order that keeps the relative error under 1e-6 for variances up to {@code maxVariance}
     * (measured for tanh, the slowest: its poles at ±iπ/(2√q) approach the real axis as q grows,
     * so the order must grow like q). Capped at 400, which holds 1e-6 up to q ≈ 9.
     */
    static int orderFor(double maxVariance) {
        return (int) Math.min(400, Math.max(64, Math.ceil(48 * maxVariance)));
    }

    @Override
    public void compute(double q1, double c, double q2, double[] out) {
        int k = z.length;
        double s1 = Math.sqrt(Math.max(q1, 0));
        double a = s1 > 0 ? c / s1 : 0.0;
        double b = Math.sqrt(Math.max(q2 - a * a, 0));
        double[] v = new double[k];
        double[] fv = new double[k];
        double[] dv = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = s1 * z[i];
        }
        double[] fu = new double[k];
        double[] du = new double[k];
        activation.apply(v, fu, du, k);
        double ff = 0;
        double dd = 0;
        for (int i = 0; i < k; i++) {
            double au = a * z[i];
            for (int j = 0; j < k; j++) {
                v[j] = au + b * z[j];
            }
            activation.apply(v, fv, dv, k);
            double innerF = 0;
            double innerD = 0;
            for (int j = 0; j < k; j++) {
                innerF += w[j] * fv[j];
                innerD += w[j] * dv[j];
            }
            ff += w[i] * fu[i] * innerF;
            dd += w[i] * du[i] * innerD;
        }
        out[0] = ff;
        out[1] = dd;
    }
}
