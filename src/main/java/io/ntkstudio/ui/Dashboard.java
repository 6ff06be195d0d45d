package io.ntkstudio.ui;

import io.ntkstudio.figure.HeatmapMode;
import io.ntkstudio.figure.Staging;
import io.ntkstudio.figure.ViewKind;
import io.ntkstudio.figure.Views;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * The live views side by side, in rows of three in the order of their list ({@link Views#ALL});
 * any one can be maximised and restored. When the grid's cells would be too small for the text
 * size (a projector at 200 %), the views go in pages of two side by side, with a bar of pages
 * above them (Page Up / Page Down); back at a size where the grid fits, the grid returns.
 */
final class Dashboard extends GridPane {
    static final int COLUMNS = 3;
    private final List<PlotView> views = new ArrayList<>();
    private PlotView maximised;
    private int columns = COLUMNS;
    /** Views per page when paged (0: all in the grid), and the page on show. */
    private int perPage;
    private int page;
    /** A chart needs about this much room, in the units of 100 % text, to be read. */
    static final double MIN_CELL_WIDTH = 300;
    static final double MIN_CELL_HEIGHT = 200;
    static final int PER_PAGE = 2;
    private final PageBar pager;
    /** Presenter mode's pages of one view each. */
    private final PageBar singles;
    /** What the open lesson sets (heatmap mode, second panels, the view to maximise), and whether presenter mode is on. */
    private Staging staging = Staging.DEFAULT;
    private boolean presenting;
    /** The last size fitted to, to fit again when presenter mode changes. */
    private double[] lastFit;

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
        List<String> names = new ArrayList<>();
        for (int p = 0; p * PER_PAGE < views.size(); p++) {
            StringBuilder name = new StringBuilder();
            for (int k = p * PER_PAGE; k < Math.min(views.size(), (p + 1) * PER_PAGE); k++) {
                name.append(name.length() > 0 ? " · " : "").append(views.get(k).kind().shortTitle());
            }
            names.add(name.toString());
        }
        pager = new PageBar("dashboard-pager", "page-", names, new Insets(2, 4, 2, 4), this::showPage);
        singles = new PageBar("dashboard-pager", "page-", views.stream().map(v -> v.kind().shortTitle()).toList(),
                new Insets(2, 4, 2, 4), this::showPage);
        setColumns(COLUMNS);
    }

    /**
     * Chooses the grid or pages for a dashboard of {@code width} × {@code height} pixels with text
     * at {@code zoom}: pages when a cell of the grid would be under MIN_CELL_WIDTH × MIN_CELL_HEIGHT
     * in 100 % units.
     */
    void fit(double width, double height, double zoom) {
        if (width <= 0 || height <= 0) {
            return;
        }
        lastFit = new double[] {width, height, zoom};
        int rows = (views.size() + COLUMNS - 1) / COLUMNS;
        boolean cramped = width / COLUMNS / zoom < MIN_CELL_WIDTH || height / rows / zoom < MIN_CELL_HEIGHT;
        // presenter mode: one view a page, a slide each, wide enough for its second panel beside the first
        int wanted = presenting ? 1 : cramped ? PER_PAGE : 0;
        if (wanted != perPage) {
            perPage = wanted;
            // in pages, the page of what the lesson points at (the view its note names), else the first
            PlotView focus = focus();
            page = perPage > 0 && focus != null ? views.indexOf(focus) / perPage : 0;
            setColumns(perPage > 0 ? perPage : COLUMNS);
        }
    }

    /**
     * Shows the views as a lesson sets them: the heatmap's mode (Θ_t unless it says), the second
     * panels it names, the view it maximises (else the grid).
     */
    void stage(Staging s) {
        staging = s;
        for (PlotView v : views) {
            if (v.kind() == Views.HEATMAP) {
                v.setMode(s.heatmapMode() == null ? HeatmapMode.CURRENT : s.heatmapMode());
            }
        }
        panels();
        maximised = s.maximise() == null ? null : views.stream().filter(v -> v.kind() == s.maximise()).findFirst().orElse(null);
        layoutGrid();
        PlotView focus = focus();
        if (focus != null) {
            reveal(focus);
        }
    }

    /** The views as they are set now, as a lesson would set them: for File → Save as lesson. */
    Staging staging(double stepsPerSecond, boolean overlay) {
        HeatmapMode mode = views.stream().filter(v -> v.kind() == Views.HEATMAP).map(PlotView::mode).findFirst().orElse(HeatmapMode.CURRENT);
        return new Staging(stepsPerSecond, maximised == null ? null : maximised.kind(), mode == HeatmapMode.CURRENT ? null : mode,
                staging.bothPanels(), overlay);
    }

    /** The view the lesson points at: the one it maximises, else the first whose second panel it names; null if none. */
    private PlotView focus() {
        ViewKind kind = staging.maximise() != null ? staging.maximise() : staging.bothPanels().isEmpty() ? null : staging.bothPanels().get(0);
        return views.stream().filter(v -> v.kind() == kind).findFirst().orElse(null);
    }

    /** Presenter mode on or off: one view a page while it is on. */
    void presenting(boolean on) {
        presenting = on;
        if (lastFit != null) {
            fit(lastFit[0], lastFit[1], lastFit[2]);
        }
    }

    private void panels() {
        for (PlotView v : views) {
            v.setBothPanels(staging.bothPanels(v.kind()));
        }
    }

    /** Whether the views are in pages (else all in the grid). */
    boolean paged() {
        return perPage > 0;
    }

    /** Shows page {@code p} (of two views each, one in presenter mode) when paged. */
    void showPage(int p) {
        int count = (views.size() + perPage() - 1) / perPage();
        page = Math.floorMod(p, count);
        layoutGrid();
    }

    /** Views a page: two, or one in presenter mode. */
    private int perPage() {
        return perPage > 0 ? perPage : PER_PAGE;
    }

    /** The next or previous page (Page Down / Page Up). */
    void turnPage(int by) {
        if (paged()) {
            showPage(page + by);
        }
    }

    /** Shows the page holding {@code v} (nothing when the grid shows every view). */
    void reveal(PlotView v) {
        if (paged()) {
            showPage(views.indexOf(v) / perPage());
        }
    }

    /** Lays the views out in rows of {@code k}. */
    void setColumns(int k) {
        columns = Math.max(1, k);
        int rows = perPage > 0 ? 1 : (views.size() + columns - 1) / columns;
        getColumnConstraints().clear();
        getRowConstraints().clear();
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        if (perPage > 0) {
            RowConstraints bar = new RowConstraints();
            bar.setVgrow(Priority.NEVER);
            getRowConstraints().add(bar);
        }
        for (int i = 0; i < rows; i++) {
            RowConstraints r = new RowConstraints();
            r.setPrefHeight(100);
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
        for (PlotView v : views) {
            // add(node, col, row) keeps a span set earlier: a view once maximised spilled over its
            // neighbours after the grid was restored in another shape, until the spans are reset
            GridPane.setColumnSpan(v, 1);
            GridPane.setRowSpan(v, 1);
        }
        if (maximised != null) {
            add(maximised, 0, 0, columns, rows);
            return;
        }
        if (perPage > 0) {
            PageBar bar = perPage == 1 ? singles : pager;
            add(bar, 0, 0, columns, 1);
            bar.select(page);
            for (int k = page * perPage; k < Math.min(views.size(), (page + 1) * perPage); k++) {
                add(views.get(k), k - page * perPage, 1);
            }
            return;
        }
        for (int k = 0; k < views.size(); k++) {
            add(views.get(k), k % columns, k / columns);
        }
    }
}
