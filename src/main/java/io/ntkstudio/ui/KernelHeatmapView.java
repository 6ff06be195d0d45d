package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.HeatmapChart;
import io.ntkstudio.figure.HeatmapLayout;
import io.ntkstudio.figure.HeatmapMode;
import io.ntkstudio.model.Samples;
import java.awt.Graphics2D;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;

/**
 * The train kernel as a heatmap with a mode selector (Θ_t, Θ_0, Θ_t − Θ_0, Θ_∞, Θ_t − Θ_∞);
 * hovering shows i, j, their inputs and the value.
 */
final class KernelHeatmapView extends PlotView {
    private final ComboBox<HeatmapMode> mode = new ComboBox<>();
    private final Label hover = new Label(" ");

    KernelHeatmapView(StudioModel model) {
        super(model, "Kernel Θ on the train inputs", "heatmap", true);
        mode.getItems().addAll(HeatmapMode.values());
        mode.setValue(HeatmapMode.CURRENT);
        mode.setId("heatmap-mode");
        // In a narrow view the title gives way, not the selector.
        mode.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        mode.valueProperty().addListener((o, a, b) -> requestRender());
        addHeaderControls(mode);
        hover.getStyleClass().add("hover-readout");
        hover.setId("heatmap-hover");
        setBottom(hover);
        image.setOnMouseMoved(e -> hover.setText(describe(e.getX(), e.getY())));
        image.setOnMouseExited(e -> hover.setText(" "));
    }

    HeatmapMode mode() {
        return mode.getValue();
    }

    void setMode(HeatmapMode m) {
        mode.setValue(m);
    }

    @Override
    protected Object paint(Graphics2D g, double w, double h, ChartInputs in) {
        return HeatmapChart.paint(g, w, h, in);
    }

    String describe(double x, double y) {
        if (!(layoutInfo() instanceof HeatmapLayout layout) || model.snapshotProperty().get() == null) {
            return " ";
        }
        int[] cell = layout.cellAt(x, y);
        if (cell == null) {
            return " ";
        }
        Samples train = model.snapshotProperty().get().context().data().train();
        int i = layout.order()[cell[0]];
        int j = layout.order()[cell[1]];
        return String.format(Locale.ROOT, "i = %d %s,  j = %d %s:  %s = %.6g", i, input(train, i), j, input(train, j),
                mode.getValue(), layout.values()[cell[0] * layout.n() + cell[1]]);
    }

    private static String input(Samples s, int i) {
        if (s.dim() == 2 && Math.abs(Math.hypot(s.input(i, 0), s.input(i, 1)) - 1) < 1e-9) {
            return String.format(Locale.ROOT, "(γ = %.3f)", HeatmapChart.sortKey(s, i));
        }
        StringBuilder b = new StringBuilder("(x = ");
        for (int k = 0; k < s.dim(); k++) {
            b.append(k > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", s.input(i, k)));
        }
        return b.append(')').toString();
    }
}
