package io.ntkstudio.network;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.input.Range;

/**
 * Architecture and initialisation of a fully connected network (docs/ntk-math.md, "Network"):
 * {@code depth} hidden layers of {@code width} units, or under {@link Architecture#RESIDUAL} a
 * dense stem, {@code depth} residual blocks of {@code width} units and the output layer
 * (docs/ntk-math.md, "Residual networks"; {@link #hiddenLayers()} counts both), or under
 * {@link Architecture#CONV} {@code depth} 3 × 3 convolutions of {@code width} channels, a readout
 * and the output layer (docs/ntk-math.md, "Convolutional networks"). The output
 * scale α makes the trained model f_α = f_0 + α (f − f_0), trained at rate η/α² (Chizat, Oyallon
 * &amp; Bach 2019; docs/ntk-math.md, "Lazy training by scaling"); α = 1 is the network itself.
 */
public record NetworkConfig(int width, int depth, Activation activation, Parameterization parameterization,
                            double sigmaW, double sigmaB, long seed, double outputScale, Layers layers) {
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

    /** A fully connected network ({@link Architecture#DENSE}). */
    public NetworkConfig(int width, int depth, Activation activation, Parameterization parameterization,
                         double sigmaW, double sigmaB, long seed, double outputScale) {
        this(width, depth, activation, parameterization, sigmaW, sigmaB, seed, outputScale, Layers.DENSE);
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
        if (layers == null) {
            throw new InvalidInputException("network.architecture is required: one of " + Architecture.ids());
        }
        if (layers.architecture() == Architecture.CONV && parameterization != Parameterization.NTK) {
            throw new InvalidInputException("network.architecture conv is built in NTK parameterization only (neural-tangents' stax "
                    + "conventions); set network.parameterization to ntk");
        }
    }

    public Architecture architecture() {
        return layers.architecture();
    }

    /** A conv network's readout; null for the others. */
    public Readout readout() {
        return layers.readout();
    }

    /**
     * The hidden layers of width units between input and output: {@code depth} for a dense
     * network, the stem and the {@code depth} blocks for a residual one.
     */
    public int hiddenLayers() {
        return switch (architecture()) {
            case DENSE, CONV -> depth;
            case RESIDUAL -> depth + 1;
        };
    }

    /** The layers in words, for captions: "depth 2", "residual, 2 blocks" or "conv, 2 convolutions, gap". */
    public String layersText() {
        return switch (architecture()) {
            case DENSE -> "depth " + depth;
            case RESIDUAL -> "residual, " + depth + (depth == 1 ? " block" : " blocks");
            case CONV -> "conv, " + depth + (depth == 1 ? " convolution" : " convolutions") + ", " + readout().id();
        };
    }

    /** Whether dense layer {@code l} (0-based) is a residual block: z_l = z_{l−1} + (1/√L)(…). */
    public boolean isBlock(int l) {
        return architecture() == Architecture.RESIDUAL && l >= 1 && l <= depth;
    }

    /** The defaults of the command line: width 512, depth 2, relu, ntk, σ_w = √2, σ_b = 0.1, seed 0. */
    public static NetworkConfig defaults() {
        return new NetworkConfig(512, 2, Activation.RELU, Parameterization.NTK, Math.sqrt(2.0), 0.1, 0L);
    }

    public NetworkConfig withWidth(int newWidth) {
        return new NetworkConfig(newWidth, depth, activation, parameterization, sigmaW, sigmaB, seed, outputScale, layers);
    }

    public NetworkConfig withDepth(int newDepth) {
        return new NetworkConfig(width, newDepth, activation, parameterization, sigmaW, sigmaB, seed, outputScale, layers);
    }

    public NetworkConfig withActivation(Activation a) {
        return new NetworkConfig(width, depth, a, parameterization, sigmaW, sigmaB, seed, outputScale, layers);
    }

    public NetworkConfig withSeed(long newSeed) {
        return new NetworkConfig(width, depth, activation, parameterization, sigmaW, sigmaB, newSeed, outputScale, layers);
    }

    public NetworkConfig withParameterization(Parameterization p) {
        return new NetworkConfig(width, depth, activation, p, sigmaW, sigmaB, seed, outputScale, layers);
    }

    public NetworkConfig withOutputScale(double alpha) {
        return new NetworkConfig(width, depth, activation, parameterization, sigmaW, sigmaB, seed, alpha, layers);
    }

    /** This network with architecture {@code a} (a conv network pools by default, {@link Layers#of}). */
    public NetworkConfig withArchitecture(Architecture a) {
        return withLayers(a == architecture() ? layers : Layers.of(a));
    }

    public NetworkConfig withLayers(Layers l) {
        return new NetworkConfig(width, depth, activation, parameterization, sigmaW, sigmaB, seed, outputScale, l);
    }

    /** Number of trainable parameters for inputs of dimension {@code inputDim}, one output. */
    public long parameterCount(int inputDim) {
        return parameterCount(inputDim, 1);
    }

    /** Number of trainable parameters for inputs of dimension {@code inputDim} and {@code outputs} outputs. */
    public long parameterCount(int inputDim, int outputs) {
        if (architecture() == Architecture.CONV) {
            long convs = 9L * width + width + (depth - 1) * (9L * width * width + width);
            return convs + (long) (convFeatures(inputDim) + 1) * outputs;
        }
        long hidden = (long) width * (width + 1) * (hiddenLayers() - 1);
        return (long) width * (inputDim + 1) + hidden + (long) (width + 1) * outputs;
    }

    /** A conv network's features after the readout for images of {@code inputDim} pixels: C·s² after flatten, C after pooling. */
    public int convFeatures(int inputDim) {
        return switch (readout()) {
            case FLATTEN -> width * inputDim;
            case GAP -> width;
        };
    }
}
