package io.ntkstudio.network;

import io.ntkstudio.linalg.MatrixBackend;

/**
 * The training pass of a conv {@link Network} (docs/ntk-math.md, "Convolutional networks") over n
 * images, in buffers allocated once. Convolution l is a product over n·s² patch rows (im2col,
 * row (i, p) holding the 3 × 3 patch of position p, zero where it is padding), so the optimiser's
 * update of a dense layer, −η m gᵀ A, is a convolution's too; backpropagation returns the patch
 * gradient to its pixels (col2im). Feature maps are position-major, (i·s² + p)·C + c, which makes
 * the flattened features the last maps themselves.
 */
public final class ConvBatchedPass implements Pass {
    private final int n;
    private final int s2;
    private final int channels;
    private final int depth;
    private final Readout readout;
    private final Patches patches;
    private final MatrixBackend backend;
    private final double[][] patchRows;
    private final double[][] maps;
    private final double[][] slopes;
    private final double[] features;
    private final double[] outputs;
    /** The gradient with respect to a layer's patch rows, and to the pooled features. */
    private final double[] patchGradient;
    private final double[] featureGradient;
    private final double[][] scaledBias;

    ConvBatchedPass(Network shape, int n, MatrixBackend backend) {
        NetworkConfig c = shape.config();
        int side = Patches.sideOf(shape.inputDim());
        this.n = n;
        this.s2 = side * side;
        this.channels = c.width();
        this.depth = c.depth();
        this.readout = c.readout();
        this.patches = new Patches(side);
        this.backend = backend;
        patchRows = new double[depth][];
        maps = new double[depth][n * s2 * channels];
        slopes = new double[depth][n * s2 * channels];
        for (int l = 0; l < depth; l++) {
            patchRows[l] = new double[n * s2 * shape.fanIn(l)];
        }
        features = readout == Readout.FLATTEN ? maps[depth - 1] : new double[n * channels];
        featureGradient = readout == Readout.FLATTEN ? null : new double[n * channels];
        patchGradient = new double[n * s2 * 9 * channels];
        outputs = new double[n * shape.outputs()];
        scaledBias = new double[depth + 1][];
        for (int l = 0; l <= depth; l++) {
            scaledBias[l] = new double[shape.fanOut(l)];
        }
    }

    /** Bytes this pass holds for n images of s² pixels and C channels in {@code depth} convolutions, K outputs. */
    public static long bytesNeeded(int n, int s2, int channels, int depth, int outputs) {
        long rows = (long) n * s2;
        long patchRows = rows * 9 * (1 + (long) (depth - 1) * channels);
        return 8L * (patchRows + 2L * depth * rows * channels + rows * 9 * channels + 2L * n * channels + (long) n * outputs);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void forward(Network net, double[] x) {
        if (x.length != n * s2) {
            throw new IllegalArgumentException("expected " + n + " images of " + s2 + " pixels, got " + x.length + " numbers");
        }
        Activation phi = net.config().activation();
        double[] in = x;
        for (int l = 0; l < depth; l++) {
            int cin = l == 0 ? 1 : channels;
            patches.im2col(in, n, cin, patchRows[l]);
            LayerScales s = net.scales(l);
            backend.multTransB(s.weightMultiplier(), patchRows[l], net.weightStorage(l), maps[l], n * s2, 9 * cin, channels);
            phi.applyWithBias(maps[l], bias(net, l), n * s2, channels, maps[l], slopes[l]);
            in = maps[l];
        }
        if (readout == Readout.GAP) {
            double[] last = maps[depth - 1];
            java.util.Arrays.fill(features, 0.0);
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < s2; p++) {
                    int at = (i * s2 + p) * channels;
                    for (int k = 0; k < channels; k++) {
                        features[i * channels + k] += last[at + k] / s2;
                    }
                }
            }
        }
        int k = net.outputs();
        backend.multTransB(net.scales(depth).weightMultiplier(), features, net.weightStorage(depth), outputs, n, net.fanIn(depth), k);
        double[] b = bias(net, depth);
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < k; o++) {
                outputs[i * k + o] += b[o];
            }
        }
    }

    private double[] bias(Network net, int l) {
        double[] b = net.biases(l);
        double m = net.scales(l).biasMultiplier();
        double[] sb = scaledBias[l];
        for (int o = 0; o < sb.length; o++) {
            sb[o] = m * b[o];
        }
        return sb;
    }


    @Override
    public double[] outputs() {
        return outputs;
    }

    /** Convolution l's patch rows (n·s² × 9·C_in), or the output layer's features (n × F). */
    @Override
    public double[] layerInput(int l) {
        return l == depth ? features : patchRows[l];
    }

    @Override
    public void propagate(Network net, int l, double[] g, double[] out) {
        double m = net.scales(l).weightMultiplier();
        int len = n * s2 * channels;
        if (l == depth) {
            if (readout == Readout.FLATTEN) {
                backend.mult(m, g, net.weightStorage(l), out, n, net.fanOut(l), net.fanIn(l));
            } else {
                backend.mult(m, g, net.weightStorage(l), featureGradient, n, net.fanOut(l), channels);
                for (int i = 0; i < n; i++) {
                    for (int p = 0; p < s2; p++) {
                        System.arraycopy(featureGradient, i * channels, out, (i * s2 + p) * channels, channels);
                    }
                }
                for (int r = 0; r < len; r++) {
                    out[r] /= s2;
                }
            }
        } else {
            int cols = net.fanIn(l);
            backend.mult(m, g, net.weightStorage(l), patchGradient, n * s2, channels, cols);
            patches.col2im(patchGradient, n, cols / 9, out);
        }
        double[] s = slopes[l - 1];
        for (int r = 0; r < len; r++) {
            out[r] *= s[r];
        }
    }
}
