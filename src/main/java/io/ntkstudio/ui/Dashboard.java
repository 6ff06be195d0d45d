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
    private int columns = COLUMNS;

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
        for (PlotView v : views) {
            v.onMaximise(() -> toggle(v));
        }
        setColumns(COLUMNS);
    }

    /** Lays the views out in rows of {@code k}. */
    void setColumns(int k) {
        columns = Math.max(1, k);
        int rows = (views.size() + columns - 1) / columns;
        getColumnConstraints().clear();
        getRowConstraints().clear();
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        for (int i = 0; i < rows; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(100.0 / rows);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
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
            add(maximised, 0, 0, columns, rows);
            return;
        }
        for (int k = 0; k < views.size(); k++) {
            // add(node, col, row) keeps a span set earlier: a view once maximised spilled over its
            // neighbours after the grid was restored in another shape, until the spans are reset
            GridPane.setColumnSpan(views.get(k), 1);
            GridPane.setRowSpan(views.get(k), 1);
            add(views.get(k), k % columns, k / columns);
        }
    }
}
