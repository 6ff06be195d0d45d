package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.TeachingCharts;
import java.awt.Graphics2D;

/**
 * The kernel slice Θ(x₀, x) for Θ_0, Θ_t and Θ_∞ (Jacot et al. 2018, Figure 1), for any x₀:
 * the spinner picks its position among the train points in input order.
 */
final class SliceView extends PlotView {
    private final javafx.scene.control.Spinner<Integer> anchor = new javafx.scene.control.Spinner<>(0, 99_999, 0);

    SliceView(StudioModel model) {
        super(model, "Kernel slice Θ(x₀, x)", "slice", true);
        anchor.setId("slice-anchor");
        anchor.setEditable(true);
        anchor.setPrefWidth(78);
        anchor.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        anchor.setTooltip(new javafx.scene.control.Tooltip("x₀: which train point, in input order"));
        anchor.valueProperty().addListener((o, a, b) -> requestRender());
        addHeaderControls(new javafx.scene.control.Label("x₀ #"), anchor);
    }

    int anchor() {
        Integer v = anchor.getValue();
        return v == null ? 0 : v;
    }

    void setAnchor(int position) {
        anchor.getValueFactory().setValue(position);
    }

    @Override
    protected Object paint(Graphics2D g, double w, double h, ChartInputs in) {
        TeachingCharts.slice(g, w, h, in);
        return null;
    }
}
