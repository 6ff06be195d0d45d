package io.ntkstudio.ui;

import java.util.List;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/** The six live views side by side in a 3 × 2 grid; any one can be maximised and restored. */
final class Dashboard extends GridPane {
    final KernelHeatmapView heatmap;
    final SpectrumView spectrum;
    final LossView loss;
    final FunctionView function;
    final SliceView slice;
    final ModesView modes;
    private final List<PlotView> views;
    private PlotView maximised;

    Dashboard(StudioModel model) {
        setId("dashboard");
        setHgap(6);
        setVgap(6);
        heatmap = new KernelHeatmapView(model);
        spectrum = new SpectrumView(model);
        loss = new LossView(model);
        function = new FunctionView(model);
        slice = new SliceView(model);
        modes = new ModesView(model);
        views = List.of(function, heatmap, loss, spectrum, slice, modes);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        for (int i = 0; i < 2; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
        for (PlotView v : views) {
            v.onMaximise(() -> toggle(v));
        }
        layoutGrid();
    }

    List<PlotView> views() {
        return views;
    }

    /** Maximises a view, or restores the grid when it is already maximised. */
    void toggle(PlotView v) {
        maximised = maximised == v ? null : v;
        layoutGrid();
    }

    void restore() {
        maximised = null;
        layoutGrid();
    }

    PlotView maximised() {
        return maximised;
    }

    private void layoutGrid() {
        getChildren().clear();
        if (maximised != null) {
            add(maximised, 0, 0, 3, 2);
            return;
        }
        for (int k = 0; k < views.size(); k++) {
            add(views.get(k), k % 3, k / 3);
        }
    }
}
