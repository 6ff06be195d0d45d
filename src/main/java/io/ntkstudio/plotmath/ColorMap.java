package io.ntkstudio.plotmath;

/**
 * Colour maps from a value to packed ARGB: {@link #SEQUENTIAL} is viridis (van der Walt &amp; Smith,
 * matplotlib 2.0; perceptually uniform, readable in greyscale and by most colour-blind viewers),
 * {@link #DIVERGING} runs blue – white – red with white at the centre, for differences centred at 0.
 */
public enum ColorMap {
    SEQUENTIAL(new int[] {0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725}),
    DIVERGING(new int[] {0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B});

    private final int[] stops;

    ColorMap(int[] stops) {
        this.stops = stops;
    }

    /** The colour of t in [0, 1] (clamped; NaN gives mid-grey), as 0xAARRGGBB. */
    public int argb(double t) {
        if (Double.isNaN(t)) {
            return 0xFF808080;
        }
        double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min((int) x, stops.length - 2);
        double f = x - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = lerp((a >> 16) & 0xFF, (b >> 16) & 0xFF, f);
        int g = lerp((a >> 8) & 0xFF, (b >> 8) & 0xFF, f);
        int bl = lerp(a & 0xFF, b & 0xFF, f);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }

    /**
     * Maps a value into [0, 1] over [lo, hi]; for the diverging map the range is made symmetric
     * about 0 so that 0 is always the centre (white).
     */
    public double normalise(double value, double lo, double hi) {
        if (this == DIVERGING) {
            double m = Math.max(Math.abs(lo), Math.abs(hi));
            return m == 0 ? 0.5 : 0.5 + 0.5 * value / m;
        }
        return hi == lo ? 0.5 : (value - lo) / (hi - lo);
    }

    private static int lerp(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
