package io.ntkstudio.kernel;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Patches;
import io.ntkstudio.network.Readout;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The infinite-channel CNN-GP 𝒦 and CNTK Θ of {@code depth} 3 × 3 convolutions (stride 1, SAME
 * zero padding, NTK parameterization with fan-in 9·C_in) on one-channel s × s images, each followed
 * by the activation, then a readout and a dense output layer: neural-tangents'
 * {@code stax.Conv(C, (3, 3), padding='SAME')} → {@code Flatten} / {@code GlobalAvgPool} →
 * {@code Dense} (Arora et al. 2019, "On exact computation with an infinitely wide neural net",
 * Sec. 4 and App. D; Novak et al. 2019). For images x, x' and positions p, q, with P(p) the 3 × 3
 * patch of offsets δ around p (offsets outside the image are the zero padding and drop out):
 *
 * <pre>
 *   𝒦_1(p, q)     = σ_w²/9 Σ_δ x(p+δ) x'(q+δ) + σ_b²,                Θ_1 = 𝒦_1
 *   𝒦_{l+1}(p, q) = σ_w²/9 Σ_δ E[φ(u)φ(v)](p+δ, q+δ) + σ_b²
 *   Θ_{l+1}(p, q) = 𝒦_{l+1}(p, q) + σ_w²/9 Σ_δ Θ_l(p+δ, q+δ) E[φ'(u)φ'(v)](p+δ, q+δ)
 * </pre>
 *
 * with (u, v) ~ N(0, [[𝒦_l^{xx}(p, p), 𝒦_l(p, q)], [·, 𝒦_l^{x'x'}(q, q)]]). The output layer after
 * flatten adds σ_w² (1/s²) Σ_p of the same terms at (p, p); after global average pooling
 * σ_w² (1/s⁴) Σ_{p,q}. A shift keeps the displacement p − q, so flatten needs only the diagonal
 * p = q at every layer (s² numbers per pair of images) and GAP the whole s² × s² table. Moments in
 * closed form where one exists, else by the quadrature of the dense kernel, with its range guard.
 */
public record ConvKernel(Activation activation, int depth, double sigmaW, double sigmaB, Readout readout) implements LimitKernel {
    public ConvKernel {
        if (depth < 1) {
            throw new InvalidInputException("depth must be at least 1, got " + depth);
        }
    }

    /**
     * 𝒦 and Θ between the images of X1 and X2 (rows of {@code dim} = s² pixels), reporting the share
     * of pairs done to {@code progress} and throwing {@link CancellationException} once
     * {@code cancelled}.
     */
    @Override
    public AnalyticKernel.Result compute(double[] x1, int n1, double[] x2, int n2, int dim, BooleanSupplier cancelled,
                                         DoubleConsumer progress) {
        int side = side(dim);
        boolean symmetric = x1 == x2 && n1 == n2;
        GaussianMoments closed = ClosedFormMoments.forActivation(activation);
        GaussianMoments moments = closed != null ? closed : new QuadratureMoments(activation);
        Patches patches = new Patches(side);
        double[][][] v1 = variances(x1, n1, patches, moments, closed == null);
        double[][][] v2 = symmetric ? v1 : variances(x2, n2, patches, moments, closed == null);
        double[] nngp = new double[n1 * n2];
        double[] ntk = new double[n1 * n2];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        // one recursion (and its tables) per thread; rows handed out one at a time, the longest first
        Runnable worker = () -> {
            PairRecursion pair = new PairRecursion(this, patches, moments);
            double[] out = new double[2];
            for (int i = next.getAndIncrement(); i < n1; i = next.getAndIncrement()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("the analytic CNTK is no longer wanted");
                }
                for (int j = symmetric ? i : 0; j < n2; j++) {
                    pair.compute(x1, i, v1[i], x2, j, v2[j], out);
                    nngp[i * n2 + j] = out[0];
                    ntk[i * n2 + j] = out[1];
                    if (symmetric) {
                        nngp[j * n2 + i] = out[0];
                        ntk[j * n2 + i] = out[1];
                    }
                }
                progress.accept((double) done.incrementAndGet() / n1);
            }
        };
        Parallel.run(worker, Math.min(n1, Runtime.getRuntime().availableProcessors()));
        requireFinite(nngp, "CNN-GP");
        requireFinite(ntk, "CNTK");
        return new AnalyticKernel.Result(nngp, ntk, n1, n2);
    }

    @Override
    public AnalyticKernel.Result compute(double[] x1, int n1, double[] x2, int n2, int dim, BooleanSupplier cancelled) {
        return compute(x1, n1, x2, n2, dim, cancelled, p -> { });
    }

    /** As above, without progress. */
    public AnalyticKernel.Result compute(double[] x1, int n1, double[] x2, int n2, int dim) {
        return compute(x1, n1, x2, n2, dim, () -> false, p -> { });
    }

    /** The side s of square images of {@code dim} pixels, refused in one line when dim is not a square. */
    public static int side(int dim) {
        return Patches.sideOf(dim);
    }

    /**
     * Each image's own variances 𝒦_l^{xx}(p, p) at layers l = 1 … depth, [image][layer − 1][p]: they
     * follow the same recursion on the diagonal alone.
     */
    private double[][][] variances(double[] x, int n, Patches patches, GaussianMoments m, boolean quadrature) {
        int s2 = patches.size();
        double sw = sigmaW * sigmaW / 9;
        double sb = sigmaB * sigmaB;
        double[][][] v = new double[n][depth][s2];
        double[] out = new double[2];
        int side = (int) Math.round(Math.sqrt(s2));
        double[] f = new double[s2];
        double[] cols = new double[s2];
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < s2; p++) {
                double sum = 0;
                for (int k = 0; k < 9; k++) {
                    int at = patches.at(p, k);
                    if (at >= 0) {
                        double xv = x[a * s2 + at];
                        sum += xv * xv;
                    }
                }
                v[a][0][p] = sw * sum + sb;
            }
            for (int l = 1; l < depth; l++) {
                for (int p = 0; p < s2; p++) {
                    double q = v[a][l - 1][p];
                    if (quadrature) {
                        QuadratureMoments.requireInRange(q);
                    }
                    m.compute(q, q, q, out);
                    f[p] = out[0];
                }
                // Σ_δ as PairRecursion sums it, columns then rows in the same order: a point with itself then
                // has 𝒦(p, p) equal to the variance to the last bit, ρ = 1 exactly and θ = 0, where arccos
                // would turn a rounding difference ε into √(2ε)
                for (int p = 0; p < s2; p++) {
                    int c = p % side;
                    double sum = f[p];
                    if (c > 0) {
                        sum += f[p - 1];
                    }
                    if (c < side - 1) {
                        sum += f[p + 1];
                    }
                    cols[p] = sum;
                }
                for (int p = 0; p < s2; p++) {
                    int r = p / side;
                    double sum = cols[p];
                    if (r > 0) {
                        sum += cols[p - side];
                    }
                    if (r < side - 1) {
                        sum += cols[p + side];
                    }
                    v[a][l][p] = sw * sum + sb;
                }
            }
            if (quadrature) {
                for (double q : v[a][depth - 1]) {
                    QuadratureMoments.requireInRange(q);
                }
            }
        }
        return v;
    }

    private static void requireFinite(double[] k, String which) {
        for (double v : k) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("the infinite-width " + which + " overflows double precision (" + v
                        + "); lower sigmaW, sigmaB, the depth or the size of the inputs");
            }
        }
    }
}
