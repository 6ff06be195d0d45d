package io.ntkstudio.plotmath;

import java.util.Locale;

/**
 * Numbers for a person to read: three significant digits, in plain notation between 0.001 and
 * 100,000 (0.449, 12.5, 3,210) and in scientific notation outside (2.40e-05), never both styles
 * for values of the same size. Exact values stay in the files; this is for the screen.
 */
public final class Numbers {
    private Numbers() {
    }

    public static String readable(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "—" : v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e-3 && a < 1e5) {
            int digits = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
            String s = String.format(Locale.ROOT, "%,." + digits + "f", v);
            return digits > 0 ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
