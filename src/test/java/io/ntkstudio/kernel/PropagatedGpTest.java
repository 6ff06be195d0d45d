package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.network.Activation;
import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.TrainingRule;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NTK-GP propagated through any square-loss rule, against the closed form and a Monte-Carlo ensemble. */
class PropagatedGpTest {
    static final int N = 8;
    static final int M = 4;
    static final int D = 3;

    record Kernels(double[] ntk, double[] ntkCross, double[] nngp, double[] nngpCross, double[] nngpTest, double[] y) {
        NtkGaussianProcess gp() {
            double[] diagonal = new double[M];
            for (int a = 0; a < M; a++) {
                diagonal[a] = nngpTest[a * M + a];
            }
            return new NtkGaussianProcess(ntk, ntkCross, nngp, nngpCross, diagonal, y);
        }
    }

    static Kernels kernels() {
        Random r = new Random(17);
        double[] x = new double[N * D];
        double[] t = new double[M * D];
        double[] y = new double[N];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = r.nextGaussian();
        }
        for (int i = 0; i < N; i++) {
            y[i] = Math.sin(2 * x[i * D]);
        }
        AnalyticKernel k = new AnalyticKernel(Activation.RELU, 2, Math.sqrt(2), 0.1);
        AnalyticKernel.Result train = k.compute(x, N, x, N, D, () -> false);
        AnalyticKernel.Result cross = k.compute(t, M, x, N, D, () -> false);
        AnalyticKernel.Result test = k.compute(t, M, t, M, D, () -> false);
        return new Kernels(train.ntk(), cross.ntk(), train.nngp(), cross.nngp(), test.nngp(), y);
    }

    @ParameterizedTest
    @CsvSource({"0.0", "0.85"})
    void fullBatchPropagationIsTheClosedForm(double beta) {
        NtkGaussianProcess gp = kernels().gp();
        BatchSchedule all = new BatchSchedule(N, N, 1);
        PropagatedGp propagated = new PropagatedGp(gp, beta, all);
        GpPath closed = gp.path(new TrainingRule(Loss.MSE, beta, 0), all);
        for (int t = 0; t < 60; t++) {
            propagated.step(0.3, t);
            closed.step(0.3, t);
        }
        NtkGaussianProcess.Moments a = propagated.now();
        NtkGaussianProcess.Moments b = closed.now();
        for (int i = 0; i < M; i++) {
            assertEquals(b.mean()[i], a.mean()[i], 1e-10, "mean at " + i);
            assertEquals(b.variance()[i], a.variance()[i], 1e-10, "variance at " + i);
        }
    }

    /**
     * Draws f_0 ~ GP(0, 𝒦) jointly on train and test inputs, trains each draw's linearised model by
     * hand (minibatches of 3 with momentum on Θ_∞), and compares the draws' mean and variance on
     * the test inputs with the propagated moments, within five standard errors.
     */
    @Test
    void minibatchMomentumMomentsMatchAMonteCarloEnsembleOfLinearisedModels() {
        Kernels k = kernels();
        double beta = 0.6;
        double eta = 0.4;
        int steps = 40;
        BatchSchedule batches = new BatchSchedule(N, 3, 9);
        PropagatedGp gp = new PropagatedGp(k.gp(), beta, batches);
        for (int t = 0; t < steps; t++) {
            gp.step(eta, t);
        }
        NtkGaussianProcess.Moments expected = gp.now();
        double[] joint = jointCovariance(k);
        double[] chol = cholesky(joint, N + M);
        Random r = new Random(3);
        int draws = 6000;
        double[] sum = new double[M];
        double[] sumSq = new double[M];
        for (int d = 0; d < draws; d++) {
            double[] z = new double[N + M];
            for (int i = 0; i < z.length; i++) {
                z[i] = r.nextGaussian();
            }
            double[] f0 = new double[N + M];
            for (int i = 0; i < N + M; i++) {
                for (int j = 0; j <= i; j++) {
                    f0[i] += chol[i * (N + M) + j] * z[j];
                }
            }
            double[] out = trainByHand(k, f0, beta, eta, steps, new BatchSchedule(N, 3, 9));
            for (int a = 0; a < M; a++) {
                sum[a] += out[a];
                sumSq[a] += out[a] * out[a];
            }
        }
        for (int a = 0; a < M; a++) {
            double mean = sum[a] / draws;
            double var = sumSq[a] / draws - mean * mean;
            double sd = Math.sqrt(expected.variance()[a]);
            assertEquals(expected.mean()[a], mean, 5 * sd / Math.sqrt(draws), "mean at test point " + a);
            // the sample variance's standard error for a Gaussian is σ²√(2/draws)
            assertEquals(expected.variance()[a], var, 5 * expected.variance()[a] * Math.sqrt(2.0 / draws), "variance at " + a);
        }
    }

    /** The test outputs of one linearised model from f_0 after the rule's steps, iterated in function space. */
    private static double[] trainByHand(Kernels k, double[] f0, double beta, double eta, int steps, BatchSchedule batches) {
        double[] f = new double[N];
        double[] ft = new double[M];
        System.arraycopy(f0, 0, f, 0, N);
        System.arraycopy(f0, N, ft, 0, M);
        double[] a = new double[N];
        for (int t = 0; t < steps; t++) {
            int[] s = batches.indices(t);
            int count = batches.count(t);
            double[] g = new double[N];
            for (int q = 0; q < count; q++) {
                g[s[q]] = (f[s[q]] - k.y()[s[q]]) / count;
            }
            for (int i = 0; i < N; i++) {
                a[i] = beta * a[i] + g[i];
            }
            double[] df = new double[N];
            double[] dft = new double[M];
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    df[i] += k.ntk()[i * N + j] * a[j];
                }
            }
            for (int i = 0; i < M; i++) {
                for (int j = 0; j < N; j++) {
                    dft[i] += k.ntkCross()[i * N + j] * a[j];
                }
            }
            for (int i = 0; i < N; i++) {
                f[i] -= eta * df[i];
            }
            for (int i = 0; i < M; i++) {
                ft[i] -= eta * dft[i];
            }
        }
        return ft;
    }

    /** 𝒦 over the train inputs then the test inputs. */
    private static double[] jointCovariance(Kernels k) {
        int size = N + M;
        double[] c = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double v;
                if (i < N && j < N) {
                    v = k.nngp()[i * N + j];
                } else if (i >= N && j >= N) {
                    v = k.nngpTest()[(i - N) * M + (j - N)];
                } else if (i >= N) {
                    v = k.nngpCross()[(i - N) * N + j];
                } else {
                    v = k.nngpCross()[(j - N) * N + i];
                }
                c[i * size + j] = v;
            }
        }
        return c;
    }

    /** Lower Cholesky factor, with a jitter of 1e-10 × the largest diagonal for a semi-definite 𝒦. */
    private static double[] cholesky(double[] a, int size) {
        double jitter = 0;
        for (int i = 0; i < size; i++) {
            jitter = Math.max(jitter, a[i * size + i]);
        }
        jitter *= 1e-10;
        double[] l = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * size + j] + (i == j ? jitter : 0);
                for (int q = 0; q < j; q++) {
                    s -= l[i * size + q] * l[j * size + q];
                }
                l[i * size + j] = i == j ? Math.sqrt(s) : s / l[j * size + j];
            }
        }
        return l;
    }

    @Test
    void thereIsNoProcessUnderTheLogisticLossAndTheLineSaysWhy() {
        NtkGaussianProcess gp = kernels().gp();
        TrainingRule logistic = new TrainingRule(Loss.LOGISTIC, 0, 0);
        assertNull(gp.path(logistic, new BatchSchedule(N, N, 1)));
        assertTrue(NtkGaussianProcess.absentBecause(logistic, N).contains("logistic loss"));
        assertNull(NtkGaussianProcess.absentBecause(new TrainingRule(Loss.MSE, 0.9, 3), N));
        assertNotNull(NtkGaussianProcess.absentBecause(new TrainingRule(Loss.MSE, 0, 3), PropagatedGp.MAX_POINTS + 1));
    }
}
