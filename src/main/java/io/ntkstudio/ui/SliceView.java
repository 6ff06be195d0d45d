package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.TeachingCharts;
import java.awt.Graphics2D;

/** The kernel slice Θ(x₀, x) for Θ_0, Θ_t and Θ_∞ (Jacot et al. 2018, Figure 1). */
final class SliceView extends PlotView {
    SliceView(StudioModel model) {
        super(model, "Kernel slice Θ(x₀, x)", "slice", true);
    }

    @Override
    protected Object paint(Graphics2D g, double w, double h, ChartInputs in) {
        TeachingCharts.slice(g, w, h, in);
        return null;
    }
}
