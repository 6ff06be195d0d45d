package io.ntkstudio.figure;

/**
 * What a person has set on a heatmap: its mode; whether its differences use their own colour range
 * rather than ±10 % of the kernel they are measured from; and, on class data, whether the points
 * keep their input order instead of being sorted into class bands.
 */
public record HeatmapOptions(HeatmapMode mode, boolean ownRange, boolean inputOrder) {
    /** Θ_t on the fixed scale, class data sorted by class. */
    public static final HeatmapOptions DEFAULT = new HeatmapOptions(HeatmapMode.CURRENT, false, false);

    public HeatmapOptions withMode(HeatmapMode m) {
        return new HeatmapOptions(m, ownRange, inputOrder);
    }

    public HeatmapOptions withOwnRange(boolean own) {
        return new HeatmapOptions(mode, own, inputOrder);
    }

    public HeatmapOptions withInputOrder(boolean input) {
        return new HeatmapOptions(mode, ownRange, input);
    }
}
