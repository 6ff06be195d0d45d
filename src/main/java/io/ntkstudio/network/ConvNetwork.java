package io.ntkstudio.network;

import io.ntkstudio.input.InvalidInputException;
import java.util.Random;

/**
 * A convolutional network on one-channel s × s images in NTK parameterization, as neural-tangents'
 * {@code stax.serial(Conv(C, (3, 3), padding='SAME'), φ, …, Flatten() | GlobalAvgPool(), Dense(K))}
 * (docs/ntk-math.md, "Convolutional networks"): {@code depth} 3 × 3 convolutions of {@code channels}
 * channels, stride 1, SAME zero padding, each followed by the activation, then the readout and a
 * dense layer of K outputs. Every weight and bias is N(0, 1); a convolution multiplies by
 * σ_w/√(9·C_in), the output layer by σ_w/√F (F = C·s² after flatten, C after pooling), biases by σ_b.
 *
 * <p>Feature maps are stored position-major, value (image i, position p, channel c) at
 * (i·s² + p)·C + c, so that a convolution is one product of the patch matrix (i, p) × (offset k,
 * channel c') with the weights, C_out × (9·C_in) with column k·C_in + c' (im2col).
 */
public final class ConvNetwork {
    private final int channels;
    private final int depth;
    private final int side;
    private final int outputs;
    private final Activation activation;
    private final double sigmaW;
    private final double sigmaB;
    private final Readout readout;
    private final Patches patches;
    final double[][] w;
    final double[][] b;
    final double[] wOut;
    final double[] bOut;

    private ConvNetwork(int channels, int depth, int side, int outputs, Activation activation, double sigmaW, double sigmaB,
                        Readout readout, long seed) {
        NetworkConfig.WIDTH.as("the channels").check(channels);
        NetworkConfig.DEPTH.check(depth);
        if (outputs < 1) {
            throw new InvalidInputException("a network needs at least one output, got " + outputs);
        }
        this.channels = channels;
        this.depth = depth;
        this.side = side;
        this.outputs = outputs;
        this.activation = activation;
        this.sigmaW = sigmaW;
        this.sigmaB = sigmaB;
        this.readout = readout;
        this.patches = new Patches(side);
        Random r = new Random(seed);
        this.w = new double[depth][];
        this.b = new double[depth][];
        for (int l = 0; l < depth; l++) {
            w[l] = gaussian(r, channels * 9 * inChannels(l));
            b[l] = gaussian(r, channels);
        }
        this.wOut = gaussian(r, outputs * features());
        this.bOut = gaussian(r, outputs);
    }

    private ConvNetwork(Network net) {
        NetworkConfig c = net.config();
        this.channels = c.width();
        this.depth = c.depth();
        this.side = Patches.sideOf(net.inputDim());
        this.outputs = net.outputs();
        this.activation = c.activation();
        this.sigmaW = c.sigmaW();
        this.sigmaB = c.sigmaB();
        this.readout = c.readout();
        this.patches = new Patches(side);
        this.w = new double[depth][];
        this.b = new double[depth][];
        for (int l = 0; l < depth; l++) {
            w[l] = net.weightStorage(l).read();
            b[l] = net.biases(l);
        }
        this.wOut = net.weightStorage(depth).read();
        this.bOut = net.biases(depth);
    }

    /**
     * The conv {@link Network} {@code net} as a ConvNetwork over the same arrays (current now), for
     * its kernels and as the oracle of its passes: the two store the same parameters in the same
     * layout, and from one seed draw the same numbers.
     */
    public static ConvNetwork viewOf(Network net) {
        if (net.config().architecture() != Architecture.CONV) {
            throw new IllegalArgumentException("not a conv network: " + net.config().architecture().id());
        }
        return new ConvNetwork(net);
    }

    /** A network at initialisation from {@code seed}, for images of {@code side} × {@code side} pixels. */
    public static ConvNetwork initialize(int channels, int depth, int side, int outputs, Activation activation, double sigmaW,
                                         double sigmaB, Readout readout, long seed) {
        return new ConvNetwork(channels, depth, side, outputs, activation, sigmaW, sigmaB, readout, seed);
    }

    private static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    public int channels() {
        return channels;
    }

    public int depth() {
        return depth;
    }

    public int side() {
        return side;
    }

    public int outputs() {
        return outputs;
    }

    public Activation activation() {
        return activation;
    }

    public Readout readout() {
        return readout;
    }

    public double sigmaW() {
        return sigmaW;
    }

    public double sigmaB() {
        return sigmaB;
    }

    Patches patches() {
        return patches;
    }

    /** C_in of convolution l: 1 for the first, the channels after. */
    public int inChannels(int l) {
        return l == 0 ? 1 : channels;
    }

    /** F, the output layer's fan-in: C·s² after flatten, C after global average pooling. */
    public int features() {
        return switch (readout) {
            case FLATTEN -> channels * side * side;
            case GAP -> channels;
        };
    }

    /** σ_w/√(9·C_in) of convolution l. */
    double convMultiplier(int l) {
        return sigmaW / Math.sqrt(9.0 * inChannels(l));
    }

    double outMultiplier() {
        return sigmaW / Math.sqrt(features());
    }

    /** The number of trainable parameters. */
    public long parameterCount() {
        long n = 0;
        for (int l = 0; l < depth; l++) {
            n += w[l].length + b[l].length;
        }
        return n + wOut.length + bOut.length;
    }

    /** The outputs on n images (rows of s² pixels), n × K row-major. */
    public double[] outputs(double[] x, int n, io.ntkstudio.linalg.MatrixBackend backend) {
        return ConvPass.forward(this, x, n, backend).outputs();
    }
}
