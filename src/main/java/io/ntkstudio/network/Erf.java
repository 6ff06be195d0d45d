package io.ntkstudio.network;

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^{−t²} dt, to about 1e-15 relative, in pure Java.
 *
 * <p>For |x| &lt; 3 it sums the series with positive terms only,
 * erf(x) = 2/√π · e^{−x²} · Σₖ 2ᵏ x^{2k+1} / (1·3·…·(2k+1))
 * (Abramowitz &amp; Stegun 7.1.6), so no digits are lost to cancellation. For |x| ≥ 3 it evaluates
 * erfc(x) by the continued fraction of A&amp;S 7.1.14 with the modified Lentz method.
 * {@link StrictMath} keeps the values identical on every machine.
 */
public final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2.0 / StrictMath.sqrt(StrictMath.PI);
    private static final double ONE_OVER_SQRT_PI = 1.0 / StrictMath.sqrt(StrictMath.PI);

    private Erf() {
    }

    /** erf(x). */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        if (a < 3.0) {
            return series(x);
        }
        double r = a > 6.5 ? 1.0 : 1.0 - erfcContinuedFraction(a);
        return x < 0 ? -r : r;
    }

    /** erfc(x) = 1 − erf(x), accurate in the tail where 1 − erf would cancel. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x >= 3.0) {
            return x > 27.3 ? 0.0 : erfcContinuedFraction(x);
        }
        if (x <= -3.0) {
            return 2.0 - (x < -6.5 ? 0.0 : erfcContinuedFraction(-x));
        }
        return 1.0 - series(x);
    }

    private static double series(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int k = 1; k < 200; k++) {
            term *= 2.0 * x2 / (2 * k + 1);
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * StrictMath.exp(-x2) * sum;
    }

    /** erfc(x) for x ≥ 3: e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))). */
    private static double erfcContinuedFraction(double x) {
        final double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0.0;
        for (int k = 1; k < 300; k++) {
            double ak = k * 0.5;
            d = x + ak * d;
            d = d == 0 ? tiny : d;
            c = x + ak / c;
            c = c == 0 ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return ONE_OVER_SQRT_PI * StrictMath.exp(-x * x) / f;
    }
}
