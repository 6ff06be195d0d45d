package io.ntkstudio.network;

import io.ntkstudio.linalg.MatrixBackend;

/**
 * A forward pass over a batch of n inputs and the batched backward pass of the output,
 * in buffers allocated once and reused: the hot path of training and of the empirical NTK.
 *
 * <p>After {@link #forward}: {@code layerInput(l)} = H_{l−1} (n × fan_in(l), with H_{−1} = X),
 * {@code slopes(l)} = φ'(z_l) for the hidden layers, {@code outputs()} = f(X) (n × C). After
 * {@link #computeDeltas(Network, int)} for output c: {@code delta(l)} = Δ_l with Δ_l[i] = ∂f_c(x_i)/∂z_l(x_i)
 * (Novak et al. 2022, "Fast Finite Width Neural Tangent Kernel", structured derivatives):
 * Δ_{L} = e_c, Δ_{l} = (m_{l+1} Δ_{l+1} W_{l+1}) ∘ φ'(z_l), plus Δ_{l+1} when layer l + 1 is a
 * residual block (z_{l+1} = z_l + branch).
 */
public final class BatchedPass implements Pass {
    private final int n;
    private final int inputDim;
    private final int width;
    private final int layers;
    private final int outputCount;
    /** The output whose Δ the delta buffers hold. */
    private int deltaOutput;
    private final double[][] hidden;
    private final double[][] slopes;
    private final double[][] deltas;
    private final double[] outputs;
    private final double[][] scaledBias;
    private final MatrixBackend backend;
    /** Which layers are residual blocks, and the residual stream z_l they add to (null for a dense network). */
    private final boolean[] block;
    private final double[] stream;
    private double[] input;

    public BatchedPass(Network shape, int n) {
        this(shape, n, MatrixBackend.current());
    }

    public BatchedPass(Network shape, int n, MatrixBackend backend) {
        this.n = n;
        this.inputDim = shape.inputDim();
        this.width = shape.config().width();
        this.layers = shape.layerCount();
        this.outputCount = shape.outputs();
        this.backend = backend;
        hidden = new double[layers - 1][n * width];
        slopes = new double[layers - 1][n * width];
        deltas = new double[layers][];
        for (int l = 0; l < layers - 1; l++) {
            deltas[l] = new double[n * width];
        }
        deltas[layers - 1] = new double[n * outputCount];
        for (int i = 0; i < n; i++) {
            deltas[layers - 1][i * outputCount] = 1.0;
        }
        outputs = new double[n * outputCount];
        block = new boolean[layers];
        for (int l = 0; l < layers; l++) {
            block[l] = shape.config().isBlock(l);
        }
        stream = shape.config().architecture() == Architecture.RESIDUAL ? new double[n * width] : null;
        scaledBias = new double[layers][];
        for (int l = 0; l < layers; l++) {
            scaledBias[l] = new double[shape.fanOut(l)];
        }
    }

    /** Bytes this pass holds for a network of that shape and n inputs, for memory checks. */
    public static long bytesNeeded(int n, int width, int depth) {
        return bytesNeeded(n, width, depth, 1);
    }

    /** As {@link #bytesNeeded(int, int, int)} for a network with {@code outputs} outputs. */
    public static long bytesNeeded(int n, int width, int depth, int outputs) {
        return 8L * n * width * depth * 3 + 16L * n * outputs;
    }

    @Override
    public int size() {
        return n;
    }

    /** Runs the network on the rows of {@code x} (n × inputDim, row-major). */
    @Override
    public void forward(Network net, double[] x) {
        if (x.length != n * inputDim) {
            throw new IllegalArgumentException("expected " + n + " × " + inputDim + " inputs, got " + x.length + " numbers");
        }
        input = x;
        Activation phi = net.config().activation();
        for (int l = 0; l < layers; l++) {
            double[] in = layerInput(l);
            int fanIn = net.fanIn(l);
            int fanOut = net.fanOut(l);
            double[] z = l < layers - 1 ? hidden[l] : outputs;
            LayerScales s = net.scales(l);
            backend.multTransB(s.weightMultiplier(), in, net.weightStorage(l), z, n, fanIn, fanOut);
            double[] b = net.biases(l);
            double mb = s.biasMultiplier();
            double[] sb = scaledBias[l];
            for (int o = 0; o < fanOut; o++) {
                sb[o] = mb * b[o];
            }
            if (l < layers - 1 && stream != null) {
                addToStream(z, sb, block[l], fanOut);
                phi.apply(z, z, slopes[l], n * fanOut);
            } else if (l < layers - 1) {
                phi.applyWithBias(z, sb, n, fanOut, z, slopes[l]);
            } else {
                for (int i = 0; i < n; i++) {
                    for (int o = 0; o < fanOut; o++) {
                        z[i * fanOut + o] += sb[o];
                    }
                }
            }
        }
    }

    /** z_l = (branch + bias) + z_{l−1} for a block, (product + bias) for the stem; kept as the stream and left in z. */
    private void addToStream(double[] z, double[] sb, boolean skip, int cols) {
        for (int i = 0; i < n; i++) {
            int row = i * cols;
            for (int o = 0; o < cols; o++) {
                double v = z[row + o] + sb[o] + (skip ? stream[row + o] : 0.0);
                z[row + o] = v;
                stream[row + o] = v;
            }
        }
    }

    /** Fills Δ_l of output 0 (the only one of a one-output network) for every layer from the last {@link #forward}. */
    public void computeDeltas(Network net) {
        computeDeltas(net, 0);
    }

    /** Fills Δ_l of output {@code c} for every layer from the last {@link #forward}. */
    public void computeDeltas(Network net, int c) {
        if (c != deltaOutput) {
            double[] last = deltas[layers - 1];
            for (int i = 0; i < n; i++) {
                last[i * outputCount + deltaOutput] = 0.0;
                last[i * outputCount + c] = 1.0;
            }
            deltaOutput = c;
        }
        for (int l = layers - 2; l >= 0; l--) {
            propagate(net, l + 1, deltas[l + 1], deltas[l]);
        }
    }

    /**
     * One step of backpropagation through layer {@code l}: out = (m_l · g W_l) ∘ φ'(z_{l−1}),
     * plus g itself through a residual block's skip, with g of shape n × fan_out(l). Shared by
     * {@link #computeDeltas} and the GD step.
     */
    @Override
    public void propagate(Network net, int l, double[] g, double[] out) {
        backend.mult(net.scales(l).weightMultiplier(), g, net.weightStorage(l), out, n, net.fanOut(l), net.fanIn(l));
        double[] s = slopes[l - 1];
        int len = n * width;
        if (block[l]) {
            for (int i = 0; i < len; i++) {
                out[i] = out[i] * s[i] + g[i];
            }
            return;
        }
        for (int i = 0; i < len; i++) {
            out[i] *= s[i];
        }
    }

    /** H_{l−1}: the input of layer l (X for l = 0). Live buffer. */
    @Override
    public double[] layerInput(int l) {
        return l == 0 ? input : hidden[l - 1];
    }

    /** φ'(z_l) of hidden layer l. Live buffer. */
    public double[] slopes(int l) {
        return slopes[l];
    }

    /** Δ_l, n × fan_out(l). Live buffer. */
    public double[] delta(int l) {
        return deltas[l];
    }

    /** f(x_i) for every input, n × C. Live buffer. */
    @Override
    public double[] outputs() {
        return outputs;
    }

    public int inputDim() {
        return inputDim;
    }
}
