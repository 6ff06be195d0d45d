package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kernel-regime prediction against independent computations: the linearised network iterated
 * step by step by discrete GD (the explicit matrix power), and, for η → 0, a Runge–Kutta
 * integration of the kernel gradient flow.
 */
class KernelRegimeTest {
    private static final int N = 6;
    private static final int M = 4;

    /** A random PSD kernel on n + m points, its train and cross blocks, targets and outputs at init. */
    private record Problem(double[] kTrain, double[] kCross, double[] y, double[] f0, double[] g0, double lambdaMax) {
        KernelRegime regime() {
            return new KernelRegime(kTrain, kCross, y, f0, g0);
        }
    }

    private static Problem problem(long seed, int features) {
        int n = N;
        int m = M;
        Random r = new Random(seed);
        double[] feats = new double[(n + m) * features];
        for (int i = 0; i < feats.length; i++) {
            feats[i] = r.nextGaussian();
        }
        double[] kTrain = new double[n * n];
        double[] kCross = new double[m * n];
        for (int i = 0; i < n + m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < features; k++) {
                    s += feats[i * features + k] * feats[j * features + k];
                }
                if (i < n) {
                    kTrain[i * n + j] = s;
                } else {
                    kCross[(i - n) * n + j] = s;
                }
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
        return new Problem(kTrain, kCross, y, f0, g0, Spectrum.of(kTrain, n, false).largest());
    }

    /** f ← f − η K (f − y)/n and g ← g − η Θ(x, X)(f − y)/n, the linearised network's GD, t times. */
    private static double[] iterate(Problem p, double[] rates) {
        double[] state = new double[N + M];
        System.arraycopy(p.f0(), 0, state, 0, N);
        System.arraycopy(p.g0(), 0, state, N, M);
        for (double eta : rates) {
            double[] d = flow(state, p.kTrain(), p.kCross(), p.y(), N, M);
            for (int i = 0; i < N + M; i++) {
                state[i] += eta * d[i];
            }
        }
        return state;
    }

    private static void assertRelative(double expected, double actual, double tol) {
        assertEquals(expected, actual, tol * Math.max(1, Math.abs(expected)));
    }

    @Test
    void equalsTheLinearisedNetworkIteratedByDiscreteGd() {
        Problem p = problem(12, 5);
        double eta = 1.3 * N / p.lambdaMax();
        int t = 40;
        double[] rates = new double[t];
        java.util.Arrays.fill(rates, eta);
        double[] state = iterate(p, rates);
        KernelRegime regime = p.regime();
        GdDecay stepped = regime.start();
        for (int s = 0; s < t; s++) {
            stepped.step(eta);
        }
        for (GdDecay d : new GdDecay[] {stepped, regime.afterSteps(eta, t)}) {
            double[] train = regime.train(d);
            double[] test = regime.test(d);
            for (int i = 0; i < N; i++) {
                assertRelative(state[i], train[i], 1e-10);
            }
            for (int a = 0; a < M; a++) {
                assertRelative(state[N + a], test[a], 1e-10);
            }
            assertRelative(halfMse(state, p.y()), regime.trainLoss(d), 1e-10);
        }
        double[] atZero = regime.test(regime.start());
        for (int a = 0; a < M; a++) {
            assertEquals(p.g0()[a], atZero[a], 1e-14);
        }
    }

    /** 1/(2n) Σ (f_i − y_i)² over the train part of the state. */
    private static double halfMse(double[] state, double[] y) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += (state[i] - y[i]) * (state[i] - y[i]);
        }
        return s / (2 * N);
    }

    @Test
    void followsALearningRateChangedMidRun() {
        Problem p = problem(3, 5);
        double[] rates = new double[30];
        for (int s = 0; s < rates.length; s++) {
            rates[s] = (s < 10 ? 0.4 : s < 20 ? 1.7 : 0.9) * N / p.lambdaMax();
        }
        double[] state = iterate(p, rates);
        KernelRegime regime = p.regime();
        GdDecay d = regime.start();
        for (double eta : rates) {
            d.step(eta);
        }
        double[] test = regime.test(d);
        for (int a = 0; a < M; a++) {
            assertRelative(state[N + a], test[a], 1e-10);
        }
    }

    @Test
    void divergesExactlyAboveTwoNOverLambdaMax() {
        Problem p = problem(5, 5);
        KernelRegime regime = p.regime();
        double limit = 2 * N / p.lambdaMax();
        double below = regime.trainLoss(regime.afterSteps(0.98 * limit, 2000));
        double above = regime.trainLoss(regime.afterSteps(1.02 * limit, 2000));
        double start = regime.trainLoss(regime.start());
        assertTrue(below < start, "just below 2n/λ_max the linearised model converges");
        assertTrue(above > 1e6 * start, "just above 2n/λ_max it blows up, got " + above);
        assertEquals(0, regime.start().unstableModes(0.98 * limit));
        assertEquals(1, regime.start().unstableModes(1.02 * limit));
    }

    @Test
    void aSingularKernelKeepsAFiniteGainEqualToTheStepSum() {
        // 2 features for 6 train points: K has rank 2, four eigenvalues that are 0 up to rounding
        Problem p = problem(9, 2);
        double eta = 0.5 * N / p.lambdaMax();
        int t = 25;
        GdDecay d = p.regime().afterSteps(eta, t);
        GdDecay stepped = p.regime().start();
        for (int s = 0; s < t; s++) {
            stepped.step(eta);
        }
        for (int i = 2; i < N; i++) {
            assertEquals(t * eta / N, d.gain(i), 1e-9 * t * eta / N);
            assertEquals(t * eta / N, stepped.gain(i), 1e-9 * t * eta / N);
        }
        double[] rates = new double[t];
        java.util.Arrays.fill(rates, eta);
        double[] state = iterate(p, rates);
        double[] test = p.regime().test(d);
        for (int a = 0; a < M; a++) {
            assertRelative(state[N + a], test[a], 1e-9);
        }
    }

    @Test
    void smallStepsApproachTheIntegratedKernelGradientFlow() {
        Problem p = problem(12, 5);
        // df/dτ = −K (f − y)/n, dg/dτ = −Θ(x, X)(f − y)/n, integrated by RK4 to τ = 3.
        double time = 3.0;
        int steps = 30000;
        double h = time / steps;
        double[] state = new double[N + M];
        System.arraycopy(p.f0(), 0, state, 0, N);
        System.arraycopy(p.g0(), 0, state, N, M);
        for (int s = 0; s < steps; s++) {
            double[] k1 = flow(state, p.kTrain(), p.kCross(), p.y(), N, M);
            double[] k2 = flow(axpy(state, k1, h / 2), p.kTrain(), p.kCross(), p.y(), N, M);
            double[] k3 = flow(axpy(state, k2, h / 2), p.kTrain(), p.kCross(), p.y(), N, M);
            double[] k4 = flow(axpy(state, k3, h), p.kTrain(), p.kCross(), p.y(), N, M);
            for (int i = 0; i < N + M; i++) {
                state[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        KernelRegime regime = p.regime();
        double previous = Double.POSITIVE_INFINITY;
        for (int t : new int[] {300, 3000, 30000}) {
            double[] test = regime.test(regime.afterSteps(time / t, t));
            double err = 0;
            for (int a = 0; a < M; a++) {
                err = Math.max(err, Math.abs(test[a] - state[N + a]));
            }
            assertTrue(err < previous / 5, "the gap to gradient flow falls like η: " + err + " after " + previous);
            previous = err;
        }
        assertTrue(previous < 1e-3 * time, "η = 1e-4 is within O(η) of gradient flow, got " + previous);
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
