package io.ntkstudio.network;

/**
 * How one dense layer turns stored parameters into its pre-activation:
 * z = weightMultiplier · W h + biasMultiplier · b, with W ~ N(0, weightInitStd²) and
 * b ~ N(0, biasInitStd²) entry-wise at initialisation.
 */
public record LayerScales(double weightMultiplier, double weightInitStd,
                          double biasMultiplier, double biasInitStd) {
}
