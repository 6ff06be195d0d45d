package io.ntkstudio.kernel;

import io.ntkstudio.network.Loss;

/**
 * The kernel metrics of docs/ntk-math.md, on matrices stored row-major as {@code double[]}.
 * Kernel change ‖Θ_t − Θ_0‖_F / ‖Θ_0‖_F (Lee et al. 2019), kernel distance
 * 1 − ⟨Θ, Θ'⟩_F / (‖Θ‖_F ‖Θ'‖_F) (Fort et al. 2020), kernel–target alignment
 * yᵀ Θ y / (‖Θ‖_F ‖y‖²) (Cristianini et al. 2002), ⟨Θ, YYᵀ⟩_F / (‖Θ‖_F ‖YYᵀ‖_F) for targets Y of C
 * columns, and its centred form (Cortes, Mohri &amp; Rostamizadeh 2012) on HΘH and HY, H = I − 11ᵀ/n.
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

    /**
     * ⟨K, YYᵀ⟩_F / (‖K‖_F ‖YYᵀ‖_F) for an n × n kernel and targets Y, n × C row-major (point i's
     * at i·C): yᵀKy / (‖K‖_F ‖y‖²) for one column.
     */
    public static double alignment(double[] k, double[] y, int outputs) {
        return outputs == 1 ? alignment(k, y) : aligned(k, y, outputs, false);
    }

    /**
     * The centred kernel–target alignment ⟨K_c, L_c⟩_F / (‖K_c‖_F ‖L_c‖_F), K_c = HKH, L_c = HYYᵀH,
     * H = I − 11ᵀ/n (Cortes, Mohri &amp; Rostamizadeh 2012, Def. 4): unlike the plain alignment it
     * does not reward a kernel for its constant part. NaN when the centred targets vanish.
     */
    public static double centredAlignment(double[] k, double[] y, int outputs) {
        return aligned(k, y, outputs, true);
    }

    private static double aligned(double[] k, double[] y, int c, boolean centre) {
        int n = y.length / c;
        double[] yc = y.clone();
        double[] kc = k;
        if (centre) {
            for (int o = 0; o < c; o++) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += y[i * c + o];
                }
                mean /= n;
                for (int i = 0; i < n; i++) {
                    yc[i * c + o] -= mean;
                }
            }
            kc = centred(k, n);
        }
        // ⟨K_c, Y_c Y_cᵀ⟩ = tr(Y_cᵀ K_c Y_c); ‖Y_c Y_cᵀ‖_F = ‖Y_cᵀ Y_c‖_F (C × C)
        double inner = 0;
        double[] ky = new double[c];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(ky, 0.0);
            for (int j = 0; j < n; j++) {
                double kij = kc[i * n + j];
                for (int o = 0; o < c; o++) {
                    ky[o] += kij * yc[j * c + o];
                }
            }
            for (int o = 0; o < c; o++) {
                inner += yc[i * c + o] * ky[o];
            }
        }
        double gram = 0;
        for (int a = 0; a < c; a++) {
            for (int b = 0; b < c; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += yc[i * c + a] * yc[i * c + b];
                }
                gram += s * s;
            }
        }
        return inner / (frobenius(kc) * Math.sqrt(gram));
    }

    /** HKH for an n × n K: K with its row and column means taken out and its grand mean put back. */
    public static double[] centred(double[] k, int n) {
        double[] row = new double[n];
        double all = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += k[i * n + j];
            }
            row[i] = s / n;
            all += s;
        }
        all /= (double) n * n;
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // K symmetric: the column means are the row means
                out[i * n + j] = k[i * n + j] - row[i] - row[j] + all;
            }
        }
        return out;
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
