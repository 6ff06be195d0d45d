package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.Charts;
import java.awt.Graphics2D;

/** The learned function with the target, the training points and the kernel-regime predictions. */
final class FunctionView extends PlotView {
    FunctionView(StudioModel model) {
        super(model, "Learned function", "function", false);
    }

    @Override
    protected Object paint(Graphics2D g, double w, double h, ChartInputs in) {
        Charts.function(g, w, h, in);
        return null;
    }
}
