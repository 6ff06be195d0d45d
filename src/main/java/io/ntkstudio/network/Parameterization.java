package io.ntkstudio.network;

import io.ntkstudio.input.InvalidInputException;
import java.util.Locale;

/**
 * The abc-parametrizations of Yang &amp; Hu 2021 ("Feature Learning in Infinite-Width Neural
 * Networks", Tensor Programs IV, Table 3): W_l = n^{−a_l} w_l, w_l ~ N(0, n^{−2b_l}), learning
 * rate η n^{−c}, with n the width; layer 1 is the input layer, layer L+1 the output layer.
 *
 * <pre>
 *            a_1    a_2..a_L   a_{L+1}   b_1   b_2..b_L   b_{L+1}   c
 *   SP        0        0          0        0      1/2       1/2     0
 *   NTK       0       1/2        1/2       0       0         0      0
 *   μP      −1/2       0         1/2      1/2     1/2       1/2     0
 * </pre>
 *
 * The width-independent constants follow docs/ntk-math.md: σ_w/√d0 on the input layer, σ_w on the
 * others. NTK and μP keep them in the forward multiplier (the NTK parameterization of Jacot et
 * al. 2018, neural-tangents {@code parameterization='ntk'}); SP stores the scaled weights
 * directly, W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²). Biases of NTK and SP use a = b = 0; μP
 * treats hidden biases as input weights (a = −1/2, b = 1/2), as Tensor Programs IV does.
 * Since c = 0 in all three, the learning rate is the same for every layer.
 */
public enum Parameterization {
    NTK("ntk"),
    STANDARD("standard"),
    MUP("mup");

    private final String id;

    Parameterization(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * Scales of layer {@code layer} (0 = input layer, depth = output layer) of a network whose
     * hidden layers have {@code width} units and whose input has {@code inputDim} features.
     */
    public LayerScales scales(int layer, int depth, int inputDim, int width, double sigmaW, double sigmaB) {
        boolean input = layer == 0;
        boolean output = layer == depth;
        int fanIn = input ? inputDim : width;
        double constant = input ? sigmaW / Math.sqrt(inputDim) : sigmaW;
        double n = width;
        return switch (this) {
            case NTK -> new LayerScales(sigmaW / Math.sqrt(fanIn), 1.0, sigmaB, 1.0);
            case STANDARD -> new LayerScales(1.0, sigmaW / Math.sqrt(fanIn), 1.0, sigmaB);
            case MUP -> {
                double a = input ? -0.5 : output ? 0.5 : 0.0;
                double b = 0.5;
                double weightMultiplier = constant * Math.pow(n, -a);
                double weightStd = Math.pow(n, -b);
                yield output
                        ? new LayerScales(weightMultiplier, weightStd, sigmaB, 1.0)
                        : new LayerScales(weightMultiplier, weightStd, sigmaB * Math.sqrt(n), 1.0 / Math.sqrt(n));
            }
        };
    }

    /** Parses a name such as {@code ntk}, {@code sp} or {@code μP}, case-insensitive; the message lists what is allowed. */
    public static Parameterization parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("sp")) {
            return STANDARD;
        }
        if (key.equals("μp") || key.equals("mu_p") || key.equals("mu-p")) {
            return MUP;
        }
        for (Parameterization p : values()) {
            if (p.id.equals(key)) {
                return p;
            }
        }
        throw new InvalidInputException("unknown parameterization '" + InvalidInputException.quote(name) + "'; allowed: ntk, standard, mup");
    }


    @Override
    public String toString() {
        return id;
    }
}
