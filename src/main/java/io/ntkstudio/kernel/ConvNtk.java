package io.ntkstudio.kernel;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.ConvNetwork;
import io.ntkstudio.network.ConvPass;

/**
 * The empirical NTK of a {@link ConvNetwork}'s output o, Θ(x, x') = ∇θ f_o(x) · ∇θ f_o(x'), layer
 * by layer: a convolution's gradient for one image is the C × 9C_in matrix σ_w/√(9C_in) Σ_p
 * δ_p(x) a_p(x)ᵀ (its patches a_p against the backpropagated δ_p), formed with one product per
 * image, and the layer adds the Gram of those rows. That costs n² · 9C_in·C per layer, where the
 * sum over pairs of positions, Σ_{p,q} (a_p · a'_q)(δ_p · δ'_q), would cost n² s⁴ (9C_in + C): 35
 * times more at 8 × 8 and 128 channels.
 */
public final class ConvNtk {
    private ConvNtk() {
    }

    /** Θ(X, X) of output o on n images, n × n. */
    public static double[] train(ConvNetwork net, double[] x, int n, int o) {
        MatrixBackend backend = MatrixBackend.current();
        double[] k = new double[n * n];
        double[] part = new double[n * n];
        // each layer's rows are dropped once their Gram is in: the widest layer's alone is held
        ConvPass.forward(net, x, n, backend).jacobian(o, backend, (l, block) -> {
            backend.gram(1.0, block, part, n, block.length / n);
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    k[a * n + b] += part[a * n + b];
                }
            }
        });
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                k[a * n + b] = k[b * n + a];
            }
        }
        return k;
    }

    /** Θ(X1, X2) of output o, n1 × n2. */
    public static double[] cross(ConvNetwork net, double[] x1, int n1, double[] x2, int n2, int o) {
        MatrixBackend backend = MatrixBackend.current();
        double[][] j2 = ConvPass.forward(net, x2, n2, backend).jacobian(o, backend);
        double[] k = new double[n1 * n2];
        double[] part = new double[n1 * n2];
        ConvPass.forward(net, x1, n1, backend).jacobian(o, backend, (l, block) -> {
            backend.multTransB(1.0, block, j2[l], part, n1, block.length / n1, n2);
            for (int i = 0; i < k.length; i++) {
                k[i] += part[i];
            }
        });
        return k;
    }

    /**
     * The output-averaged Θ(X, X) = (1/K) Σ_o Θ_o of a K-output network on n images, n × n, into
     * {@code out}: one forward pass, K backward ones, each layer's rows dropped once in the Gram.
     */
    public static void averaged(ConvNetwork net, double[] x, int n, double[] out) {
        MatrixBackend backend = MatrixBackend.current();
        int outputs = net.outputs();
        java.util.Arrays.fill(out, 0, n * n, 0.0);
        double[] part = new double[n * n];
        ConvPass pass = ConvPass.forward(net, x, n, backend);
        for (int o = 0; o < outputs; o++) {
            pass.jacobian(o, backend, (l, block) -> {
                backend.gram(1.0 / outputs, block, part, n, block.length / n);
                for (int a = 0; a < n; a++) {
                    for (int b = a; b < n; b++) {
                        out[a * n + b] += part[a * n + b];
                    }
                }
            });
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                out[a * n + b] = out[b * n + a];
            }
        }
    }

    /**
     * The full Θ(X1, X2) of a K-output network, (n1·K) × (n2·K) with (i, o) at i·K + o, cross-output
     * blocks included: a convolution's parameters feed every output, so for each one the
     * gradients of all outputs are stacked, row i·K + o, and multiplied; the output layer's row o
     * feeds output o alone and adds to the diagonal blocks only.
     */
    public static double[] full(ConvNetwork net, double[] x1, int n1, double[] x2, int n2) {
        MatrixBackend backend = MatrixBackend.current();
        int k = net.outputs();
        boolean same = x1 == x2 && n1 == n2;
        ConvPass p1 = ConvPass.forward(net, x1, n1, backend);
        ConvPass p2 = same ? p1 : ConvPass.forward(net, x2, n2, backend);
        int rows = n1 * k;
        int cols = n2 * k;
        double[] out = new double[rows * cols];
        double[] part = new double[rows * cols];
        for (int l = 0; l < net.depth(); l++) {
            double[] a = stacked(p1, l, n1, k, backend);
            double[] b = same ? a : stacked(p2, l, n2, k, backend);
            int width = a.length / rows;
            if (same) {
                backend.gram(1.0, a, part, rows, width);
                for (int r = 0; r < rows; r++) {
                    for (int c = r; c < cols; c++) {
                        out[r * cols + c] += part[r * cols + c];
                    }
                }
            } else {
                backend.multTransB(1.0, a, b, part, rows, width, cols);
                for (int i = 0; i < part.length; i++) {
                    out[i] += part[i];
                }
            }
        }
        if (same) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < r; c++) {
                    out[r * cols + c] = out[c * cols + r];
                }
            }
        }
        // the output layer: m² features·features' + σ_b², the same for every output, on the diagonal blocks
        double[][] last = new double[2][];
        p1.jacobian(0, backend, (l, block) -> last[0] = block, net.depth());
        p2.jacobian(0, backend, (l, block) -> last[1] = block, net.depth());
        int f = net.features() + 1;
        double[] head = new double[n1 * n2];
        backend.multTransB(1.0, last[0], last[1], head, n1, f, n2);
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                for (int o = 0; o < k; o++) {
                    out[(i * k + o) * cols + j * k + o] += head[i * n2 + j];
                }
            }
        }
        return out;
    }

    /** Convolution l's gradient rows of every output on the pass's n images, stacked: row i·K + o. */
    private static double[] stacked(ConvPass pass, int l, int n, int k, MatrixBackend backend) {
        double[][] blocks = new double[k][];
        for (int o = 0; o < k; o++) {
            int output = o;
            pass.jacobian(o, backend, (layer, block) -> blocks[output] = block, l);
        }
        int width = blocks[0].length / n;
        double[] a = new double[n * k * width];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < k; o++) {
                System.arraycopy(blocks[o], i * width, a, (i * k + o) * width, width);
            }
        }
        return a;
    }

    /** Bytes {@link #full} holds at its peak: two stacked layers of gradient rows, the kernel and its scratch. */
    public static long bytesForFull(ConvNetwork net, int n1, int n2) {
        long widest = 0;
        for (int l = 0; l < net.depth(); l++) {
            widest = Math.max(widest, 9L * net.inChannels(l) * net.channels() + net.channels());
        }
        int k = net.outputs();
        long passes = 8L * (n1 + n2) * net.side() * net.side() * net.channels() * 13L;
        return 8L * widest * (2L * n1 * k + (long) (n1 + n2) * k) + 16L * n1 * k * n2 * k + passes;
    }

    /** Bytes the largest layer's gradient rows take for n images: a convolution of C channels in, n · (9C² + C) doubles. */
    public static long bytesNeeded(ConvNetwork net, int n) {
        long widest = 0;
        for (int l = 0; l < net.depth(); l++) {
            widest = Math.max(widest, 9L * net.inChannels(l) * net.channels() + net.channels());
        }
        widest = Math.max(widest, net.features() + 1L);
        return 8L * n * (widest + 2L * n) + 8L * n * net.side() * net.side() * net.channels() * 13L;
    }
}
