package io.ntkstudio.plotmath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks at "nice" values: multiples of 1, 2 or 5 times a power of ten on a linear axis
 * (Heckbert 1990, "Nice numbers for graph labels"), powers of ten on a log axis.
 */
public final class Ticks {
    private Ticks() {
    }

    /** About {@code target} ticks covering [lo, hi] on a linear axis, inside the range; at least two when hi > lo. */
    public static List<Double> linear(double lo, double hi, int target) {
        List<Double> ticks = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            if (Double.isFinite(lo)) {
                ticks.add(lo);
            }
            return ticks;
        }
        double step = niceStep((hi - lo) / Math.max(1, target));
        // a step near the range's width can leave one tick inside it (0 on [0, 466] with a step of
        // 500: an axis with a single number has no scale); the next smaller nice step gives two
        while (Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9) < 1 && step > 0 && Double.isFinite(step)) {
            step = smallerNice(step);
        }
        double first = Math.ceil(lo / step - 1e-9) * step;
        if (!(step > 0) || !Double.isFinite(step) || (hi - first) / step > 1000) {
            ticks.add(lo);
            ticks.add(hi);
            return ticks;
        }
        long k0 = Math.round(first / step);
        for (long k = k0; k * step <= hi + step * 1e-9; k++) {
            double t = k * step;
            // k·step is off by an ulp for steps like 0.2; 12 significant digits give the intended value.
            ticks.add(t == 0 ? 0.0 : Double.parseDouble(String.format(Locale.ROOT, "%.12g", t)));
        }
        return ticks;
    }

    /**
     * Ticks for a log axis on [lo, hi] (lo > 0): powers of ten (every k-th one when there are too
     * many); when fewer than two fit, 1-2-5 multiples; when still fewer, linear ticks.
     */
    public static List<Double> log(double lo, double hi, int target) {
        List<Double> ticks = new ArrayList<>();
        if (!(lo > 0) || !(hi >= lo) || !Double.isFinite(hi)) {
            return ticks;
        }
        int a = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int b = (int) Math.floor(Math.log10(hi) + 1e-9);
        int every = Math.max(1, (int) Math.ceil((b - a + 1) / (double) Math.max(1, target)));
        for (int e = a; e <= b; e++) {
            if ((e - a) % every == 0) {
                ticks.add(Math.pow(10, e));
            }
        }
        if (ticks.size() >= 2) {
            return ticks;
        }
        List<Double> finer = new ArrayList<>();
        for (int e = a - 1; e <= b; e++) {
            for (double m : new double[] {1, 2, 5}) {
                double t = m * Math.pow(10, e);
                if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) {
                    finer.add(t);
                }
            }
        }
        return finer.size() >= 2 ? finer : linear(lo, hi, Math.max(2, target / 2));
    }

    /** The nice step below {@code step} (itself 1, 2 or 5 × 10^k): 5 → 2, 2 → 1, 1 → 0.5. */
    static double smallerNice(double step) {
        double base = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double f = Math.round(step / base);
        return f >= 5 ? 2 * base : f >= 2 ? base : 0.5 * base;
    }

    /** 1, 2 or 5 × 10^k, the smallest at least {@code rough}. */
    public static double niceStep(double rough) {
        double exp = Math.floor(Math.log10(rough));
        double base = Math.pow(10, exp);
        double f = rough / base;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * base;
    }

    /**
     * Labels for the ticks of one axis, in one style: on a log axis powers of ten as 10^{k} (drawn
     * as 10⁻⁴ by the charts' math text) and other ticks as m·10^{k} when any of them is outside
     * 0.001–100,000; on a linear axis all plain, or all m·10^{k} when any tick needs it.
     */
    public static List<String> labels(List<Double> ticks, boolean log) {
        boolean scientific = false;
        for (double t : ticks) {
            double a = Math.abs(t);
            if (a != 0 && (a < 1e-3 || a >= 1e5)) {
                scientific = true;
            }
        }
        List<String> out = new ArrayList<>();
        for (double t : ticks) {
            out.add(!scientific ? label(t) : power(t, log));
        }
        return out;
    }

    /** m·10^{k}, or 10^{k} when m = 1 (exponent with a true minus sign). */
    private static String power(double v, boolean log) {
        if (v == 0) {
            return "0";
        }
        int e = (int) Math.floor(Math.log10(Math.abs(v)) + 1e-9);
        double m = v / Math.pow(10, e);
        String exp = "10^{" + (e < 0 ? "−" + (-e) : Integer.toString(e)) + "}";
        if (Math.abs(Math.abs(m) - 1) < 1e-9) {
            return (m < 0 ? "−" : "") + exp;
        }
        String mant = String.format(Locale.ROOT, "%.2f", m).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mant + "·" + exp;
    }

    /** A short label: plain for moderate magnitudes, scientific (1e-3) otherwise. */
    public static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
            return s.equals("-0") ? "0" : s;
        }
        String s = String.format(Locale.ROOT, "%.0e", v);
        return s.replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
    }
}
