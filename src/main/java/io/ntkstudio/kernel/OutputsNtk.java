package io.ntkstudio.kernel;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.BatchedPass;
import io.ntkstudio.network.LayerScales;
import io.ntkstudio.network.Network;
import java.util.Arrays;

/**
 * The empirical NTK of a network with C outputs between two sets of inputs, by the layer-wise
 * factorisation of {@link EmpiricalNtk} applied to every pair of outputs (Novak et al. 2022,
 * structured derivatives; docs/ntk-math.md, "Classes"):
 *
 * <pre>  Θ_cc'(X₁, X₂) = Σ_l (Δ_l^c(X₁) Δ_l^c'(X₂)ᵀ) ∘ (m_l² H_{l−1}(X₁) H_{l−1}(X₂)ᵀ + mb_l²)</pre>
 *
 * with Δ_{L+1}^c = e_c, so the output layer adds δ_cc' (m² H Hᵀ + mb²). Stacking Δ_l^c as the rows
 * (i, c) of one (n·C) × width matrix makes the full kernel one product per layer, and read as
 * n × (C·width) the same memory gives Σ_c Δ^c Δ^cᵀ, the output-averaged kernel
 * (1/C) Σ_c Θ_cc that the views show (neural-tangents' {@code trace_axes}). Rows and columns of
 * the full kernel are ordered point by point, (i, c) at i·C + c. One instance owns the workspaces.
 */
public final class OutputsNtk {
    private final BatchedPass first;
    private final BatchedPass second;
    private final int c;
    private final int n1;
    private final int n2;
    private final int width;
    private final double[][] stack1;
    private final double[][] stack2;
    private final double[] inputGram;
    private final MatrixBackend backend;
    private double[] deltaGram;

    /** The kernel between the inputs of two passes (the same pass for Θ(X, X)) of networks shaped like {@code shape}. */
    public OutputsNtk(Network shape, BatchedPass first, BatchedPass second, MatrixBackend backend) {
        this.first = first;
        this.second = second;
        this.c = shape.outputs();
        this.n1 = first.size();
        this.n2 = second.size();
        this.width = shape.config().width();
        this.backend = backend;
        int hidden = shape.layerCount() - 1;
        this.stack1 = new double[hidden][n1 * c * width];
        this.stack2 = first == second ? stack1 : new double[hidden][n2 * c * width];
        this.inputGram = new double[n1 * n2];
    }

    /** Bytes of the workspaces beyond the passes, for the full kernel when {@code full}. */

    /** Runs both passes of {@code net}, on {@code x1} and {@code x2}. */
    public void forward(Network net, double[] x1, double[] x2) {
        first.forward(net, x1);
        if (second != first) {
            second.forward(net, x2);
        }
    }

    /**
     * (1/C) Σ_c Θ_cc(X₁, X₂), n₁ × n₂, from the passes' last forward, into {@code out}. On one pass
     * (X₁ = X₂) the products are Gram products, half the work, and the upper triangle is mirrored.
     */
    public void averaged(Network net, double[] out) {
        stackDeltas(net);
        boolean self = second == first;
        if (deltaGram == null || deltaGram.length < n1 * n2) {
            deltaGram = new double[n1 * n2];
        }
        Arrays.fill(out, 0, n1 * n2, 0.0);
        int last = net.layerCount() - 1;
        for (int l = 0; l <= last; l++) {
            double mb2 = self ? inputGramSelf(net, l) : inputGram(net, l);
            if (l == last) {
                // (1/C) Σ_c e_cᵀ e_c = 1
                for (int k = 0; k < n1 * n2; k++) {
                    out[k] += inputGram[k] + mb2;
                }
                continue;
            }
            if (self) {
                backend.gram(1.0 / c, stack1[l], deltaGram, n1, c * width);
            } else {
                backend.multTransB(1.0 / c, stack1[l], stack2[l], deltaGram, n1, c * width, n2);
            }
            for (int k = 0; k < n1 * n2; k++) {
                out[k] += deltaGram[k] * (inputGram[k] + mb2);
            }
        }
        if (self) {
            // only the upper triangles were summed
            for (int i = 0; i < n1; i++) {
                for (int j = 0; j < i; j++) {
                    out[i * n1 + j] = out[j * n1 + i];
                }
            }
        }
    }

