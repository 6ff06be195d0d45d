package io.ntkstudio.figure;

/**
 * What a person has set on one view, which the same run's other views do not share: the heatmap's
 * options ({@link HeatmapOptions}); which of several networks the heatmap or the spectrum shows (0:
 * network 1, the run's own); the kernel slice's anchor x₀ (a position in input order) and whether it
 * shows the kernels at t = 0 beside those now (before and after training, as Jacot et al.'s Figure 1
 * does); whether the function view of several networks draws the NNGP posterior (mean ± 2σ) for
 * contrast; whether a two-panel view shows its second panel whatever its size (a lesson names it,
 * presenter mode); whether the spectrum view draws the eigenvalues or the target's alignment C(k).
 */
public record ViewSettings(HeatmapOptions heatmap, int sliceAnchor, int network, boolean showNngp, boolean sliceWithInit,
                           boolean bothPanels, SpectrumShows spectrum) {
    /**
     * What a new view shows: Θ_t of network 1 on the fixed scale, the slice at the first train
     * point before and after training, the NNGP posterior, panels by size.
     */
    public static final ViewSettings DEFAULT = new ViewSettings(HeatmapOptions.DEFAULT, 0, 0, true, true, false,
            SpectrumShows.EIGENVALUES);

    public HeatmapMode heatmapMode() {
        return heatmap.mode();
    }

    public boolean heatmapOwnRange() {
        return heatmap.ownRange();
    }

    /** These settings with another heatmap mode and slice anchor. */
    public ViewSettings with(HeatmapMode mode, int anchor) {
        return new ViewSettings(heatmap.withMode(mode), anchor, network, showNngp, sliceWithInit, bothPanels, spectrum);
    }

    public ViewSettings with(HeatmapOptions options) {
        return new ViewSettings(options, sliceAnchor, network, showNngp, sliceWithInit, bothPanels, spectrum);
    }

    public ViewSettings withOwnRange(boolean own) {
        return with(heatmap.withOwnRange(own));
    }

    public ViewSettings withSpectrum(SpectrumShows shows) {
        return new ViewSettings(heatmap, sliceAnchor, network, showNngp, sliceWithInit, bothPanels, shows);
    }

    public ViewSettings withNetwork(int k) {
        return new ViewSettings(heatmap, sliceAnchor, k, showNngp, sliceWithInit, bothPanels, spectrum);
    }

    public ViewSettings withNngp(boolean show) {
        return new ViewSettings(heatmap, sliceAnchor, network, show, sliceWithInit, bothPanels, spectrum);
    }

    public ViewSettings withBothPanels(boolean both) {
        return new ViewSettings(heatmap, sliceAnchor, network, showNngp, sliceWithInit, both, spectrum);
    }

    public ViewSettings withSliceInit(boolean show) {
        return new ViewSettings(heatmap, sliceAnchor, network, showNngp, show, bothPanels, spectrum);
    }
}
