package io.ntkstudio.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;

/**
 * Compare mode side by side: rows of A beside B under a heading row, all at once, or one row at a
 * time with a bar above to choose it (Page Up / Page Down) when a row would be lower than
 * {@link #MIN_ROW_HEIGHT} at the text size.
 * At 200 % text in a 1360 × 860 window the three rows had left each chart a few pixels of plot.
 */
final class CompareRows extends BorderPane {
    private final GridPane grid;
    private final List<List<PlotView>> rows;
    private final PageBar pager;
    private boolean paged;
    private int page;
    private double zoom = 1;
    /**
     * A row needs this much height, in 100 % units, for its two wide charts to be read: lower than
     * the dashboard's cells, which are a third as wide, so that a 1280 × 720 projector shows every
     * row a lesson's note names at once (at 200 units a row it showed one at a time).
     */
    static final double MIN_ROW_HEIGHT = 150;

    /** @param rows the views of each row, A's then B's; row r sits in the grid's row r + 1 */
    CompareRows(GridPane grid, List<String> names, List<List<PlotView>> rows) {
        this.grid = grid;
        this.rows = rows;
        setId("compare-rows");
        this.pager = new PageBar("compare-pager", "compare-page-", names, new Insets(4, 6, 0, 6), this::show);
        setCenter(grid);
        heightProperty().addListener((o, a, b) -> refit());
    }

    /** Follows the text size, which decides with the height whether the rows fit. */
    void setZoom(double z) {
        zoom = z;
        refit();
    }

    private void refit() {
        double h = getHeight() - (paged ? pager.getHeight() : 0);
        if (h <= 0) {
            return;
        }
        boolean cramped = h / rows.size() / zoom < MIN_ROW_HEIGHT;
        if (cramped != paged) {
            paged = cramped;
            setTop(paged ? pager : null);
            layoutRows();
        }
    }

    boolean paged() {
        return paged;
    }

    int page() {
        return page;
    }

    /** Shows row {@code r} when paged. */
    void show(int r) {
        page = Math.floorMod(r, rows.size());
        layoutRows();
    }

    /** The next or previous row (Page Down / Page Up); false when not paged. */
    boolean turn(int by) {
        if (!paged) {
            return false;
        }
        show(page + by);
        return true;
    }

    /** Lays the rows out again (a maximised view came back into the grid). */
    void relayout() {
        layoutRows();
    }

    private void layoutRows() {
        for (int r = 0; r < rows.size(); r++) {
            boolean shown = !paged || r == page;
            for (PlotView v : rows.get(r)) {
                v.setVisible(shown);
                v.setManaged(shown);
            }
            RowConstraints rc = grid.getRowConstraints().get(r + 1);
            rc.setVgrow(shown ? Priority.ALWAYS : Priority.NEVER);
            rc.setPrefHeight(shown ? 100 : 0);
            rc.setMinHeight(shown ? Region.USE_COMPUTED_SIZE : 0);
            rc.setMaxHeight(shown ? Double.MAX_VALUE : 0);
        }
        pager.select(page);
    }
}
