package io.ntkstudio.network;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.linalg.WeightStorage;
import java.util.Random;

/**
 * A fully connected network with C ≥ 1 outputs (the last layer is C × width) and its stored trainable parameters
 * (docs/ntk-math.md, "Network"; Jacot et al. 2018; Yang &amp; Hu 2021 for the parameterizations):
 *
 * <pre>
 *   z_1     = m_1 · W_1 x       + mb_1 · b_1
 *   z_{l+1} = m_{l+1} · W_{l+1} φ(z_l) + mb_{l+1} · b_{l+1},   f(x) = z_{L+1}
 * </pre>
 *
 * with multipliers m, mb from {@link Parameterization#scales}. Layer l (0-based) stores W as
 * fan_out × fan_in row-major. Initialisation draws, from one {@code java.util.Random(seed)}, the
 * entries of W_1 row by row, then b_1, then W_2, b_2, …; {@code Random} is specified to give the
 * same numbers on every JVM. The arrays are live: the training thread that owns the network
 * updates them in place.
 */
public final class Network {
    private final NetworkConfig config;
    private final int inputDim;
    private final int outputs;
    private final WeightStorage[] weights;
    private final double[][] biases;
    private final LayerScales[] scales;

    private Network(NetworkConfig config, int inputDim, int outputs, WeightStorage[] weights, double[][] biases) {
        this.config = config;
        this.inputDim = inputDim;
        this.outputs = outputs;
        this.weights = weights;
        this.biases = biases;
        int hidden = config.hiddenLayers();
        this.scales = new LayerScales[hidden + 1];
        // a residual block's branch is scaled by 1/√L (Marion, Fermanian, Biau & Vert 2025), weights and bias alike
        double branch = 1 / Math.sqrt(config.depth());
        for (int l = 0; l <= hidden; l++) {
            // a conv network is in NTK parameterization (NetworkConfig holds it): σ_w/√fan-in, σ_b
            LayerScales s = config.architecture() == Architecture.CONV
                    ? new LayerScales(config.sigmaW() / Math.sqrt(fanIn(l)), 1.0, config.sigmaB(), 1.0)
                    : config.parameterization().scales(l, hidden, inputDim, config.width(), config.sigmaW(), config.sigmaB());
            scales[l] = config.isBlock(l)
                    ? new LayerScales(branch * s.weightMultiplier(), s.weightInitStd(), branch * s.biasMultiplier(), s.biasInitStd())
                    : s;
        }
    }

    /** A freshly initialised network with one output for inputs of dimension {@code inputDim}. */
    public static Network initialize(NetworkConfig config, int inputDim) {
        return initialize(config, inputDim, 1);
    }

    /** A freshly initialised network with {@code outputs} outputs for inputs of dimension {@code inputDim}. */
    public static Network initialize(NetworkConfig config, int inputDim, int outputs) {
        if (inputDim < 1) {
            throw new InvalidInputException("inputs must have at least one column, got " + inputDim);
        }
        if (outputs < 1) {
            throw new IllegalArgumentException("a network needs at least one output, got " + outputs);
        }
        if (config.architecture() == Architecture.CONV) {
            Patches.sideOf(inputDim);
        }
        int layers = config.hiddenLayers() + 1;
        WeightStorage[] w = new WeightStorage[layers];
        double[][] b = new double[layers][];
        Network net = new Network(config, inputDim, outputs, w, b);
        Random random = new Random(config.seed());
        for (int l = 0; l < layers; l++) {
            LayerScales s = net.scales[l];
            double[] wl = new double[net.fanOut(l) * net.fanIn(l)];
            for (int i = 0; i < wl.length; i++) {
                wl[i] = s.weightInitStd() * random.nextGaussian();
            }
            w[l] = new WeightStorage(wl);
            b[l] = new double[net.fanOut(l)];
            for (int i = 0; i < b[l].length; i++) {
                b[l][i] = s.biasInitStd() * random.nextGaussian();
            }
        }
        return net;
    }

