package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The closed-form solution against a Runge–Kutta integration of the kernel gradient flow. */
class KernelRegimeTest {
    @Test
    void matchesTheIntegratedKernelGradientFlow() {
        int n = 6;
        int m = 4;
        Random r = new Random(12);
        double[] feats = new double[(n + m) * 5];
        for (int i = 0; i < feats.length; i++) {
            feats[i] = r.nextGaussian();
        }
        double[] all = new double[(n + m) * (n + m)];
        for (int i = 0; i < n + m; i++) {
            for (int j = 0; j < n + m; j++) {
                double s = 0.3;
                for (int k = 0; k < 5; k++) {
                    s += feats[i * 5 + k] * feats[j * 5 + k];
                }
                all[i * (n + m) + j] = s;
            }
        }
        double[] kTrain = new double[n * n];
        double[] kCross = new double[m * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kTrain[i * n + j] = all[i * (n + m) + j];
            }
        }
        for (int a = 0; a < m; a++) {
            for (int j = 0; j < n; j++) {
                kCross[a * n + j] = all[(n + a) * (n + m) + j];
            }
        }
        double[] y = new double[n];
        double[] f0 = new double[n];
        double[] g0 = new double[m];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextGaussian();
            f0[i] = 0.3 * r.nextGaussian();
        }
        for (int a = 0; a < m; a++) {
            g0[a] = 0.3 * r.nextGaussian();
        }
        KernelRegime regime = new KernelRegime(kTrain, kCross, y, f0, g0);

        // df/dτ = −K (f − y)/n, dg/dτ = −Θ(x, X)(f − y)/n, integrated by RK4.
        double time = 3.0;
        int steps = 30000;
        double h = time / steps;
        double[] state = new double[n + m];
        System.arraycopy(f0, 0, state, 0, n);
        System.arraycopy(g0, 0, state, n, m);
        for (int s = 0; s < steps; s++) {
            double[] k1 = flow(state, kTrain, kCross, y, n, m);
            double[] k2 = flow(axpy(state, k1, h / 2), kTrain, kCross, y, n, m);
            double[] k3 = flow(axpy(state, k2, h / 2), kTrain, kCross, y, n, m);
            double[] k4 = flow(axpy(state, k3, h), kTrain, kCross, y, n, m);
            for (int i = 0; i < n + m; i++) {
                state[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        double[] train = regime.train(time);
        double[] test = regime.test(time);
        for (int i = 0; i < n; i++) {
            assertEquals(state[i], train[i], 1e-9);
        }
        for (int a = 0; a < m; a++) {
            assertEquals(state[n + a], test[a], 1e-9);
        }
        double[] atZero = regime.test(0);
        for (int a = 0; a < m; a++) {
            assertEquals(g0[a], atZero[a], 1e-14);
        }
    }

    private static double[] flow(double[] s, double[] k, double[] kc, double[] y, int n, int m) {
        double[] d = new double[n + m];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += k[i * n + j] * (s[j] - y[j]);
            }
            d[i] = -v / n;
        }
        for (int a = 0; a < m; a++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += kc[a * n + j] * (s[j] - y[j]);
            }
            d[n + a] = -v / n;
        }
        return d;
    }

    private static double[] axpy(double[] s, double[] d, double h) {
        double[] out = s.clone();
        for (int i = 0; i < s.length; i++) {
            out[i] += h * d[i];
        }
        return out;
    }
}
