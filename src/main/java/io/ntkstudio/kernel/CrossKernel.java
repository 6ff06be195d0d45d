package io.ntkstudio.kernel;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.BatchedPass;
import io.ntkstudio.network.LayerScales;
import io.ntkstudio.network.Network;
import java.util.Arrays;

/**
 * The empirical NTK between two sets of inputs, Θ(X₁, X₂) (n₁ × n₂), by the same layer-wise
 * factorisation as {@link EmpiricalNtk} (Novak et al. 2022) with one pass per set:
 *
 * <pre>  Θ(X₁, X₂) = Σ_l (Δ_l(X₁) Δ_l(X₂)ᵀ) ∘ (m_l² H_{l−1}(X₁) H_{l−1}(X₂)ᵀ + mb_l²)</pre>
 *
 * One instance owns the workspaces for its two sizes and reuses them, so that a kernel slice
 * measured at every kernel interval allocates nothing.
 */
public final class CrossKernel {
    private final BatchedPass first;
    private final BatchedPass second;
    private final double[] deltaGram;
    private final double[] inputGram;
    private final MatrixBackend backend;
    private final int n1;
    private final int n2;

    public CrossKernel(Network shape, int n1, int n2) {
        this.backend = MatrixBackend.current();
        this.first = new BatchedPass(shape, n1, backend);
        this.second = new BatchedPass(shape, n2, backend);
        this.n1 = n1;
        this.n2 = n2;
        this.deltaGram = new double[n1 * n2];
        this.inputGram = new double[n1 * n2];
    }

    /** Bytes the workspaces take, for memory checks. */
    public static long bytesNeeded(int n1, int n2, int width, int depth) {
        return BatchedPass.bytesNeeded(n1, width, depth) + BatchedPass.bytesNeeded(n2, width, depth) + 16L * n1 * n2;
    }

    /** Writes Θ(X₁, X₂) of {@code net}, row-major n₁ × n₂, into {@code out}. */
    public void compute(Network net, double[] x1, double[] x2, double[] out) {
        first.forward(net, x1);
        first.computeDeltas(net);
        second.forward(net, x2);
        second.computeDeltas(net);
        Arrays.fill(out, 0, n1 * n2, 0.0);
        for (int l = 0; l < net.layerCount(); l++) {
            LayerScales s = net.scales(l);
            backend.multTransB(1.0, first.delta(l), second.delta(l), deltaGram, n1, net.fanOut(l), n2);
            double m = s.weightMultiplier();
            backend.multTransB(m * m, first.layerInput(l), second.layerInput(l), inputGram, n1, net.fanIn(l), n2);
            double mb2 = s.biasMultiplier() * s.biasMultiplier();
            for (int i = 0; i < n1 * n2; i++) {
                out[i] += deltaGram[i] * (inputGram[i] + mb2);
            }
        }
    }
}