    /**
     * A network with the given stored parameters (copied), e.g. read back from a file; its number
     * of outputs is that of the last layer's biases.
     */
    public static Network of(NetworkConfig config, int inputDim, double[][] weights, double[][] biases) {
        int hidden = config.hiddenLayers();
        if (weights.length != hidden + 1 || biases.length != hidden + 1) {
            throw new InvalidInputException("expected " + (hidden + 1) + " layers for depth " + config.depth() + ", got " + weights.length);
        }
        Network shape = new Network(config, inputDim, biases[hidden].length, new WeightStorage[hidden + 1], new double[hidden + 1][]);
        for (int l = 0; l <= hidden; l++) {
            if (weights[l].length != shape.fanIn(l) * shape.fanOut(l) || biases[l].length != shape.fanOut(l)) {
                throw new InvalidInputException("layer " + l + " has the wrong shape for width "
                        + config.width() + " and input dimension " + inputDim);
            }
            shape.weights[l] = new WeightStorage(weights[l].clone());
            shape.biases[l] = biases[l].clone();
        }
        return shape;
    }

    public Network copy() {
        double[][] w = new double[weights.length][];
        for (int l = 0; l < w.length; l++) {
            w[l] = weights[l].read();
        }
        return of(config, inputDim, w, biases);
    }

    public NetworkConfig config() {
        return config;
    }

    public int inputDim() {
        return inputDim;
    }

    /** C, the number of outputs. */
    public int outputs() {
        return outputs;
    }

    /** Number of dense layers: the hidden layers ({@link NetworkConfig#hiddenLayers()}) and the output. */
    public int layerCount() {
        return weights.length;
    }

    /** A dense layer's inputs; a convolution's 9·C_in (one 3 × 3 patch); a conv network's output layer's the readout's features. */
    public int fanIn(int layer) {
        if (config.architecture() == Architecture.CONV) {
            return layer == config.depth() ? config.convFeatures(inputDim) : 9 * (layer == 0 ? 1 : config.width());
        }
        return layer == 0 ? inputDim : config.width();
    }

    /** The product rows layer l has per input: s² for a convolution (one per position), 1 for a dense layer. */
    public int rowsPerPoint(int layer) {
        return config.architecture() == Architecture.CONV && layer < config.depth() ? inputDim : 1;
    }

    public int fanOut(int layer) {
        return layer == config.hiddenLayers() ? outputs : config.width();
    }

    public LayerScales scales(int layer) {
        return scales[layer];
    }

    /**
     * Live weights of a layer, fan_out × fan_in row-major, current and free to change (a native
     * backend refreshes its copy before its next product).
     */
    public double[] weights(int layer) {
        return weights[layer].write();
    }

    /** The weights of a layer as a {@link MatrixBackend} computes on them. */
    public WeightStorage weightStorage(int layer) {
        return weights[layer];
    }

    /** Live biases of a layer. */
    public double[] biases(int layer) {
        return biases[layer];
    }

    public long parameterCount() {
        long count = 0;
        for (int l = 0; l < weights.length; l++) {
            count += weights[l].length() + biases[l].length;
        }
        return count;
    }

    /** f(x) of a one-output network for one input, by plain loops: an oracle independent of the batched path. */
    public double output(double[] x) {
        return outputsOf(x)[0];
    }

    /** The C outputs f(x) for one input, by plain loops. */
    public double[] outputsOf(double[] x) {
        requireFullyConnected();
        double[] h = x;
        double[] stream = null;
        for (int l = 0; l < layerCount(); l++) {
            double[] z = affine(l, h);
            if (l == layerCount() - 1) {
                return z;
            }
            if (config.isBlock(l)) {
                for (int i = 0; i < z.length; i++) {
                    z[i] += stream[i];
                }
            }
            stream = z.clone();
            for (int i = 0; i < z.length; i++) {
                z[i] = config.activation().value(z[i]);
            }
            h = z;
        }
        throw new AssertionError();
    }

    /**
     * ∇θ f(x) of a one-output network for one input by plain backpropagation, flattened in the order of
     * {@link #flatParameters()}: a row of the Jacobian J used as the oracle of the factorised NTK.
     */
    public double[] parameterGradient(double[] x) {
        return parameterGradient(x, 0);
    }

