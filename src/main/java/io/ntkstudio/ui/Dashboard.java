package io.ntkstudio.ui;

import io.ntkstudio.figure.ViewKind;
import io.ntkstudio.figure.Views;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * The live views side by side, in rows of three in the order of their list ({@link Views#ALL});
 * any one can be maximised and restored.
 */
final class Dashboard extends GridPane {
    static final int COLUMNS = 3;
    private final List<PlotView> views = new ArrayList<>();
    private PlotView maximised;

    Dashboard(StudioModel model) {
        this(model, Views.ALL);
    }

    Dashboard(StudioModel model, List<ViewKind> kinds) {
        setId("dashboard");
        setHgap(6);
        setVgap(6);
        for (ViewKind k : kinds) {
            views.add(new PlotView(model, k));
        }
        int rows = (views.size() + COLUMNS - 1) / COLUMNS;
        for (int i = 0; i < COLUMNS; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / COLUMNS);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        for (int i = 0; i < rows; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(100.0 / rows);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
        for (PlotView v : views) {
            v.onMaximise(() -> toggle(v));
        }
        layoutGrid();
    }

    List<PlotView> views() {
        return List.copyOf(views);
    }

    /** The view of that id. */
    PlotView view(String id) {
        return views.stream().filter(v -> v.name().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no view " + id));
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
        int rows = getRowConstraints().size();
        if (maximised != null) {
            add(maximised, 0, 0, COLUMNS, rows);
            return;
        }
        for (int k = 0; k < views.size(); k++) {
            add(views.get(k), k % COLUMNS, k / COLUMNS);
        }
    }
}
