package io.ntkstudio.kernel;

import io.ntkstudio.network.Activation;

/**
 * Closed-form Gaussian moments (docs/ntk-math.md, "Infinite-width"): ReLU and its leaky variant by the
 * arc-cosine kernel of Cho &amp; Saul 2009, erf by Williams 1997, as in neural-tangents'
 * {@code stax.Relu}, {@code stax.LeakyRelu}, {@code stax.Erf}; linear trivially; sin by
 * E[sin u sin v] = e^{−(q1+q2)/2} sinh c and E[cos u cos v] = e^{−(q1+q2)/2} cosh c
 * (neural-tangents {@code stax.Sin}).
 */
final class ClosedFormMoments implements GaussianMoments {
    private final Activation activation;

    private ClosedFormMoments(Activation activation) {
        this.activation = activation;
    }

    /** The closed form for an activation, or null if it has none. */
    static GaussianMoments forActivation(Activation a) {
        return switch (a) {
            case RELU, LEAKY_RELU, ERF, LINEAR, SIN -> new ClosedFormMoments(a);
            case TANH, SIGMOID, GELU, SOFTPLUS -> null;
        };
    }

    @Override
    public void compute(double q1, double c, double q2, double[] out) {
        switch (activation) {
            case RELU -> arcCosine(q1, c, q2, 0.0, out);
            case LEAKY_RELU -> arcCosine(q1, c, q2, Activation.LEAKY_SLOPE, out);
            case ERF -> {
                double a = 1 + 2 * q1;
                double b = 1 + 2 * q2;
                out[0] = 2 / Math.PI * Math.asin(clamp(2 * c / Math.sqrt(a * b)));
                out[1] = 4 / Math.PI / Math.sqrt(a * b - 4 * c * c);
            }
            case LINEAR -> {
                out[0] = c;
                out[1] = 1.0;
            }
            case SIN -> {
                double s = 0.5 * (q1 + q2);
                if (s < 700) {
                    double e = Math.exp(-s);
                    out[0] = e * Math.sinh(c);
                    out[1] = e * Math.cosh(c);
                } else {
                    // e^{−s} and sinh c overflow apart, not together: |c| ≤ s, so both exponents are ≤ 0
                    double plus = Math.exp(c - s);
                    double minus = Math.exp(-c - s);
                    out[0] = 0.5 * (plus - minus);
                    out[1] = 0.5 * (plus + minus);
                }
            }
            // forActivation makes none for these
            case TANH, SIGMOID, GELU, SOFTPLUS -> throw new AssertionError(activation);
        }
    }

    /**
     * Leaky ReLU with slope α = α·u + (1−α)·relu(u): E[φφ] = α c + (1−α)² J₁ and
     * E[φ'φ'] = α + (1−α)² (π − θ)/(2π), with J₁ = √(q1 q2)/(2π) (sin θ + (π − θ) cos θ).
     */
    private static void arcCosine(double q1, double c, double q2, double alpha, double[] out) {
        // √(q q) is q exactly, so ρ = 1 at a point with itself and θ = 0: √q·√q would miss it by √ε in θ
        double norm = Math.sqrt(q1 * q2);
        double rho = norm > 0 ? clamp(c / norm) : 0.0;
        // fdlibm in Java: the same bits as Math.acos, without its native call
        double theta = Acos.of(rho);
        // Dividing last keeps ρ = ±1 exact: π/(2π) is exactly ½.
        double j1 = norm * (Math.sqrt(1 - rho * rho) + (Math.PI - theta) * rho) / (2 * Math.PI);
        double j0 = (Math.PI - theta) / (2 * Math.PI);
        double beta = (1 - alpha) * (1 - alpha);
        out[0] = alpha * c + beta * j1;
        out[1] = alpha + beta * j0;
    }

    private static double clamp(double r) {
        return Math.max(-1.0, Math.min(1.0, r));
    }
}
