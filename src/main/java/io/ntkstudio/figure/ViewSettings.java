package io.ntkstudio.figure;

/**
 * What a person has set on one view, which the same run's other views do not share: the heatmap's
 * mode, whether its differences use their own colour range rather than ±10 % of the kernel they
 * are measured from, and which of several networks it shows (0: network 1, the run's own); the
 * kernel slice's anchor x₀ (a position in input order).
 */
public record ViewSettings(HeatmapMode heatmapMode, int sliceAnchor, boolean heatmapOwnRange, int heatmapNetwork) {
    /** What a new view shows: Θ_t of network 1 on the fixed scale, the slice at the first train point. */
    public static final ViewSettings DEFAULT = new ViewSettings(HeatmapMode.CURRENT, 0, false, 0);
}
