package io.ntkstudio.kernel;

import io.ntkstudio.network.NetworkConfig;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The infinite-width NNGP 𝒦 and NTK Θ_∞ of one architecture in NTK parameterization, as the kernel
 * regime's limit and the NTK-GP use them: the dense recursion ({@link AnalyticKernel}), the
 * residual one ({@link ResidualKernel}) or the convolutional one ({@link ConvKernel}).
 */
public interface LimitKernel {
    /** Both kernels between rows of X1 and X2 (dimension {@code dim}), checking {@code cancelled} as it goes. */
    AnalyticKernel.Result compute(double[] x1, int n1, double[] x2, int n2, int dim, BooleanSupplier cancelled);

    /** As {@link #compute(double[], int, double[], int, int, BooleanSupplier)}, telling {@code progress} the share done (0 to 1) where it can. */
    default AnalyticKernel.Result compute(double[] x1, int n1, double[] x2, int n2, int dim, BooleanSupplier cancelled,
                                          DoubleConsumer progress) {
        AnalyticKernel.Result r = compute(x1, n1, x2, n2, dim, cancelled);
        progress.accept(1);
        return r;
    }

    /** The limit of the networks {@code cfg} describes. */
    static LimitKernel of(NetworkConfig cfg) {
        return switch (cfg.architecture()) {
            case DENSE -> new AnalyticKernel(cfg.activation(), cfg.depth(), cfg.sigmaW(), cfg.sigmaB());
            case RESIDUAL -> new ResidualKernel(cfg.activation(), cfg.depth(), cfg.sigmaW(), cfg.sigmaB());
            case CONV -> new ConvKernel(cfg.activation(), cfg.depth(), cfg.sigmaW(), cfg.sigmaB(), cfg.readout());
        };
    }
}
