package io.ntkstudio.kernel;

/**
 * arccos, as fdlibm's {@code __ieee754_acos} (Sun Microsystems 1993, the algorithm of
 * {@link StrictMath#acos}), in Java so that the JIT inlines it: on this JDK {@code Math.acos} is a
 * native call of about 200 ns, and the CNTK with pooling evaluates it 4096 times per layer for each
 * pair of 8 × 8 images. Gives the same bits as {@link StrictMath#acos} (AcosTest).
 */
final class Acos {
    private static final double PI = 3.14159265358979311600e+00;
    private static final double PIO2_HI = 1.57079632679489655800e+00;
    private static final double PIO2_LO = 6.12323399573676603587e-17;
    private static final double PS0 = 1.66666666666666657415e-01;
    private static final double PS1 = -3.25565818622400915405e-01;
    private static final double PS2 = 2.01212532134862925881e-01;
    private static final double PS3 = -4.00555345006794114027e-02;
    private static final double PS4 = 7.91534994289814532176e-04;
    private static final double PS5 = 3.47933107596021167570e-05;
    private static final double QS1 = -2.40339491173441421878e+00;
    private static final double QS2 = 2.02094576023350569471e+00;
    private static final double QS3 = -6.88283971605453293030e-01;
    private static final double QS4 = 7.70381505559019352791e-02;

    private Acos() {
    }

    /** The rational approximation (asin(√z·…)) of fdlibm, R(z) = p(z)/q(z). */
    private static double r(double z) {
        double p = z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
        double q = 1.0 + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
        return p / q;
    }

    static double of(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x3ff00000) {
            if (((ix - 0x3ff00000) | (int) bits) == 0) {
                return hx > 0 ? 0.0 : PI + 2.0 * PIO2_LO;
            }
            return (x - x) / (x - x);
        }
        if (ix < 0x3fe00000) {
            if (ix <= 0x3c600000) {
                return PIO2_HI + PIO2_LO;
            }
            return PIO2_HI - (x - (PIO2_LO - x * r(x * x)));
        }
        if (hx < 0) {
            double z = (1.0 + x) * 0.5;
            double s = Math.sqrt(z);
            double w = r(z) * s - PIO2_LO;
            return PI - 2.0 * (s + w);
        }
        double z = (1.0 - x) * 0.5;
        double s = Math.sqrt(z);
        double df = Double.longBitsToDouble(Double.doubleToRawLongBits(s) & 0xffffffff00000000L);
        double c = (z - df * df) / (s + df);
        double w = r(z) * s + c;
        return 2.0 * (df + w);
    }
}
