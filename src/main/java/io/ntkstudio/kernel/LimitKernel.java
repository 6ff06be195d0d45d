package io.ntkstudio.kernel;

import io.ntkstudio.network.NetworkConfig;
import java.util.function.BooleanSupplier;

/**
 * The infinite-width NNGP 𝒦 and NTK Θ_∞ of one architecture in NTK parameterization, as the kernel
 * regime's limit and the NTK-GP use them: the dense recursion ({@link AnalyticKernel}), the
 * residual one ({@link ResidualKernel}) or the convolutional one ({@link ConvKernel}).
 */
public interface LimitKernel {
    /** Both kernels between rows of X1 and X2 (dimension {@code dim}), checking {@code cancelled} as it goes. */
    AnalyticKernel.Result compute(double[] x1, int n1, double[] x2, int n2, int dim, BooleanSupplier cancelled);

    /** The limit of the networks {@code cfg} describes. */
    static LimitKernel of(NetworkConfig cfg) {
        return switch (cfg.architecture()) {
            case DENSE -> new AnalyticKernel(cfg.activation(), cfg.depth(), cfg.sigmaW(), cfg.sigmaB());
            case RESIDUAL -> new ResidualKernel(cfg.activation(), cfg.depth(), cfg.sigmaW(), cfg.sigmaB());
            case CONV -> throw new IllegalStateException("no NetworkConfig is convolutional");
        };
    }
}
