package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.ClassChoice;
import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.kernel.AnalyticKernel;
import io.ntkstudio.kernel.ConvKernel;
import io.ntkstudio.kernel.LimitKernel;
import io.ntkstudio.kernel.ResidualKernel;
import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.Architecture;
import io.ntkstudio.network.ConvNetwork;
import io.ntkstudio.network.ConvPass;
import io.ntkstudio.network.Layers;
import io.ntkstudio.network.Readout;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.network.TrainingRule;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Networks with one output per class (three digits) under every rule, against oracles from
 * per-example, per-output gradients ({@link Network#parameterGradient(double[], int)}): the
 * network's step, the kernel regime as the linearised network f_0 + J_0(θ − θ_0) with its
 * parameters updated by hand, and the limit as the recurrence on Θ_∞ ⊗ I_C.
 */
class ClassRulesTest {
    static final int N = 9;
    static final int TEST_N = 6;
    static final int C = 3;

    static Stream<TrainingRule> rules() {
        return Stream.of(TrainingRule.GD, new TrainingRule(Loss.MSE, 0.9, 0), new TrainingRule(Loss.MSE, 0, 4),
                new TrainingRule(Loss.SOFTMAX, 0, 0), new TrainingRule(Loss.SOFTMAX, 0.8, 0), new TrainingRule(Loss.SOFTMAX, 0.5, 4));
    }

    /** Every rule on the dense and residual networks (tanh) and the conv ones (ReLU, 4 channels, pooled or flattened). */
    static Stream<Arguments> rulesAndArchitectures() {
        return rules().flatMap(r -> Stream.of(Layers.DENSE, Layers.RESIDUAL, Layers.conv(Readout.GAP), Layers.conv(Readout.FLATTEN))
                .map(a -> Arguments.of(r, a)));
    }

    static ExperimentSpec spec(TrainingRule rule, double alpha, double eta, Layers layers) {
        Architecture architecture = layers.architecture();
        // the CNTK's closed-form ReLU moments: tanh's quadrature at every pair of pixel positions takes minutes
        boolean conv = architecture == Architecture.CONV;
        return new ExperimentSpec(new NetworkConfig(conv ? 4 : 24, 2, conv ? Activation.RELU : Activation.TANH, Parameterization.NTK, 1.5, 0.2, 5)
                .withOutputScale(alpha)
                .withLayers(layers),
                new DataSpec("digits", N, TEST_N, "", 0, 0, 4, null, null, ClassChoice.digits(List.of(3, 8, 1))),
                new TrainingSpec(eta, 100, 10).withRule(rule));
    }

    /** Rows (i, c) of J: ∇θ f_c(x_i), by plain loops, or for a conv network by {@link ConvPass} (its own tested passes). */
    static double[][] jacobian(Network net, double[] x, int count) {
        if (net.config().architecture() == Architecture.CONV) {
            return convJacobian(net, x, count);
        }
        int d = net.inputDim();
        double[][] j = new double[count * C][];
        for (int i = 0; i < count; i++) {
            double[] row = new double[d];
            System.arraycopy(x, i * d, row, 0, d);
            for (int c = 0; c < C; c++) {
                j[i * C + c] = net.parameterGradient(row, c);
            }
        }
        return j;
    }

    /** ConvPass's per-image gradient blocks laid out as {@link Network#flatParameters()}: W_l (row-major), b_l, layer by layer. */
    private static double[][] convJacobian(Network net, double[] x, int count) {
        int k = net.outputs();
        int last = net.layerCount() - 1;
        ConvPass pass = ConvPass.forward(ConvNetwork.viewOf(net), x, count, MatrixBackend.current());
        double[][] j = new double[count * k][Math.toIntExact(net.parameterCount())];
        for (int c = 0; c < k; c++) {
            double[][] blocks = pass.jacobian(c, MatrixBackend.current());
            for (int i = 0; i < count; i++) {
                int at = 0;
                for (int l = 0; l < last; l++) {
                    int w = blocks[l].length / count;
                    System.arraycopy(blocks[l], i * w, j[i * k + c], at, w);
                    at += w;
                }
                int f = net.fanIn(last);
                // the output layer: row c of its weights, then bias c
                System.arraycopy(blocks[last], i * (f + 1), j[i * k + c], at + c * f, f);
                j[i * k + c][at + k * f + c] = blocks[last][i * (f + 1) + f];
            }
        }
        return j;
    }

    static double[] outputs(Network net, double[] x, int count) {
        if (net.config().architecture() == Architecture.CONV) {
            return ConvNetwork.viewOf(net).outputs(x, count, MatrixBackend.current());
        }
        int d = net.inputDim();
        double[] f = new double[count * C];
        for (int i = 0; i < count; i++) {
            double[] row = new double[d];
            System.arraycopy(x, i * d, row, 0, d);
            System.arraycopy(net.outputsOf(row), 0, f, i * C, C);
        }
        return f;
    }

    /** Σ over the batch of the loss's slopes along the rows of J, divided by the batch size. */
    private static double[] gradient(TrainingRule rule, double[] f, double[] y, double[][] j, int[] batch, int count, double alpha) {
        double[] grad = new double[j[0].length];
        double[] slopes = new double[C];
        for (int k = 0; k < count; k++) {
            int i = batch[k];
            rule.loss().rowSlopes(f, i * C, y, i * C, C, alpha / count, slopes, 0);
            for (int c = 0; c < C; c++) {
                for (int p = 0; p < grad.length; p++) {
                    grad[p] += slopes[c] * j[i * C + c][p];
                }
            }
        }
        return grad;
    }

    @ParameterizedTest
    @MethodSource("rulesAndArchitectures")
    void theNetworkStepIsTheRuleAppliedToExplicitPerOutputGradients(TrainingRule rule, Layers architecture) {
        ExperimentSpec s = spec(rule, 1, 0.5, architecture);
        Dataset data = DataSources.build(s.data(), Path.of("."));
        assertEquals(C, data.classes());
        TrainingRun run = TrainingRun.create(s, data, RunOptions.NETWORK_ONLY);
        assertEquals(C, run.network().outputs());
        Network oracle = run.initialNetwork().copy();
        double[] x = data.train().copyInputs();
        double[] y = data.train().copyTargets();
        double[] theta = oracle.flatParameters();
        double[] v = new double[theta.length];
        BatchSchedule batches = new BatchSchedule(N, rule.batchOn(N), s.data().seed());
        for (int t = 0; t < 7; t++) {
            oracle.setFlatParameters(theta);
            double[] grad = gradient(rule, outputs(oracle, x, N), y, jacobian(oracle, x, N), batches.indices(t), batches.count(t), 1);
            for (int p = 0; p < theta.length; p++) {
                v[p] = rule.momentum() * v[p] + grad[p];
                theta[p] -= 0.5 * v[p];
            }
            assertTrue(run.advance());
        }
        TrainingRulesTest.assertRelative(theta, run.network().flatParameters(), 1e-10, rule + ", " + architecture + ": parameters after 7 steps");
    }

    @ParameterizedTest
    @MethodSource("rulesAndArchitectures")
    void theKernelRegimeIsTheExplicitLinearisedNetworkWithTheFullKernel(TrainingRule rule, Layers architecture) {
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
            double[] dtheta = new double[j[0].length];
            double[] v = new double[dtheta.length];
            BatchSchedule batches = new BatchSchedule(N, rule.batchOn(N), s.data().seed());
            double rate = 0.8 / (alpha * alpha);
            for (int t = 0; t < 30; t++) {
                double[] f = new double[N * C];
                for (int r = 0; r < f.length; r++) {
                    f[r] = f0[r] + alpha * TrainingRulesTest.dot(j[r], dtheta);
                }
                double[] grad = gradient(rule, f, y, j, batches.indices(t), batches.count(t), alpha);
                for (int p = 0; p < dtheta.length; p++) {
                    v[p] = rule.momentum() * v[p] + grad[p];
                    dtheta[p] -= rate * v[p];
                }
                assertTrue(run.advance());
            }
            double[] train = new double[N * C];
            double[] test = new double[TEST_N * C];
            for (int r = 0; r < train.length; r++) {
                train[r] = f0[r] + alpha * TrainingRulesTest.dot(j[r], dtheta);
            }
            for (int r = 0; r < test.length; r++) {
                test[r] = f0t[r] + alpha * TrainingRulesTest.dot(jt[r], dtheta);
            }
            TrainingSnapshot snap = run.snapshot(true, RunStatus.RUNNING, null);
            String what = rule + ", " + architecture + ", α = " + alpha;
            TrainingRulesTest.assertRelative(train, snap.regimeTrain().toArray(), 1e-8, what + ": kernel regime on the train inputs");
            TrainingRulesTest.assertRelative(test, snap.regimeTest().toArray(), 1e-8, what + ": kernel regime on the test inputs");
            double loss = rule.loss().mean(train, y, C);
            assertEquals(loss, snap.regimeTrainLoss(), 1e-8 * loss, what + ": its loss");
        }
    }

    @ParameterizedTest
    @MethodSource("rulesAndArchitectures")
    void theLimitPathIsTheRecurrenceOnTheAnalyticKernelPerOutput(TrainingRule rule, Layers architecture) {
        ExperimentSpec s = spec(rule, 1, 0.8, architecture);
        Dataset data = DataSources.build(s.data(), Path.of("."));
        TrainingRun run = TrainingRun.create(s, data, RunOptions.WITH_INFINITE_WIDTH);
        double[] x = data.train().copyInputs();
        double[] xt = data.test().copyInputs();
        NetworkConfig c = s.network();
        LimitKernel analytic = switch (architecture.architecture()) {
            case DENSE -> new AnalyticKernel(c.activation(), c.depth(), c.sigmaW(), c.sigmaB());
            case RESIDUAL -> new ResidualKernel(c.activation(), c.depth(), c.sigmaW(), c.sigmaB());
            case CONV -> new ConvKernel(c.activation(), c.depth(), c.sigmaW(), c.sigmaB(), c.readout());
        };
        double[] k = analytic.compute(x, N, x, N, 64, () -> false).ntk();
        double[] cross = analytic.compute(xt, TEST_N, x, N, 64, () -> false).ntk();
        double[] y = data.train().copyTargets();
        TrainingSnapshot start = run.snapshot(false, RunStatus.RUNNING, null);
        double[] f = start.trainOutputs().toArray();
        double[] ft = start.testOutputs().toArray();
        double[] a = new double[N * C];
        BatchSchedule batches = new BatchSchedule(N, rule.batchOn(N), s.data().seed());
        for (int t = 0; t < 25; t++) {
            int[] batch = batches.indices(t);
            int count = batches.count(t);
            double[] g = new double[N * C];
            for (int q = 0; q < count; q++) {
                rule.loss().rowSlopes(f, batch[q] * C, y, batch[q] * C, C, 1.0 / count, g, batch[q] * C);
            }
            for (int r = 0; r < a.length; r++) {
                a[r] = rule.momentum() * a[r] + g[r];
            }
            // (Θ ⊗ I) a, output by output
            double[] nf = f.clone();
            double[] nft = ft.clone();
            for (int o = 0; o < C; o++) {
                for (int i = 0; i < N; i++) {
                    double sum = 0;
                    for (int j = 0; j < N; j++) {
                        sum += k[i * N + j] * a[j * C + o];
                    }
                    nf[i * C + o] -= 0.8 * sum;
                }
                for (int i = 0; i < TEST_N; i++) {
                    double sum = 0;
                    for (int j = 0; j < N; j++) {
                        sum += cross[i * N + j] * a[j * C + o];
                    }
                    nft[i * C + o] -= 0.8 * sum;
                }
            }
            f = nf;
            ft = nft;
            assertTrue(run.advance());
        }
        TrainingRulesTest.assertRelative(ft, run.snapshot(false, RunStatus.RUNNING, null).limitRegimeTest().toArray(), 1e-9, rule + ", " + architecture + ": Θ_∞ ⊗ I path");
    }
}
