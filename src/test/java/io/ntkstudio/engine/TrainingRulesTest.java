package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.kernel.AnalyticKernel;
import io.ntkstudio.kernel.LimitKernel;
import io.ntkstudio.kernel.ResidualKernel;
import io.ntkstudio.network.Architecture;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.network.TrainingRule;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every training rule against explicit oracles built from per-example gradients
 * ({@link Network#parameterGradient}): the network's own step, and the kernel-regime prediction
 * as the linearised network f_0 + J_0(θ − θ_0) with its parameters updated by hand.
 */
class TrainingRulesTest {
    static final int N = 10;
    static final int TEST_N = 6;

    static Stream<TrainingRule> rules() {
        return Stream.of(
                TrainingRule.GD,
                new TrainingRule(Loss.MSE, 0.9, 0),
                new TrainingRule(Loss.MSE, 0, 3),
                new TrainingRule(Loss.MSE, 0.7, 4),
                new TrainingRule(Loss.LOGISTIC, 0, 0),
                new TrainingRule(Loss.LOGISTIC, 0.8, 0),
                new TrainingRule(Loss.LOGISTIC, 0.5, 3));
    }

    /** Every rule on the dense and on the residual network (whose passes share the dense code). */
    static Stream<Arguments> rulesAndArchitectures() {
        return rules().flatMap(r -> Stream.of(Architecture.DENSE, Architecture.RESIDUAL).map(a -> Arguments.of(r, a)));
    }

    static ExperimentSpec spec(TrainingRule rule, double alpha, double eta) {
        return spec(rule, alpha, eta, Architecture.DENSE);
    }

    static ExperimentSpec spec(TrainingRule rule, double alpha, double eta, Architecture architecture) {
        return new ExperimentSpec(new NetworkConfig(24, 2, Activation.TANH, Parameterization.NTK, 1.5, 0.2, 5).withOutputScale(alpha)
                .withArchitecture(architecture),
                new DataSpec("xor", N, TEST_N, "", 0, 0.1, 4, null, null), new TrainingSpec(eta, 100, 10).withRule(rule));
    }

    static TrainingRun run(ExperimentSpec s) {
        return TrainingRun.create(s, DataSources.build(s.data(), Path.of(".")), RunOptions.WITH_INFINITE_WIDTH);
    }

    /** The network and its inputs, with the per-example gradient rows of J at the network's parameters. */
    private static double[][] jacobian(Network net, double[] x, int count) {
        int d = net.inputDim();
        double[][] j = new double[count][];
        for (int i = 0; i < count; i++) {
            double[] row = new double[d];
            System.arraycopy(x, i * d, row, 0, d);
            j[i] = net.parameterGradient(row);
        }
        return j;
    }

    private static double[] outputs(Network net, double[] x, int count) {
        int d = net.inputDim();
        double[] f = new double[count];
        for (int i = 0; i < count; i++) {
            double[] row = new double[d];
            System.arraycopy(x, i * d, row, 0, d);
            f[i] = net.output(row);
        }
        return f;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int p = 0; p < a.length; p++) {
            s += a[p] * b[p];
        }
        return s;
    }

    static void assertRelative(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * scale, what + " at " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("rulesAndArchitectures")
    void theNetworkStepIsTheRuleAppliedToExplicitGradients(TrainingRule rule, Architecture architecture) {
        ExperimentSpec s = spec(rule, 1, 0.5, architecture);
        Dataset data = DataSources.build(s.data(), Path.of("."));
        TrainingRun run = TrainingRun.create(s, data, RunOptions.NETWORK_ONLY);
        Network oracle = run.initialNetwork().copy();
        double[] x = data.train().copyInputs();
        double[] y = data.train().copyTargets();
        double[] theta = oracle.flatParameters();
        double[] v = new double[theta.length];
        BatchSchedule batches = new BatchSchedule(N, rule.batchOn(N), s.data().seed());
        for (int t = 0; t < 7; t++) {
            oracle.setFlatParameters(theta);
            double[] f = outputs(oracle, x, N);
            double[][] j = jacobian(oracle, x, N);
            int[] batch = batches.indices(t);
            int count = batches.count(t);
            double[] grad = new double[theta.length];
            for (int k = 0; k < count; k++) {
                int i = batch[k];
                double slope = rule.loss().slope(f[i], y[i]) / count;
                for (int p = 0; p < theta.length; p++) {
                    grad[p] += slope * j[i][p];
                }
            }
            for (int p = 0; p < theta.length; p++) {
                v[p] = rule.momentum() * v[p] + grad[p];
                theta[p] -= 0.5 * v[p];
            }
            assertTrue(run.advance());
        }
        assertRelative(theta, run.network().flatParameters(), 1e-10, rule + ", " + architecture + ": parameters after 7 steps");
    }

    /**
     * The explicit linearised network: θ updated by the rule with the fixed Jacobian J_0 (of f_α,
     * α J), f_α = f_0 + α J_0 (θ − θ_0) on train and test inputs, at the parameters' rate η/α².
     */
    @ParameterizedTest
    @MethodSource("rulesAndArchitectures")
    void theKernelRegimeIsTheExplicitLinearisedNetworkUnderTheSameRule(TrainingRule rule, Architecture architecture) {
        for (double alpha : new double[] {1, 2.5}) {
            ExperimentSpec s = spec(rule, alpha, 0.8, architecture);
            Dataset data = DataSources.build(s.data(), Path.of("."));
            TrainingRun run = TrainingRun.create(s, data, RunOptions.WITH_INFINITE_WIDTH);
            Network net0 = run.initialNetwork();
            double[] x = data.train().copyInputs();
            double[] xt = data.test().copyInputs();
            double[] y = data.train().copyTargets();
            double[][] j = jacobian(net0, x, N);
            double[][] jt = jacobian(net0, xt, TEST_N);
            double[] f0 = outputs(net0, x, N);
            double[] f0t = outputs(net0, xt, TEST_N);
            int params = j[0].length;
            double[] dtheta = new double[params];
            double[] v = new double[params];
            BatchSchedule batches = new BatchSchedule(N, rule.batchOn(N), s.data().seed());
            double rate = 0.8 / (alpha * alpha);
            int steps = 30;
            for (int t = 0; t < steps; t++) {
                int[] batch = batches.indices(t);
                int count = batches.count(t);
                double[] grad = new double[params];
                for (int k = 0; k < count; k++) {
                    int i = batch[k];
                    double f = f0[i] + alpha * dot(j[i], dtheta);
                    double slope = alpha * rule.loss().slope(f, y[i]) / count;
                    for (int p = 0; p < params; p++) {
                        grad[p] += slope * j[i][p];
                    }
                }
                for (int p = 0; p < params; p++) {
                    v[p] = rule.momentum() * v[p] + grad[p];
                    dtheta[p] -= rate * v[p];
                }
                assertTrue(run.advance());
            }
            double[] train = new double[N];
            double[] test = new double[TEST_N];
            for (int i = 0; i < N; i++) {
                train[i] = f0[i] + alpha * dot(j[i], dtheta);
            }
            for (int i = 0; i < TEST_N; i++) {
                test[i] = f0t[i] + alpha * dot(jt[i], dtheta);
            }
            TrainingSnapshot snap = run.snapshot(true, RunStatus.RUNNING, null);
            String what = rule + ", " + architecture + ", α = " + alpha;
            assertRelative(train, snap.regimeTrain().toArray(), 1e-8, what + ": kernel regime on the train inputs");
            assertRelative(test, snap.regimeTest().toArray(), 1e-8, what + ": kernel regime on the test inputs");
            double loss = rule.loss().mean(train, y);
            assertEquals(loss, snap.regimeTrainLoss(), 1e-8 * loss, what + ": its loss");
        }
    }

    @ParameterizedTest
    @MethodSource("rulesAndArchitectures")
    void theLimitPathFollowsTheRuleOnTheAnalyticKernel(TrainingRule rule, Architecture architecture) {
        // the recurrence of the linearised model iterated by hand on Θ_∞(X, X) and Θ_∞(x, X)
        ExperimentSpec s = spec(rule, 1, 0.8, architecture);
        TrainingRun run = run(s);
        Dataset data = run.context().data();
        double[] x = data.train().copyInputs();
        double[] xt = data.test().copyInputs();
        NetworkConfig c = s.network();
        LimitKernel analytic = switch (architecture) {
            case DENSE -> new AnalyticKernel(c.activation(), c.depth(), c.sigmaW(), c.sigmaB());
            case RESIDUAL -> new ResidualKernel(c.activation(), c.depth(), c.sigmaW(), c.sigmaB());
            case CONV -> throw new AssertionError();
        };
        double[] k = analytic.compute(x, N, x, N, 2, () -> false).ntk();
        double[] cross = analytic.compute(xt, TEST_N, x, N, 2, () -> false).ntk();
        double[] y = data.train().copyTargets();
        TrainingSnapshot start = run.snapshot(false, RunStatus.RUNNING, null);
        double[] f = start.trainOutputs().toArray();
        double[] ft = start.testOutputs().toArray();
        double[] a = new double[N];
        BatchSchedule batches = new BatchSchedule(N, rule.batchOn(N), s.data().seed());
        for (int t = 0; t < 25; t++) {
            int[] batch = batches.indices(t);
            int count = batches.count(t);
            double[] g = new double[N];
            for (int q = 0; q < count; q++) {
                g[batch[q]] = rule.loss().slope(f[batch[q]], y[batch[q]]) / count;
            }
            for (int i = 0; i < N; i++) {
                a[i] = rule.momentum() * a[i] + g[i];
            }
            f = minus(f, 0.8, k, a, N);
            ft = minus(ft, 0.8, cross, a, TEST_N);
            assertTrue(run.advance());
        }
        assertRelative(ft, run.snapshot(false, RunStatus.RUNNING, null).limitRegimeTest().toArray(), 1e-9, rule + ", " + architecture + ": Θ_∞ path");
    }

    /** f − η M a for the rows × N matrix M, in a new array. */
    private static double[] minus(double[] f, double eta, double[] m, double[] a, int rows) {
        double[] out = f.clone();
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < N; j++) {
                s += m[i * N + j] * a[j];
            }
            out[i] -= eta * s;
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("rules")
    void aBatchOfAllPointsIsFullBatchToTheBit(TrainingRule rule) {
        if (!rule.fullBatch()) {
            return;
        }
        TrainingRun full = run(spec(rule, 1, 0.5));
        TrainingRun all = run(spec(rule.withBatchSize(N), 1, 0.5));
        for (int t = 0; t < 20; t++) {
            assertTrue(full.advance());
            assertTrue(all.advance());
        }
        assertArrayEquals(full.network().flatParameters(), all.network().flatParameters(), 0.0, rule + ": parameters");
        TrainingSnapshot a = full.snapshot(true, RunStatus.RUNNING, null);
        TrainingSnapshot b = all.snapshot(true, RunStatus.RUNNING, null);
        assertEquals(a.trainLoss(), b.trainLoss(), 0.0);
        assertArrayEquals(a.regimeTest().toArray(), b.regimeTest().toArray(), 0.0, rule + ": kernel regime");
    }
}
