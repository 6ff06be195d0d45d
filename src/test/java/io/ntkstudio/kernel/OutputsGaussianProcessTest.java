package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.TrainingRule;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NTK-GP of C outputs, whose kernel is Θ ⊗ I_C and 𝒦 ⊗ I_C: output c is the single-output
 * process on column c of the targets (itself held to dense formulas and Monte-Carlo in
 * {@link NtkGaussianProcessTest} and {@link PropagatedGpTest}), and every output has one variance.
 */
class OutputsGaussianProcessTest {
    static final int C = 3;

    static Stream<Arguments> rules() {
        // full batch (closed form per mode), momentum, and minibatches with and without momentum (propagated)
        return Stream.of(Arguments.of(0.0, 0), Arguments.of(0.8, 0), Arguments.of(0.0, 3), Arguments.of(0.6, 5));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void eachOutputIsTheSingleOutputProcessOnItsColumn(double beta, int batch) {
        PropagatedGpTest.Kernels k = PropagatedGpTest.kernels();
        int n = PropagatedGpTest.N;
        int m = PropagatedGpTest.M;
        double[] y = oneHot(n, new Random(5));
        NtkGaussianProcess all = outputs(k, y);
        TrainingRule rule = new TrainingRule(Loss.MSE, beta, batch);
        BatchSchedule batches = new BatchSchedule(n, rule.batchOn(n), 9);
        GpPath path = all.path(rule, batches);
        GpPath[] columns = new GpPath[C];
        for (int c = 0; c < C; c++) {
            columns[c] = column(k, y, c).path(rule, batches);
        }
        for (int t = 0; t < 40; t++) {
            path.step(0.4, t);
            for (GpPath p : columns) {
                p.step(0.4, t);
            }
        }
        NtkGaussianProcess.Moments now = path.now();
        assertEquals(m * C, now.mean().length);
        for (int c = 0; c < C; c++) {
            NtkGaussianProcess.Moments one = columns[c].now();
            for (int a = 0; a < m; a++) {
                assertEquals(one.mean()[a], now.mean()[a * C + c], 1e-12, "mean of output " + c + " at " + a);
                assertEquals(one.variance()[a], now.variance()[a * C + c], 1e-12, "variance of output " + c + " at " + a);
            }
        }
        NtkGaussianProcess.Moments posterior = all.nngpPosterior();
        for (int c = 0; c < C; c++) {
            NtkGaussianProcess.Moments one = column(k, y, c).nngpPosterior();
            for (int a = 0; a < m; a++) {
                assertEquals(one.mean()[a], posterior.mean()[a * C + c], 1e-10, "NNGP mean of output " + c + " at " + a);
                assertEquals(one.variance()[a], posterior.variance()[a * C + c], 1e-12, "NNGP variance of output " + c);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void targetsThatAreNotCPerPointAreABug() {
        PropagatedGpTest.Kernels k = PropagatedGpTest.kernels();
        double[] diagonal = new double[PropagatedGpTest.M];
        assertThrows(IllegalArgumentException.class, () -> new NtkGaussianProcess(k.ntk(), k.ntkCross(), k.nngp(), k.nngpCross(),
                diagonal, new double[PropagatedGpTest.N * C - 1], C));
    }

    /** One-hot rows for labels drawn at random (each class at least once). */
    static double[] oneHot(int n, Random r) {
        double[] y = new double[n * C];
        for (int i = 0; i < n; i++) {
            y[i * C + (i < C ? i : r.nextInt(C))] = 1;
        }
        return y;
    }

    private static NtkGaussianProcess outputs(PropagatedGpTest.Kernels k, double[] y) {
        return new NtkGaussianProcess(k.ntk(), k.ntkCross(), k.nngp(), k.nngpCross(), diagonal(k), y, C);
    }

    private static NtkGaussianProcess column(PropagatedGpTest.Kernels k, double[] y, int c) {
        double[] col = new double[PropagatedGpTest.N];
        for (int i = 0; i < col.length; i++) {
            col[i] = y[i * C + c];
        }
        return new NtkGaussianProcess(k.ntk(), k.ntkCross(), k.nngp(), k.nngpCross(), diagonal(k), col);
    }

    private static double[] diagonal(PropagatedGpTest.Kernels k) {
        int m = PropagatedGpTest.M;
        double[] d = new double[m];
        for (int a = 0; a < m; a++) {
            d[a] = k.nngpTest()[a * m + a];
        }
        return d;
    }
}
