package io.ntkstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.kernel.AnalyticKernel;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predictions.csv}'s kernel-regime columns against the linearised network iterated step by
 * step by discrete GD, with Θ_0 from an explicit per-example Jacobian and f_0 from the network.
 */
class TrainOutputsTest {
    private static final int N = 10;
    private static final int M = 15;
    private static final int STEPS = 25;

    @TempDir
    Path dir;

    @Test
    void kernelRegimeColumnsAreTheLinearisedNetworkUnderTheSameGd() throws Exception {
        // a rate near the stable limit, so that (I − ηK/n)^t differs clearly from gradient flow
        double eta = 1.5;
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"network\": {\"width\": 32, \"depth\": 2, \"seed\": 4},"
                + " \"data\": {\"source\": \"circle\", \"n\": " + N + ", \"testN\": " + M + "},"
                + " \"training\": {\"learningRate\": " + eta + ", \"steps\": " + STEPS + ", \"kernelEvery\": 10}}");
        Path out = dir.resolve("run");
        CliTest.Result r = CliTest.run("train", "--spec", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());

        List<String> rows = Files.readAllLines(out.resolve("predictions.csv"));
        double[] xTest = new double[2 * M];
        double[] regime = new double[M];
        double[] regimeLimit = new double[M];
        for (int a = 0; a < M; a++) {
            String[] c = rows.get(a + 1).split(",");
            xTest[2 * a] = Double.parseDouble(c[0]);
            xTest[2 * a + 1] = Double.parseDouble(c[1]);
            regime[a] = Double.parseDouble(c[4]);
            regimeLimit[a] = Double.parseDouble(c[5]);
        }
        double[] xTrain = new double[2 * N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            double g = 2 * Math.PI * i / N;
            xTrain[2 * i] = Math.cos(g);
            xTrain[2 * i + 1] = Math.sin(g);
            y[i] = Math.sin(3 * g);
        }
        NetworkConfig cfg = new NetworkConfig(32, 2, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 4);
        Network net = Network.initialize(cfg, 2);
        double[][] jTrain = jacobian(net, xTrain, N);
        double[][] jTest = jacobian(net, xTest, M);
        double[] f0 = outputs(net, xTrain, N);
        double[] g0 = outputs(net, xTest, M);

        double[] expected = iterate(gram(jTrain, jTrain), gram(jTest, jTrain), y, f0, g0, eta);
        assertTrue(maxRelative(expected, regime) < 1e-8, "Θ_0 column off by " + maxRelative(expected, regime));

        AnalyticKernel limit = new AnalyticKernel(Activation.RELU, 2, Math.sqrt(2), 0.1);
        double[] expectedLimit = iterate(limit.ntk(xTrain, N, xTrain, N, 2), limit.ntk(xTest, M, xTrain, N, 2), y, f0, g0, eta);
        assertTrue(maxRelative(expectedLimit, regimeLimit) < 1e-8, "Θ_∞ column off by " + maxRelative(expectedLimit, regimeLimit));
    }

    /** g ← g − η Θ(x, X)(f − y)/n and f ← f − η K(f − y)/n, {@link #STEPS} times; returns g. */
    private static double[] iterate(double[] k, double[] cross, double[] y, double[] f0, double[] g0, double eta) {
        double[] f = f0.clone();
        double[] g = g0.clone();
        for (int s = 0; s < STEPS; s++) {
            double[] res = new double[N];
            for (int i = 0; i < N; i++) {
                res[i] = f[i] - y[i];
            }
            for (int a = 0; a < M; a++) {
                for (int j = 0; j < N; j++) {
                    g[a] -= eta * cross[a * N + j] * res[j] / N;
                }
            }
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    f[i] -= eta * k[i * N + j] * res[j] / N;
                }
            }
        }
        return g;
    }

    private static double[][] jacobian(Network net, double[] x, int count) {
        double[][] j = new double[count][];
        for (int i = 0; i < count; i++) {
            j[i] = net.parameterGradient(new double[] {x[2 * i], x[2 * i + 1]});
        }
        return j;
    }

    private static double[] outputs(Network net, double[] x, int count) {
        double[] f = new double[count];
        for (int i = 0; i < count; i++) {
            f[i] = net.output(new double[] {x[2 * i], x[2 * i + 1]});
        }
        return f;
    }

    private static double[] gram(double[][] a, double[][] b) {
        double[] k = new double[a.length * b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double s = 0;
                for (int p = 0; p < a[i].length; p++) {
                    s += a[i][p] * b[j][p];
                }
                k[i * b.length + j] = s;
            }
        }
        return k;
    }

    private static double maxRelative(double[] expected, double[] actual) {
        double scale = 0;
        double err = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            err = Math.max(err, Math.abs(actual[i] - expected[i]));
        }
        return err / scale;
    }
}
