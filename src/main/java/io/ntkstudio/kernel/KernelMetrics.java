package io.ntkstudio.kernel;

import io.ntkstudio.network.Loss;

/**
 * The kernel metrics of docs/ntk-math.md, on matrices stored row-major as {@code double[]}.
 * Kernel change ‖Θ_t − Θ_0‖_F / ‖Θ_0‖_F (Lee et al. 2019), kernel distance
 * 1 − ⟨Θ, Θ'⟩_F / (‖Θ‖_F ‖Θ'‖_F) (Fort et al. 2020), kernel–target alignment
 * yᵀ Θ y / (‖Θ‖_F ‖y‖²) (Cristianini et al. 2002).
 */
public final class KernelMetrics {
    private KernelMetrics() {
    }

    public static double frobenius(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** ‖A − B‖_F / ‖B‖_F. */
    public static double relativeDistance(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            diff += d * d;
            norm += b[i] * b[i];
        }
        return Math.sqrt(diff / norm);
    }

    /** 1 − ⟨A, B⟩_F / (‖A‖_F ‖B‖_F) (Fort et al. 2020). */
    public static double kernelDistance(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return 1.0 - ab / Math.sqrt(aa * bb);
    }

    /** yᵀ K y / (‖K‖_F ‖y‖²) for an n × n kernel K. */
    public static double alignment(double[] k, double[] y) {
        int n = y.length;
        double yky = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += k[i * n + j] * y[j];
            }
            yky += y[i] * s;
        }
        double yy = 0;
        for (double v : y) {
            yy += v * v;
        }
        return yky / (frobenius(k) * yy);
    }

    /** Mean squared error halved, 1/(2n) Σ (f − y)², the loss of docs/ntk-math.md. */
    public static double halfMse(double[] f, double[] y) {
        return Loss.MSE.mean(f, y);
    }

    /** The largest learning rate for which GD on the loss is stable: 2n / λ_max(K). */
    public static double largestStableLearningRate(int n, double lambdaMax) {
        return 2.0 * n / lambdaMax;
    }
}
