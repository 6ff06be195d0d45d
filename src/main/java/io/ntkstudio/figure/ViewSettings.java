package io.ntkstudio.figure;

/**
 * What a person has set on one view, which the same run's other views do not share: the heatmap's
 * mode and whether its differences use their own colour range rather than ±10 % of the kernel they
 * are measured from; which of several networks the heatmap or the spectrum shows (0: network 1, the
 * run's own); the kernel slice's anchor x₀ (a position in input order) and whether it shows the
 * kernels at t = 0 beside those now (before and after training, as Jacot et al.'s Figure 1 does);
 * whether the function view of several networks draws the NNGP posterior (mean ± 2σ) for contrast;
 * whether a two-panel view shows its second panel whatever its size (a lesson names it, presenter mode).
 */
public record ViewSettings(HeatmapMode heatmapMode, int sliceAnchor, boolean heatmapOwnRange, int network, boolean showNngp,
                           boolean sliceWithInit, boolean bothPanels) {
    /**
     * What a new view shows: Θ_t of network 1 on the fixed scale, the slice at the first train
     * point before and after training, the NNGP posterior, panels by size.
     */
    public static final ViewSettings DEFAULT = new ViewSettings(HeatmapMode.CURRENT, 0, false, 0, true, true, false);

    /** These settings with another heatmap mode and slice anchor. */
    public ViewSettings with(HeatmapMode mode, int anchor) {
        return new ViewSettings(mode, anchor, heatmapOwnRange, network, showNngp, sliceWithInit, bothPanels);
    }

    public ViewSettings withOwnRange(boolean own) {
        return new ViewSettings(heatmapMode, sliceAnchor, own, network, showNngp, sliceWithInit, bothPanels);
    }

    public ViewSettings withNetwork(int k) {
        return new ViewSettings(heatmapMode, sliceAnchor, heatmapOwnRange, k, showNngp, sliceWithInit, bothPanels);
    }

    public ViewSettings withNngp(boolean show) {
        return new ViewSettings(heatmapMode, sliceAnchor, heatmapOwnRange, network, show, sliceWithInit, bothPanels);
    }

    public ViewSettings withBothPanels(boolean both) {
        return new ViewSettings(heatmapMode, sliceAnchor, heatmapOwnRange, network, showNngp, sliceWithInit, both);
    }

    public ViewSettings withSliceInit(boolean show) {
        return new ViewSettings(heatmapMode, sliceAnchor, heatmapOwnRange, network, showNngp, show, bothPanels);
    }
}
