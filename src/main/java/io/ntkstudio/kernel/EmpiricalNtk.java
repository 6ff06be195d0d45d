package io.ntkstudio.kernel;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.BatchedPass;
import io.ntkstudio.network.LayerScales;
import io.ntkstudio.network.Network;
import java.util.Arrays;

/**
 * The empirical NTK Θ(x, x') = Σ_p ∂f(x)/∂θ_p ∂f(x')/∂θ_p of a finite network, by the layer-wise
 * factorisation of Novak et al. 2022 ("Fast Finite Width Neural Tangent Kernel", structured
 * derivatives) without forming the Jacobian (docs/ntk-math.md, "Empirical NTK"):
 *
 * <pre>  Θ = Σ_{l=1}^{L+1} (Δ_l Δ_lᵀ) ∘ (m_l² H_{l−1} H_{l−1}ᵀ + mb_l²)</pre>
 *
 * where m_l, mb_l are the layer's weight and bias multipliers ({@code c_l = σ_w/√fan_in} and
 * σ_b in NTK parameterization). One instance owns the workspaces for n inputs and reuses them.
 */
public final class EmpiricalNtk {
    private final BatchedPass pass;
    private final double[] deltaGram;
    private final double[] inputGram;
    private final MatrixBackend backend;
    private final int n;

    public EmpiricalNtk(Network shape, int n) {
        this(shape, n, MatrixBackend.current());
    }

    public EmpiricalNtk(Network shape, int n, MatrixBackend backend) {
        this(new BatchedPass(shape, n, backend), backend);
    }

    private EmpiricalNtk(BatchedPass pass, MatrixBackend backend) {
        this.n = pass.size();
        this.backend = backend;
        this.pass = pass;
        this.deltaGram = new double[n * n];
        this.inputGram = new double[n * n];
    }

    /**
     * A kernel that works on a pass its owner already runs (the training step's), so that a
     * kernel right after a forward pass on the same inputs need not repeat it:
     * see {@link #computeFromForward}.
     */
    public static EmpiricalNtk sharing(BatchedPass pass) {
        return new EmpiricalNtk(pass, MatrixBackend.current());
    }

    /** Bytes the workspaces take for n inputs, for memory checks. */
    public static long bytesNeeded(int n, int width, int depth) {
        return BatchedPass.bytesNeeded(n, width, depth) + 16L * n * n;
    }

    /** Writes Θ(X, X) (n × n, row-major) of {@code net} on the rows of {@code x} into {@code out}. */
    public void compute(Network net, double[] x, double[] out) {
        pass.forward(net, x);
        computeFromForward(net, out);
    }

    /** Θ(X, X) from the pass's last forward on X with the current parameters, into {@code out}. */
    public void computeFromForward(Network net, double[] out) {
        pass.computeDeltas(net);
        Arrays.fill(out, 0, n * n, 0.0);
        for (int l = 0; l < net.layerCount(); l++) {
            LayerScales s = net.scales(l);
            int fanOut = net.fanOut(l);
            backend.gram(1.0, pass.delta(l), deltaGram, n, fanOut);
            double m = s.weightMultiplier();
            backend.gram(m * m, pass.layerInput(l), inputGram, n, net.fanIn(l));
            double mb2 = s.biasMultiplier() * s.biasMultiplier();
            for (int i = 0; i < n; i++) {
                for (int k = i * n + i; k < (i + 1) * n; k++) {
                    out[k] += deltaGram[k] * (inputGram[k] + mb2);
                }
            }
        }
        // The Grams fill the upper triangle only; Θ is symmetric, so mirror it once here.
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                out[i * n + j] = out[j * n + i];
            }
        }
    }

    /** The outputs f(X) of the last {@link #compute}. Live buffer. */
    public double[] outputs() {
        return pass.outputs();
    }

    /** Θ(X1, X2), n1 × n2, by the same factorisation with two passes ({@link CrossKernel}), allocating its own workspace. */
    public static double[] cross(Network net, double[] x1, int n1, double[] x2, int n2) {
        double[] out = new double[n1 * n2];
        new CrossKernel(net, n1, n2).compute(net, x1, x2, out);
        return out;
    }

    /** Θ(X, X) of a network on n inputs, allocating its own workspace. */
    public static double[] of(Network net, double[] x, int n) {
        double[] out = new double[n * n];
        new EmpiricalNtk(net, n).compute(net, x, out);
        return out;
    }
}
