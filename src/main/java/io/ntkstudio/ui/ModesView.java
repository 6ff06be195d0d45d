package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.TeachingCharts;
import java.awt.Graphics2D;

/** The residual's energy per eigen-direction of Θ_0 against the kernel-regime prediction. */
final class ModesView extends PlotView {
    ModesView(StudioModel model) {
        super(model, "Residual per eigen-direction", "modes", false);
    }

    @Override
    protected Object paint(Graphics2D g, double w, double h, ChartInputs in) {
        TeachingCharts.modes(g, w, h, in);
        return null;
    }
}