    /** ∇θ f_c(x), output c's row of the Jacobian, by plain backpropagation. */
    public double[] parameterGradient(double[] x, int output) {
        requireFullyConnected();
        int layers = layerCount();
        double[][] inputs = new double[layers][];
        double[][] slopes = new double[layers][];
        double[] h = x;
        double[] stream = null;
        for (int l = 0; l < layers; l++) {
            inputs[l] = h;
            double[] z = affine(l, h);
            if (l < layers - 1) {
                if (config.isBlock(l)) {
                    for (int i = 0; i < z.length; i++) {
                        z[i] += stream[i];
                    }
                }
                stream = z.clone();
                slopes[l] = new double[z.length];
                for (int i = 0; i < z.length; i++) {
                    slopes[l][i] = config.activation().derivative(z[i]);
                    z[i] = config.activation().value(z[i]);
                }
            }
            h = z;
        }
        double[] grad = new double[Math.toIntExact(parameterCount())];
        int[] offsets = layerOffsets();
        double[] delta = new double[outputs];
        delta[output] = 1.0;
        for (int l = layers - 1; l >= 0; l--) {
            int in = fanIn(l);
            int off = offsets[l];
            LayerScales s = scales[l];
            for (int o = 0; o < delta.length; o++) {
                for (int i = 0; i < in; i++) {
                    grad[off + o * in + i] = s.weightMultiplier() * delta[o] * inputs[l][i];
                }
                grad[off + delta.length * in + o] = s.biasMultiplier() * delta[o];
            }
            if (l > 0) {
                double[] w = weights[l].read();
                double[] next = new double[in];
                for (int i = 0; i < in; i++) {
                    double sum = 0;
                    for (int o = 0; o < delta.length; o++) {
                        sum += delta[o] * w[o * in + i];
                    }
                    next[i] = s.weightMultiplier() * sum * slopes[l - 1][i] + (config.isBlock(l) ? delta[i] : 0);
                }
                delta = next;
            }
        }
        return grad;
    }

    /** The plain-loop oracles are the dense and residual networks'; a conv network's is {@link ConvNetwork}. */
    private void requireFullyConnected() {
        if (config.architecture() == Architecture.CONV) {
            throw new UnsupportedOperationException("the plain-loop oracle is for fully connected networks; use ConvNetwork.viewOf");
        }
    }

    /** All stored parameters as one vector: W_1 (row-major), b_1, W_2, b_2, … */
    public double[] flatParameters() {
        double[] flat = new double[Math.toIntExact(parameterCount())];
        int pos = 0;
        for (int l = 0; l < layerCount(); l++) {
            double[] w = weights[l].read();
            System.arraycopy(w, 0, flat, pos, w.length);
            pos += w.length;
            System.arraycopy(biases[l], 0, flat, pos, biases[l].length);
            pos += biases[l].length;
        }
        return flat;
    }

    /** Overwrites the stored parameters from a vector in the order of {@link #flatParameters()}. */
    public void setFlatParameters(double[] flat) {
        int pos = 0;
        for (int l = 0; l < layerCount(); l++) {
            double[] w = weights[l].write();
            System.arraycopy(flat, pos, w, 0, w.length);
            pos += w.length;
            System.arraycopy(flat, pos, biases[l], 0, biases[l].length);
            pos += biases[l].length;
        }
    }

    /** Σ_p θ_p², over all stored parameters. */
    public double squaredNorm() {
        double sum = 0;
        for (int l = 0; l < layerCount(); l++) {
            double[] w = weights[l].read();
            sum += dot(w, w) + dot(biases[l], biases[l]);
        }
        return sum;
    }

    /** Σ_p (θ_p − θ'_p)² against a network of the same shape. */
    public double squaredDistance(Network other) {
        double sum = 0;
        for (int l = 0; l < layerCount(); l++) {
            sum += squaredDifference(weights[l].read(), other.weights[l].read())
                    + squaredDifference(biases[l], other.biases[l]);
        }
        return sum;
    }

    private int[] layerOffsets() {
        int[] offsets = new int[layerCount()];
        int pos = 0;
        for (int l = 0; l < layerCount(); l++) {
            offsets[l] = pos;
            pos += weights[l].length() + biases[l].length;
        }
        return offsets;
    }

    private double[] affine(int l, double[] h) {
        int in = fanIn(l);
        double[] z = new double[fanOut(l)];
        LayerScales s = scales[l];
        double[] w = weights[l].read();
        for (int o = 0; o < z.length; o++) {
            double sum = 0;
            for (int i = 0; i < in; i++) {
                sum += w[o * in + i] * h[i];
            }
            z[o] = s.weightMultiplier() * sum + s.biasMultiplier() * biases[l][o];
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double squaredDifference(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
