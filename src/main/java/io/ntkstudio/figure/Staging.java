package io.ntkstudio.figure;

import io.ntkstudio.input.Range;
import java.util.List;

/**
 * How a lesson is shown: the speed its story plays at (0: as fast as possible), the view to
 * maximise (null: the grid), the heatmap's mode (null: Θ_t), the two-panel views whose second
 * panel must show whatever their size (the top eigenvalues against 2n/η, say), and, in compare
 * mode, whether A and B start overlaid.
 */
public record Staging(double stepsPerSecond, ViewKind maximise, HeatmapMode heatmapMode, List<ViewKind> bothPanels, boolean overlay) {
    public static final Range SPEED = Range.numbers("speed", 0, 1000);
    /** As fast as possible, the grid, Θ_t, panels by size. */
    public static final Staging DEFAULT = new Staging(0, null, null, List.of(), false);

    public Staging {
        SPEED.check(stepsPerSecond);
        bothPanels = List.copyOf(bothPanels);
        for (ViewKind v : bothPanels) {
            if (!Views.TWO_PANELS.contains(v)) {
                throw new IllegalArgumentException(v.id() + " has one panel");
            }
        }
    }

    /** What {@code view} shows under this staging: the heatmap's mode, its second panel; the rest as a new view has it. */
    public ViewSettings settings(ViewKind view) {
        ViewSettings v = ViewSettings.DEFAULT.withBothPanels(bothPanels(view));
        return view == Views.HEATMAP && heatmapMode != null ? v.with(heatmapMode, v.sliceAnchor()) : v;
    }

    /** Whether the second panel of {@code view} must show. */
    public boolean bothPanels(ViewKind view) {
        return bothPanels.contains(view);
    }
}
