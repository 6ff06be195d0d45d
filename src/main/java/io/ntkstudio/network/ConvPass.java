package io.ntkstudio.network;

import io.ntkstudio.linalg.MatrixBackend;

/**
 * One forward pass of a {@link ConvNetwork} over n images with everything backpropagation needs:
 * per convolution its patch matrix (im2col, (n·s²) × (9·C_in)), its pre-activations and φ' there;
 * the readout's features (n × F) and the outputs (n × K). {@link #jacobian} then gives the
 * gradient of one output with respect to every parameter, image by image.
 */
public final class ConvPass {
    private final ConvNetwork net;
    private final int n;
    private final int s2;
    private final double[][] patchRows;
    private final double[][] slope;
    private final double[] lastMaps;
    private final double[] features;
    private final double[] outputs;

    private ConvPass(ConvNetwork net, int n) {
        this.net = net;
        this.n = n;
        this.s2 = net.side() * net.side();
        this.patchRows = new double[net.depth()][];
        this.slope = new double[net.depth()][];
        this.lastMaps = new double[n * s2 * net.channels()];
        this.features = net.readout() == Readout.FLATTEN ? lastMaps : new double[n * net.channels()];
        this.outputs = new double[n * net.outputs()];
    }

    /** The pass of {@code net} over the n images of {@code x} (rows of s² pixels). */
    public static ConvPass forward(ConvNetwork net, double[] x, int n, MatrixBackend backend) {
        ConvPass pass = new ConvPass(net, n);
        pass.run(x, backend);
        return pass;
    }

    private void run(double[] x, MatrixBackend backend) {
        int c = net.channels();
        double[] maps = x;
        for (int l = 0; l < net.depth(); l++) {
            int cin = net.inChannels(l);
            patchRows[l] = new double[n * s2 * 9 * cin];
            net.patches().im2col(maps, n, cin, patchRows[l]);
            double[] z = new double[n * s2 * c];
            backend.multTransB(net.convMultiplier(l), patchRows[l], net.w[l], z, n * s2, 9 * cin, c);
            double[] h = l == net.depth() - 1 ? lastMaps : new double[z.length];
            slope[l] = new double[z.length];
            for (int r = 0; r < n * s2; r++) {
                for (int k = 0; k < c; k++) {
                    z[r * c + k] += net.sigmaB() * net.b[l][k];
                }
            }
            net.activation().apply(z, h, slope[l], z.length);
            maps = h;
        }
        if (net.readout() == Readout.GAP) {
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < s2; p++) {
                    for (int k = 0; k < c; k++) {
                        features[i * c + k] += lastMaps[(i * s2 + p) * c + k] / s2;
                    }
                }
            }
        }
        int f = net.features();
        backend.multTransB(net.outMultiplier(), features, net.wOut, outputs, n, f, net.outputs());
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < net.outputs(); o++) {
                outputs[i * net.outputs() + o] += net.sigmaB() * net.bOut[o];
            }
        }
    }


    /** The outputs, n × K row-major (not a copy). */
    public double[] outputs() {
        return outputs;
    }

    /** Told each block of the Jacobian as it is formed; it may keep it. */
    public interface BlockSink {
        void accept(int block, double[] rows);
    }

    /**
     * ∂f_o/∂θ of every image, one block per layer: for convolution l, n × (C·9·C_in + C), the
     * weights in {@link ConvNetwork}'s layout then the biases; last ({@code depth}), the output
     * layer's row o, n × (F + 1), weights then bias (the other outputs' rows have no gradient).
     */
    public double[][] jacobian(int o, MatrixBackend backend) {
        double[][] blocks = new double[net.depth() + 1][];
        jacobian(o, backend, (l, rows) -> blocks[l] = rows);
        return blocks;
    }

    /** As {@link #jacobian(int, MatrixBackend)}, each block handed to {@code sink} (output layer first) and not kept here. */
    public void jacobian(int o, MatrixBackend backend, BlockSink sink) {
        jacobian(o, backend, sink, -1);
    }

    /**
     * As {@link #jacobian(int, MatrixBackend, BlockSink)}, forming only layer {@code only}'s block
     * (−1: every layer's; the output layer's is {@code depth}), backpropagating no further down than it.
     */
    public void jacobian(int o, MatrixBackend backend, BlockSink sink, int only) {
        int c = net.channels();
        int f = net.features();
        double[] out = new double[n * (f + 1)];
        double m = net.outMultiplier();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                out[i * (f + 1) + j] = m * features[i * f + j];
            }
            out[i * (f + 1) + f] = net.sigmaB();
        }
        if (only < 0 || only == net.depth()) {
            sink.accept(net.depth(), out);
        }
        // ∂f_o/∂(last feature maps): the same for every image
        double[] dMaps = new double[n * s2 * c];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < s2; p++) {
                for (int k = 0; k < c; k++) {
                    dMaps[(i * s2 + p) * c + k] = switch (net.readout()) {
                        case FLATTEN -> m * net.wOut[o * f + p * c + k];
                        case GAP -> m * net.wOut[o * f + k] / s2;
                    };
                }
            }
        }
        for (int l = net.depth() - 1; l >= 0 && (only < 0 || l >= only); l--) {
            int cin = net.inChannels(l);
            int cols = 9 * cin;
            double[] dz = dMaps;
            for (int r = 0; r < dz.length; r++) {
                dz[r] *= slope[l][r];
            }
            if (only < 0 || only == l) {
                sink.accept(l, layerBlock(l, dz, backend));
            }
            if (l > Math.max(only, 0)) {
                double[] dPatches = new double[n * s2 * cols];
                backend.mult(net.convMultiplier(l), dz, net.w[l], dPatches, n * s2, c, cols);
                dMaps = new double[n * s2 * cin];
                net.patches().col2im(dPatches, n, cin, dMaps);
            }
        }
    }

    /** Rows i of [σ_w/√(9C_in) · dZ_iᵀ A_i (C × 9C_in), σ_b Σ_p dZ_i]: convolution l's gradient per image. */
    private double[] layerBlock(int l, double[] dz, MatrixBackend backend) {
        int c = net.channels();
        int cols = 9 * net.inChannels(l);
        int width = c * cols + c;
        double[] block = new double[n * width];
        double[] dzT = new double[c * s2];
        double[] a = new double[s2 * cols];
        double[] g = new double[c * cols];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < s2; p++) {
                for (int k = 0; k < c; k++) {
                    double v = dz[(i * s2 + p) * c + k];
                    dzT[k * s2 + p] = v;
                    block[i * width + c * cols + k] += net.sigmaB() * v;
                }
            }
            System.arraycopy(patchRows[l], i * s2 * cols, a, 0, s2 * cols);
            backend.mult(net.convMultiplier(l), dzT, a, g, c, s2, cols);
            System.arraycopy(g, 0, block, i * width, c * cols);
        }
        return block;
    }
}
