package io.ntkstudio.plotmath;

/** Maps data values on [lo, hi] to pixels on [p0, p1], linearly or logarithmically. */
public record Scale(double lo, double hi, double p0, double p1, boolean log) {
    public double toPixel(double v) {
        double t = log ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
        if (!(hi > lo)) {
            t = 0.5;
        }
        return p0 + t * (p1 - p0);
    }

    /** A range that contains [min, max] with a margin, never empty, positive for log axes. */
    public static double[] padded(double min, double max, boolean log) {
        if (log) {
            double lo = min > 0 && min < 1e300 ? min : max > 0 && max < 1e300 ? max / 10 : 0.1;
            double hi = max >= lo && max < 1e300 ? max : lo * 10;
            if (hi == lo) {
                hi = lo * 10;
            }
            return new double[] {lo / 1.5, hi * 1.5};
        }
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new double[] {-1, 1};
        }
        double span = max - min;
        double pad = span > 0 ? 0.06 * span : Math.max(0.5, Math.abs(min) * 0.1);
        return new double[] {min - pad, max + pad};
    }
}
