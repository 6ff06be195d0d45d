package io.ntkstudio.kernel;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.ResidualNetwork;
import java.util.List;

/**
 * The empirical NTK of a {@link ResidualNetwork}'s output o, factorised per layer as for the dense
 * network: a layer whose gradient at point i is c_w g_i ⊗ a_i (weights) and c_b g_i (biases)
 * adds c_w² (g·g')(a·a') + c_b² (g·g').
 */
public final class ResidualNtk {
    private ResidualNtk() {
    }

    /** Θ(X1, X2) of output o, n1 × n2. */
    public static double[] cross(ResidualNetwork net, double[] x1, int n1, double[] x2, int n2, int o) {
        MatrixBackend backend = MatrixBackend.current();
        List<ResidualNetwork.LayerGradient> first = net.gradients(x1, n1, o, backend);
        List<ResidualNetwork.LayerGradient> second = x1 == x2 && n1 == n2 ? first : net.gradients(x2, n2, o, backend);
        double[] k = new double[n1 * n2];
        double[] gg = new double[n1 * n2];
        double[] aa = new double[n1 * n2];
        for (int l = 0; l < first.size(); l++) {
            ResidualNetwork.LayerGradient p = first.get(l);
            ResidualNetwork.LayerGradient q = second.get(l);
            backend.multTransB(1.0, p.g(), q.g(), gg, n1, p.rows(), n2);
            backend.multTransB(1.0, p.a(), q.a(), aa, n1, p.cols(), n2);
            double w2 = p.weight() * p.weight();
            double b2 = p.bias() * p.bias();
            for (int i = 0; i < k.length; i++) {
                k[i] += gg[i] * (w2 * aa[i] + b2);
            }
        }
        return k;
    }
}
