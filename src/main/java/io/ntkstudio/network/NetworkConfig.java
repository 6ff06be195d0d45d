package io.ntkstudio.network;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.input.Range;

/**
 * Architecture and initialisation of a fully connected scalar-output network
 * (docs/ntk-math.md, "Network"): {@code depth} hidden layers of {@code width} units. The output
 * scale α makes the trained model f_α = f_0 + α (f − f_0), trained at rate η/α² (Chizat, Oyallon
 * &amp; Bach 2019; docs/ntk-math.md, "Lazy training by scaling"); α = 1 is the network itself.
 */
public record NetworkConfig(int width, int depth, Activation activation, Parameterization parameterization,
                            double sigmaW, double sigmaB, long seed, double outputScale) {
    public static final Range WIDTH = Range.integers("network.width", 1, 8192);
    public static final Range DEPTH = Range.integers("network.depth", 1, 10);
    public static final Range SIGMA_W = Range.numbers("network.sigmaW", 1e-3, 100);
    public static final Range SIGMA_B = Range.numbers("network.sigmaB", 0, 100);
    public static final Range OUTPUT_SCALE = Range.numbers("network.outputScale", 0.1, 1000);
    public static final Range SEED = Range.integers("network.seed", 0, 9_000_000_000_000_000L);
    public static final int MAX_WIDTH = (int) WIDTH.max();
    public static final int MAX_DEPTH = (int) DEPTH.max();
    public static final double MIN_OUTPUT_SCALE = OUTPUT_SCALE.min();
    public static final double MAX_OUTPUT_SCALE = OUTPUT_SCALE.max();

    /** A network without output scaling (α = 1). */
    public NetworkConfig(int width, int depth, Activation activation, Parameterization parameterization,
                         double sigmaW, double sigmaB, long seed) {
        this(width, depth, activation, parameterization, sigmaW, sigmaB, seed, 1.0);
    }

    public NetworkConfig {
        OUTPUT_SCALE.check(outputScale);
        WIDTH.check(width);
        DEPTH.check(depth);
        if (activation == null || parameterization == null) {
            throw new InvalidInputException("network.activation and network.parameterization are required");
        }
        SIGMA_W.check(sigmaW);
        SIGMA_B.check(sigmaB);
        SEED.check(seed);
    }

    /** The defaults of the command line: width 512, depth 2, relu, ntk, σ_w = √2, σ_b = 0.1, seed 0. */
    public static NetworkConfig defaults() {
        return new NetworkConfig(512, 2, Activation.RELU, Parameterization.NTK, Math.sqrt(2.0), 0.1, 0L);
    }

    public NetworkConfig withWidth(int newWidth) {
        return new NetworkConfig(newWidth, depth, activation, parameterization, sigmaW, sigmaB, seed, outputScale);
    }

    public NetworkConfig withDepth(int newDepth) {
        return new NetworkConfig(width, newDepth, activation, parameterization, sigmaW, sigmaB, seed, outputScale);
    }

    public NetworkConfig withActivation(Activation a) {
        return new NetworkConfig(width, depth, a, parameterization, sigmaW, sigmaB, seed, outputScale);
    }

    public NetworkConfig withSeed(long newSeed) {
        return new NetworkConfig(width, depth, activation, parameterization, sigmaW, sigmaB, newSeed, outputScale);
    }

    public NetworkConfig withParameterization(Parameterization p) {
        return new NetworkConfig(width, depth, activation, p, sigmaW, sigmaB, seed, outputScale);
    }

    public NetworkConfig withOutputScale(double alpha) {
        return new NetworkConfig(width, depth, activation, parameterization, sigmaW, sigmaB, seed, alpha);
    }

    /** Number of trainable parameters for inputs of dimension {@code inputDim}, one output. */
    public long parameterCount(int inputDim) {
        return parameterCount(inputDim, 1);
    }

    /** Number of trainable parameters for inputs of dimension {@code inputDim} and {@code outputs} outputs. */
    public long parameterCount(int inputDim, int outputs) {
        long hidden = (long) width * (width + 1) * (depth - 1);
        return (long) width * (inputDim + 1) + hidden + (long) (width + 1) * outputs;
    }
}
