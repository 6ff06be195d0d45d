package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.Charts;
import java.awt.Graphics2D;

/** Train and test loss with their kernel-regime predictions dashed, and the kernel metrics. */
final class LossView extends PlotView {
    LossView(StudioModel model) {
        super(model, "Loss and kernel metrics", "losses", false);
    }

    @Override
    protected Object paint(Graphics2D g, double w, double h, ChartInputs in) {
        Charts.loss(g, w, h, in);
        return null;
    }
}
