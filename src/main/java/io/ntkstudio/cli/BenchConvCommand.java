package io.ntkstudio.cli;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.data.Samples;
import io.ntkstudio.input.Range;
import io.ntkstudio.kernel.ConvKernel;
import io.ntkstudio.kernel.ConvNtk;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.ConvNetwork;
import io.ntkstudio.network.Readout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-conv}: the kernels of convolutional networks on the built-in digits, timed: the
 * analytic CNTK with flatten and with global average pooling, and the empirical NTK of a finite
 * network (ReLU, σ_w = √2, σ_b = 0.1). Each is computed twice and the second time reported, the
 * first being the JIT's warm-up.
 */
@Command(name = "bench-conv", mixinStandardHelpOptions = true,
        header = "Times the kernels of convolutional networks on the digits.",
        description = {"Times the analytic CNTK (flatten and GAP readouts) and the empirical NTK of a conv network of --channels "
                + "channels on the train kernel of --n digits (8 × 8), depth --depth, and prints the times in seconds."})
final class BenchConvCommand implements Callable<Integer> {
    private static final Range N = Range.integers("--n", 2, 1000);

    @Option(names = "--n", paramLabel = "N", description = "digits, 2-1000 (default: ${DEFAULT-VALUE})")
    int n = 300;

    @Option(names = "--depth", paramLabel = "L", description = "convolutions, 1-10 (default: ${DEFAULT-VALUE})")
    int depth = 3;

    @Option(names = "--channels", paramLabel = "C", description = "channels of the finite network (default: ${DEFAULT-VALUE})")
    int channels = 128;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        N.check(n);
        io.ntkstudio.network.NetworkConfig.DEPTH.as("--depth").check(depth);
        io.ntkstudio.network.NetworkConfig.WIDTH.as("--channels").check(channels);
        Samples digits = DataSources.build(new DataSpec("digits", n, 1, "", 0, 0, 0, null, null), Path.of(".")).train();
        double[] x = digits.copyInputs();
        PrintWriter out = command.commandLine().getOut();
        for (Readout r : Readout.values()) {
            ConvKernel k = new ConvKernel(Activation.RELU, depth, Math.sqrt(2), 0.1, r);
            double s = twice(() -> k.compute(x, n, x, n, 64));
            out.printf(Locale.ROOT, "analytic CNTK, %s, %d digits, depth %d: %.2f s%n", r.id(), n, depth, s);
            out.flush();
        }
        ConvNetwork net = ConvNetwork.initialize(channels, depth, 8, 1, Activation.RELU, Math.sqrt(2), 0.1, Readout.GAP, 0);
        double s = twice(() -> ConvNtk.train(net, x, n, 0));
        out.printf(Locale.ROOT, "empirical conv NTK, gap, %d channels, %d digits, depth %d: %.2f s%n", channels, n, depth, s);
        return 0;
    }

    /** The seconds of the second of two runs of {@code work}. */
    private static double twice(Runnable work) {
        work.run();
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
