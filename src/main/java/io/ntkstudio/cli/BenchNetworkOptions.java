package io.ntkstudio.cli;

import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import picocli.CommandLine.Option;

/**
 * The problem `bench` and `bench-ui` time: n inputs on the circle and a ReLU network of the given
 * width and depth under NTK parameterization (the size of numpy_reference.py's defaults).
 */
final class BenchNetworkOptions {
    @Option(names = "--n", paramLabel = "N", description = "train inputs on the circle (default: ${DEFAULT-VALUE})")
    int n = 256;

    @Option(names = "--width", paramLabel = "W", description = "hidden width (default: ${DEFAULT-VALUE})")
    int width = 1024;

    @Option(names = "--depth", paramLabel = "D", description = "hidden layers (default: ${DEFAULT-VALUE})")
    int depth = 3;

    /** The network, its width and depth checked against the records' ranges. */
    NetworkConfig network() {
        return new NetworkConfig(NetworkConfig.WIDTH.as("--width").check(width), NetworkConfig.DEPTH.as("--depth").check(depth),
                Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 0);
    }
}
