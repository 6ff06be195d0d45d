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
