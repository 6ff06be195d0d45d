package io.ntkstudio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntkstudio.kernel.ConvKernel;
import io.ntkstudio.kernel.ConvNtk;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.ConvNetwork;
import io.ntkstudio.network.Readout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kernel --architecture conv | residual}: the CNTK, the CNN-GP and a conv network's empirical
 * NTK, the residual network's kernels, and what it refuses.
 */
class ConvKernelCliTest {
    @TempDir
    Path dir;

    private Path images(String name, int n, long seed) throws Exception {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 16; p++) {
                b.append(p == 0 ? "" : ",").append(r.nextGaussian());
            }
            b.append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void writesTheAnalyticKernelsOfEitherReadoutAndTheEmpiricalOne() throws Exception {
        Path x = images("x.csv", 5, 1);
        Path t = images("t.csv", 3, 2);
        double[] xs = CliTest.readMatrix(x);
        double[] ts = CliTest.readMatrix(t);
        Path out = dir.resolve("k.csv");
        assertEquals(0, CliTest.run("kernel", "--x", t.toString(), "--x2", x.toString(), "--depth", "2", "--activation", "relu",
                "--analytic", "--architecture", "conv", "--readout", "flatten", "--out", out.toString()).code());
        assertArrayEquals(new ConvKernel(Activation.RELU, 2, Math.sqrt(2), 0.1, Readout.FLATTEN).compute(ts, 3, xs, 5, 16).ntk(),
                CliTest.readMatrix(out), 0.0);
        // GAP by default; the NNGP with --nngp
        assertEquals(0, CliTest.run("kernel", "--x", x.toString(), "--depth", "1", "--activation", "tanh", "--analytic", "--nngp",
                "--architecture", "conv", "--sigma-w", "1.2", "--out", out.toString()).code());
        assertArrayEquals(new ConvKernel(Activation.TANH, 1, 1.2, 0.1, Readout.GAP).compute(xs, 5, xs, 5, 16).nngp(),
                CliTest.readMatrix(out), 0.0);
        CliTest.Result r = CliTest.run("kernel", "--x", x.toString(), "--depth", "2", "--activation", "relu", "--width", "8",
                "--seed", "3", "--architecture", "conv", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        ConvNetwork net = ConvNetwork.initialize(8, 2, 4, 1, Activation.RELU, Math.sqrt(2), 0.1, Readout.GAP, 3);
        assertArrayEquals(ConvNtk.train(net, xs, 5, 0), CliTest.readMatrix(out), 0.0);
    }

    @Test
    void refusesNonSquareImagesAReadoutWithoutConvAndOtherParameterizations() throws Exception {
        Path odd = Files.writeString(dir.resolve("odd.csv"), "1,2,3\n4,5,6\n");
        Path x = images("x.csv", 2, 1);
        String out = dir.resolve("k.csv").toString();
        CliTest.assertBadInput(CliTest.run("kernel", "--x", odd.toString(), "--depth", "1", "--activation", "relu", "--analytic",
                "--architecture", "conv", "--out", out), "3 columns, which is not a square");
        CliTest.assertBadInput(CliTest.run("kernel", "--x", x.toString(), "--depth", "1", "--activation", "relu", "--analytic",
                "--readout", "gap", "--out", out), "--readout applies to --architecture conv");
        CliTest.assertBadInput(CliTest.run("kernel", "--x", x.toString(), "--depth", "1", "--activation", "relu", "--width", "4",
                "--architecture", "conv", "--parameterization", "mup", "--out", out), "NTK parameterization only");
        CliTest.assertBadInput(CliTest.run("kernel", "--x", x.toString(), "--depth", "1", "--activation", "relu", "--analytic",
                "--architecture", "recurrent", "--out", out), "--architecture must be one of dense, residual, conv");
        CliTest.assertBadInput(CliTest.run("kernel", "--x", x.toString(), "--depth", "1", "--activation", "relu", "--analytic",
                "--architecture", "conv", "--readout", "max", "--out", out), "--readout must be one of flatten, gap");
    }

    @Test
    void writesTheResidualNetworksKernels() throws Exception {
        Path x = images("x.csv", 4, 5);
        double[] xs = CliTest.readMatrix(x);
        Path out = dir.resolve("r.csv");
        assertEquals(0, CliTest.run("kernel", "--x", x.toString(), "--depth", "3", "--activation", "erf", "--analytic",
                "--architecture", "residual", "--out", out.toString()).code());
        assertArrayEquals(new io.ntkstudio.kernel.ResidualKernel(Activation.ERF, 3, Math.sqrt(2), 0.1).compute(xs, 4, xs, 4, 16).ntk(),
                CliTest.readMatrix(out), 0.0);
        CliTest.Result r = CliTest.run("kernel", "--x", x.toString(), "--depth", "2", "--activation", "relu", "--width", "16",
                "--architecture", "residual", "--seed", "4", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        io.ntkstudio.network.ResidualNetwork net = io.ntkstudio.network.ResidualNetwork.initialize(16, 2, 16, 1, Activation.RELU,
                Math.sqrt(2), 0.1, 4);
        assertArrayEquals(io.ntkstudio.kernel.ResidualNtk.cross(net, xs, 4, xs, 4, 0), CliTest.readMatrix(out), 0.0);
    }
}
