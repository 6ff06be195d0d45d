package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.Charts;
import java.awt.Graphics2D;

/** Eigenvalues of Θ_t with Θ_0 and Θ_∞ overlaid, and the top eigenvalues over training. */
final class SpectrumView extends PlotView {
    SpectrumView(StudioModel model) {
        super(model, "Eigenspectrum of Θ", "spectrum", true);
    }

    @Override
    protected Object paint(Graphics2D g, double w, double h, ChartInputs in) {
        Charts.spectrum(g, w, h, in);
        return null;
    }
}
