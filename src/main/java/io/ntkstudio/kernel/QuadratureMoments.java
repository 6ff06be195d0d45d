package io.ntkstudio.kernel;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.Activation;
import java.util.Arrays;
import java.util.Locale;

/**
 * Gaussian moments of any smooth activation by composite Gauss–Legendre quadrature in standard
 * normal coordinates (the role of neural-tangents' {@code stax.ElementwiseNumerical}): with
 * u = √q1 z₁ and v = a z₁ + b z₂, a = c/√q1, b = √(q2 − a²),
 *
 * <pre>
 *   E[φ(u)φ(v)] = ∫∫ φ(√q1 z₁) φ(a z₁ + b z₂) N(z₁) N(z₂) dz₂ dz₁     (and the same for φ')
 * </pre>
 *
 * over |z| ≤ {@value #LIMIT} (the Gaussian mass outside is below 1e-18). Why not Gauss–Hermite:
 * at a large variance tanh(√q z) is a step and sech²(√q z) a peak of width 1/√q that a fixed set
 * of Hermite nodes misses (at σ_w = 50 the old rule gave Θ_∞ 600× too small). Here each axis is
 * cut into pieces of width 1 (wider in the tails) for the Gaussian, each with 6-point
 * Gauss–Legendre, and, where φ's scale factor exceeds 1.25, around the point where φ's argument is 0
 * into pieces growing geometrically from φ's own scale (1/√q1, 1/|a|, 1/b), so both scales are
 * resolved at a cost that grows only like log q. Accurate to 1e-6 relative (tested against erf's
 * closed form from q = 1e-2 to 1e8, and against a fine 1-D reference for tanh and sigmoid) up to
 * {@link #MAX_VARIANCE}; beyond it the kernel is refused, never returned inaccurate.
 */
final class QuadratureMoments implements GaussianMoments {
    /** Half-width of the integration box in standard deviations. */
    static final double LIMIT = 9.0;
    /** The largest pre-activation variance integrated; beyond it φ's scale is below double precision's reach. */
    static final double MAX_VARIANCE = 1e16;
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double[][] LEGENDRE = GaussLegendre.rule(6);
    /** Cuts of the plain rule for the Gaussian alone: width 1 in the core, wider in the tails. */
    private static final double[] PLAIN_CUTS = {-9, -6, -4.5, -3, -2, -1, 0, 1, 2, 3, 4.5, 6, 9};
    /** Up to this factor φ(s z) is smooth enough for the plain rule (at 1.9 it was 7e-6 off). */
    private static final double SHARP = 1.25;
    private static final double[] PLAIN = rule(PLAIN_CUTS, PLAIN_CUTS.length);
    private final Activation activation;

    QuadratureMoments(Activation activation) {
        this.activation = activation;
    }

    /** Refuses variances outside the certified range, naming what to lower. */
    static void requireInRange(double variance) {
        if (!(variance <= MAX_VARIANCE)) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "the infinite-width kernel needs a pre-activation variance of %.3g, beyond the %.0e up to which it is "
                            + "computed accurately; lower sigmaW, sigmaB, the depth or the size of the inputs", variance, MAX_VARIANCE));
        }
    }

    @Override
    public void compute(double q1, double c, double q2, double[] out) {
        requireInRange(Math.max(q1, q2));
        double s1 = Math.sqrt(Math.max(q1, 0));
        double a = s1 > 0 ? c / s1 : 0.0;
        double b = Math.sqrt(Math.max(q2 - a * a, 0));
        double[] outer = s1 <= SHARP && Math.abs(a) <= SHARP ? PLAIN : nodes(0.0, smallestScale(s1, a));
        int k1 = outer.length / 2;
        double[] u = new double[k1];
        double[] fu = new double[k1];
        double[] du = new double[k1];
        for (int i = 0; i < k1; i++) {
            u[i] = s1 * outer[2 * i];
        }
        activation.apply(u, fu, du, k1);
        double ff = 0;
        double dd = 0;
        double[] single = new double[1];
        double[] fs = new double[1];
        double[] ds = new double[1];
        for (int i = 0; i < k1; i++) {
            double z1 = outer[2 * i];
            double w1 = outer[2 * i + 1];
            double innerF;
            double innerD;
            if (b == 0) {
                single[0] = a * z1;
                activation.apply(single, fs, ds, 1);
                innerF = fs[0];
                innerD = ds[0];
            } else {
                double[] inner = b <= SHARP ? PLAIN : nodes(-a * z1 / b, smallestScale(b, 0));
                int k2 = inner.length / 2;
                double[] v = new double[k2];
                double[] fv = new double[k2];
                double[] dv = new double[k2];
                for (int j = 0; j < k2; j++) {
                    v[j] = a * z1 + b * inner[2 * j];
                }
                activation.apply(v, fv, dv, k2);
                innerF = 0;
                innerD = 0;
                for (int j = 0; j < k2; j++) {
                    innerF += inner[2 * j + 1] * fv[j];
                    innerD += inner[2 * j + 1] * dv[j];
                }
            }
            ff += w1 * fu[i] * innerF;
            dd += w1 * du[i] * innerD;
        }
        out[0] = ff;
        out[1] = dd;
    }

    /** The finest scale on an axis where φ's argument is s·z + t·(other axis): min(1, 1/s, 1/|t|). */
    private static double smallestScale(double s, double t) {
        return Math.min(1.0, 1 / Math.max(s, Math.abs(t)));
    }

    /**
     * Nodes and weights (interleaved, weights times the normal density) of a composite rule on
     * [−LIMIT, LIMIT]: the plain pieces, plus pieces around {@code center} of widths h, 2h, 4h, …
     */
    static double[] nodes(double center, double h) {
        double[] cuts = Arrays.copyOf(PLAIN_CUTS, PLAIN_CUTS.length + 1 + 2 * 64);
        int n = PLAIN_CUTS.length;
        if (Math.abs(center) < LIMIT) {
            cuts[n++] = center;
            for (double d = h; d < 1; d *= 2) {
                cuts[n++] = Math.max(-LIMIT, center - d);
                cuts[n++] = Math.min(LIMIT, center + d);
            }
        }
        Arrays.sort(cuts, 0, n);
        return rule(cuts, n);
    }

    /** Gauss–Legendre on each piece between consecutive {@code cuts}, weighted by the normal density. */
    private static double[] rule(double[] cuts, int n) {
        double[] x = LEGENDRE[0];
        double[] w = LEGENDRE[1];
        double[] out = new double[2 * x.length * n];
        int m = 0;
        for (int p = 0; p + 1 < n; p++) {
            double lo = cuts[p];
            double hi = cuts[p + 1];
            if (hi - lo < 1e-15) {
                continue;
            }
            double mid = 0.5 * (lo + hi);
            double half = 0.5 * (hi - lo);
            for (int i = 0; i < x.length; i++) {
                double z = mid + half * x[i];
                out[m++] = z;
                out[m++] = half * w[i] * Math.exp(-0.5 * z * z) / SQRT_2PI;
            }
        }
        return Arrays.copyOf(out, m);
    }
}