    /** As {@link #inputGram} on one pass, its upper triangle only. */
    private double inputGramSelf(Network net, int l) {
        LayerScales s = net.scales(l);
        double m = s.weightMultiplier();
        backend.gram(m * m, first.layerInput(l), inputGram, n1, net.fanIn(l));
        return s.biasMultiplier() * s.biasMultiplier();
    }

    /** The full Θ(X₁, X₂), (n₁C) × (n₂C) with (i, c) at i·C + c, from the passes' last forward, into {@code out}. */
    public void full(Network net, double[] out) {
        stackDeltas(net);
        int rows = n1 * c;
        int cols = n2 * c;
        // the full kernel is computed once per run: its workspace is not kept
        double[] deltaGram = new double[rows * cols];
        Arrays.fill(out, 0, rows * cols, 0.0);
        int last = net.layerCount() - 1;
        for (int l = 0; l <= last; l++) {
            double mb2 = inputGram(net, l);
            if (l == last) {
                for (int i = 0; i < n1; i++) {
                    for (int j = 0; j < n2; j++) {
                        double g = inputGram[i * n2 + j] + mb2;
                        for (int a = 0; a < c; a++) {
                            out[(i * c + a) * cols + j * c + a] += g;
                        }
                    }
                }
                continue;
            }
            backend.multTransB(1.0, stack1[l], stack2[l], deltaGram, rows, width, cols);
            for (int i = 0; i < n1; i++) {
                for (int a = 0; a < c; a++) {
                    int row = (i * c + a) * cols;
                    for (int j = 0; j < n2; j++) {
                        double g = inputGram[i * n2 + j] + mb2;
                        int at = row + j * c;
                        for (int b = 0; b < c; b++) {
                            out[at + b] += deltaGram[at + b] * g;
                        }
                    }
                }
            }
        }
    }

    /** m_l² H_{l−1}(X₁) H_{l−1}(X₂)ᵀ into the input Gram; returns the layer's mb_l². */
    private double inputGram(Network net, int l) {
        LayerScales s = net.scales(l);
        double m = s.weightMultiplier();
        backend.multTransB(m * m, first.layerInput(l), second.layerInput(l), inputGram, n1, net.fanIn(l), n2);
        return s.biasMultiplier() * s.biasMultiplier();
    }

    /** Δ_l^c of every output into the stacks, row (i, c) of layer l at (i·C + c)·width. */
    private void stackDeltas(Network net) {
        stack(net, first, stack1, n1);
        if (second != first) {
            stack(net, second, stack2, n2);
        }
    }

    private void stack(Network net, BatchedPass pass, double[][] stack, int n) {
        for (int a = 0; a < c; a++) {
            pass.computeDeltas(net, a);
            for (int l = 0; l < stack.length; l++) {
                double[] d = pass.delta(l);
                double[] out = stack[l];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(d, i * width, out, (i * c + a) * width, width);
                }
            }
        }
    }

    /** The full Θ(X₁, X₂) of {@code net}, allocating its own workspace. */
    public static double[] full(Network net, double[] x1, int n1, double[] x2, int n2) {
        MatrixBackend backend = MatrixBackend.current();
        OutputsNtk k = new OutputsNtk(net, new BatchedPass(net, n1, backend), new BatchedPass(net, n2, backend), backend);
        k.forward(net, x1, x2);
        double[] out = new double[n1 * n2 * net.outputs() * net.outputs()];
        k.full(net, out);
        return out;
    }

    /** The output-averaged Θ(X₁, X₂) of {@code net}, allocating its own workspace. */
    public static double[] averaged(Network net, double[] x1, int n1, double[] x2, int n2) {
        MatrixBackend backend = MatrixBackend.current();
        OutputsNtk k = new OutputsNtk(net, new BatchedPass(net, n1, backend), new BatchedPass(net, n2, backend), backend);
        k.forward(net, x1, x2);
        double[] out = new double[n1 * n2];
        k.averaged(net, out);
        return out;
    }

    /** The output-averaged Θ(X, X) of {@code net} on one pass, allocating its own workspace. */
    public static double[] averaged(Network net, double[] x, int n) {
        MatrixBackend backend = MatrixBackend.current();
        BatchedPass pass = new BatchedPass(net, n, backend);
        OutputsNtk k = new OutputsNtk(net, pass, pass, backend);
        k.forward(net, x, x);
        double[] out = new double[n * n];
        k.averaged(net, out);
        return out;
    }
}
