package io.ntkstudio.network;

import io.ntkstudio.input.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Pointwise nonlinearities φ with their derivatives φ'.
 *
 * <p>{@code gelu} is the exact x·Φ(x) (Hendrycks &amp; Gimpel 2016), {@code leaky_relu} has slope
 * {@value #LEAKY_SLOPE} for negative inputs, {@code erf} is the plain error function as in
 * neural-tangents' {@code stax.Erf}. At a kink (relu and leaky_relu at 0) the derivative takes
 * the right-hand value, as JAX does.
 */
public enum Activation {
    RELU("relu"),
    LEAKY_RELU("leaky_relu"),
    TANH("tanh"),
    ERF("erf"),
    SIGMOID("sigmoid"),
    GELU("gelu"),
    SOFTPLUS("softplus"),
    SIN("sin"),
    LINEAR("linear");

    /** Slope of leaky_relu for negative inputs. */
    public static final double LEAKY_SLOPE = 0.1;

    private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** The name used in files and on the command line, e.g. {@code leaky_relu}. */
    public String id() {
        return id;
    }

    /** φ(x). */
    public double value(double x) {
        return switch (this) {
            case RELU -> x > 0 ? x : 0.0;
            case LEAKY_RELU -> x > 0 ? x : LEAKY_SLOPE * x;
            case TANH -> Math.tanh(x);
            case ERF -> Erf.erf(x);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-x));
            case GELU -> 0.5 * x * Erf.erfc(-x * INV_SQRT_2);
            case SOFTPLUS -> x > 30 ? x : Math.log1p(Math.exp(x));
            case SIN -> Math.sin(x);
            case LINEAR -> x;
        };
    }

    /** φ'(x). */
    public double derivative(double x) {
        return switch (this) {
            case RELU -> x >= 0 ? 1.0 : 0.0;
            case LEAKY_RELU -> x >= 0 ? 1.0 : LEAKY_SLOPE;
            case TANH -> {
                double t = Math.tanh(x);
                yield 1.0 - t * t;
            }
            case ERF -> TWO_OVER_SQRT_PI * Math.exp(-x * x);
            case SIGMOID -> {
                double s = 1.0 / (1.0 + Math.exp(-x));
                yield s * (1.0 - s);
            }
            case GELU -> 0.5 * Erf.erfc(-x * INV_SQRT_2) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
            case SOFTPLUS -> 1.0 / (1.0 + Math.exp(-x));
            case SIN -> Math.cos(x);
            case LINEAR -> 1.0;
        };
    }

    /**
     * Applies φ to {@code z[0..len)} into {@code h} and φ' into {@code dh} in one pass
     * (either output may be null). The fused loop is the hot path of every forward pass.
     */
    public void apply(double[] z, double[] h, double[] dh, int len) {
        if (this == RELU) {
            for (int i = 0; i < len; i++) {
                double v = z[i];
                boolean on = v >= 0;
                if (h != null) {
                    h[i] = on ? v : 0.0;
                }
                if (dh != null) {
                    dh[i] = on ? 1.0 : 0.0;
                }
            }
            return;
        }
        for (int i = 0; i < len; i++) {
            double v = z[i];
            // tanh and the sigmoid give φ' from φ; the others compute each
            double f = switch (this) {
                case TANH -> Math.tanh(v);
                case SIGMOID -> 1.0 / (1.0 + Math.exp(-v));
                case RELU, LEAKY_RELU, ERF, GELU, SOFTPLUS, SIN, LINEAR -> value(v);
            };
            double d = switch (this) {
                case TANH -> 1.0 - f * f;
                case SIGMOID -> f * (1.0 - f);
                case RELU, LEAKY_RELU, ERF, GELU, SOFTPLUS, SIN, LINEAR -> derivative(v);
            };
            if (dh != null) {
                dh[i] = d;
            }
            if (h != null) {
                h[i] = f;
            }
        }
    }

    /**
     * Adds a bias to each row of z (rows × cols) and applies φ in the same pass: h = φ(z + bias),
     * dh = φ'(z + bias), in place when h == z. One pass over memory instead of two.
     */
    public void applyWithBias(double[] z, double[] bias, int rows, int cols, double[] h, double[] dh) {
        if (this == RELU) {
            for (int i = 0; i < rows; i++) {
                int row = i * cols;
                for (int o = 0; o < cols; o++) {
                    double v = z[row + o] + bias[o];
                    boolean on = v >= 0;
                    h[row + o] = on ? v : 0.0;
                    dh[row + o] = on ? 1.0 : 0.0;
                }
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int o = 0; o < cols; o++) {
                z[row + o] += bias[o];
            }
        }
        apply(z, h, dh, rows * cols);
    }

    /** Parses a name such as {@code relu}, case-insensitive; the message lists what is allowed. */
    public static Activation parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Activation a : values()) {
            if (a.id.equals(key)) {
                return a;
            }
        }
        throw new InvalidInputException("unknown activation '" + InvalidInputException.quote(name) + "'; allowed: " + names());
    }

    /** All names, comma-separated, for messages and help. */
    public static String names() {
        return Arrays.stream(values()).map(Activation::id).collect(Collectors.joining(", "));
    }


    @Override
    public String toString() {
        return id;
    }
}
