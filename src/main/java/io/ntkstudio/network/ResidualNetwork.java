package io.ntkstudio.network;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.linalg.MatrixBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fully connected residual network in NTK parameterization (docs/ntk-math.md, "Residual
 * networks"): a stem z_0 = σ_w/√d W_0 x + σ_b b_0 of width n, {@code depth} = L blocks
 * z_k = z_{k−1} + (1/√L)(σ_w/√n W_k φ(z_{k−1}) + σ_b b_k), and a dense output
 * f = σ_w/√n V φ(z_L) + σ_b b. The branch's 1/√L is the scaling of Marion, Fermanian, Biau &amp; Vert
 * 2025 for i.i.d. initialisation. Every weight and bias N(0, 1).
 */
public final class ResidualNetwork {
    private final int width;
    private final int depth;
    private final int inputDim;
    private final int outputs;
    private final Activation activation;
    private final double sigmaW;
    private final double sigmaB;
    /** W_0 … W_L (W_0 n × d, the blocks' n × n), then the output's K × n. */
    final double[][] w;
    final double[][] b;

    private ResidualNetwork(int width, int depth, int inputDim, int outputs, Activation activation, double sigmaW, double sigmaB, long seed) {
        NetworkConfig.WIDTH.check(width);
        NetworkConfig.DEPTH.check(depth);
        if (outputs < 1) {
            throw new InvalidInputException("a network needs at least one output, got " + outputs);
        }
        this.width = width;
        this.depth = depth;
        this.inputDim = inputDim;
        this.outputs = outputs;
        this.activation = activation;
        this.sigmaW = sigmaW;
        this.sigmaB = sigmaB;
        Random r = new Random(seed);
        w = new double[depth + 2][];
        b = new double[depth + 2][];
        for (int l = 0; l < depth + 2; l++) {
            int rows = l == depth + 1 ? outputs : width;
            int cols = l == 0 ? inputDim : width;
            w[l] = gaussian(r, rows * cols);
            b[l] = gaussian(r, rows);
        }
    }

    public static ResidualNetwork initialize(int width, int depth, int inputDim, int outputs, Activation activation, double sigmaW,
                                             double sigmaB, long seed) {
        return new ResidualNetwork(width, depth, inputDim, outputs, activation, sigmaW, sigmaB, seed);
    }

    private static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    public int width() {
        return width;
    }

    public int depth() {
        return depth;
    }

    public int outputs() {
        return outputs;
    }

    public Activation activation() {
        return activation;
    }

    public double sigmaW() {
        return sigmaW;
    }

    public double sigmaB() {
        return sigmaB;
    }

    /** The branch scale 1/√L. */
    double branch() {
        return 1 / Math.sqrt(depth);
    }

    /**
     * One layer's part of ∂f_o/∂θ on m points: the weights' gradient of point i is
     * {@code weight} · g_i ⊗ a_i and the biases' {@code bias} · g_i, with g (m × rows) and
     * a (m × cols) row-major.
     */
    public record LayerGradient(double[] g, double[] a, int rows, int cols, double weight, double bias) {
    }

    /** The outputs on m points, m × K. */
    public double[] outputs(double[] x, int m, MatrixBackend backend) {
        return new Pass(x, m, backend).f;
    }

    /** ∂f_o/∂θ on m points, layer by layer: the stem, the blocks, the output layer (its row o). */
    public List<LayerGradient> gradients(double[] x, int m, int o, MatrixBackend backend) {
        return new Pass(x, m, backend).backward(o, backend);
    }

    /** A forward pass with what the backward pass needs. */
    private final class Pass {
        final double[] x;
        final int m;
        final double[][] z = new double[depth + 1][];
        final double[][] h = new double[depth + 1][];
        final double[][] slope = new double[depth + 1][];
        final double[] f;

        Pass(double[] x, int m, MatrixBackend backend) {
            this.x = x;
            this.m = m;
            z[0] = new double[m * width];
            backend.multTransB(sigmaW / Math.sqrt(inputDim), x, w[0], z[0], m, inputDim, width);
            addBias(z[0], b[0], sigmaB, width);
            double beta = branch();
            double[] u = new double[m * width];
            for (int k = 1; k <= depth + 1; k++) {
                h[k - 1] = new double[m * width];
                slope[k - 1] = new double[m * width];
                activation.apply(z[k - 1], h[k - 1], slope[k - 1], m * width);
                if (k == depth + 1) {
                    break;
                }
                backend.multTransB(sigmaW / Math.sqrt(width), h[k - 1], w[k], u, m, width, width);
                addBias(u, b[k], sigmaB, width);
                z[k] = z[k - 1].clone();
                for (int i = 0; i < u.length; i++) {
                    z[k][i] += beta * u[i];
                }
            }
            f = new double[m * outputs];
            backend.multTransB(sigmaW / Math.sqrt(width), h[depth], w[depth + 1], f, m, width, outputs);
            addBias(f, b[depth + 1], sigmaB, outputs);
        }

        List<LayerGradient> backward(int o, MatrixBackend backend) {
            double mw = sigmaW / Math.sqrt(width);
            double beta = branch();
            List<LayerGradient> layers = new ArrayList<>();
            double[] ones = new double[m];
            java.util.Arrays.fill(ones, 1.0);
            layers.add(new LayerGradient(ones, h[depth], 1, width, mw, sigmaB));
            // ∂f_o/∂z_L
            double[] g = new double[m * width];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < width; j++) {
                    g[i * width + j] = mw * w[depth + 1][o * width + j] * slope[depth][i * width + j];
                }
            }
            double[] back = new double[m * width];
            for (int k = depth; k >= 1; k--) {
                layers.add(new LayerGradient(g.clone(), h[k - 1], width, width, beta * mw, beta * sigmaB));
                // through the branch: ∂z_k/∂z_{k−1} = I + β mw diag(φ'(z_{k−1})) W_kᵀ
                backend.mult(beta * mw, g, w[k], back, m, width, width);
                for (int i = 0; i < g.length; i++) {
                    g[i] += back[i] * slope[k - 1][i];
                }
            }
            layers.add(new LayerGradient(g, x, width, inputDim, sigmaW / Math.sqrt(inputDim), sigmaB));
            java.util.Collections.reverse(layers);
            return layers;
        }

        private void addBias(double[] z, double[] bias, double scale, int cols) {
            for (int r = 0; r < z.length / cols; r++) {
                for (int c = 0; c < cols; c++) {
                    z[r * cols + c] += scale * bias[c];
                }
            }
        }
    }
}
