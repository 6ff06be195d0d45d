package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.Lesson;
import io.ntkstudio.figure.Staging;
import io.ntkstudio.figure.ViewKind;
import io.ntkstudio.figure.Views;
import io.ntkstudio.network.NetworkConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * Compare mode: run A (the studio's experiment) and run B (the same data and seed, differing in
 * width, depth, activation, parameterization or learning rate as picked) side by side, stepped together; for each,
 * the learned function, the kernel slice and the losses.
 */
final class CompareWindow extends BorderPane {
    final CompareController controller;
    /** Play, step, reset, export, overlay, and what B differs in. */
    final CompareBar bar;
    /** The lesson's note, when compare mode opened for one. */
    final LessonBar lessonBar;
    private PlotView maximised;
    /** The centre: its content, with the set-up's progress over it while A and B build. */
    private final StackPane body = new StackPane();
    final SetupOverlay setup;
    final List<PlotView> views = new ArrayList<>();
    /** The overlay's views: A and B in one chart each (slice, function, losses). */
    final List<PlotView> overlayViews = new ArrayList<>();
    private GridPane grid;
    /** The rows of A beside B, in pages of one row when the text is too large for all three. */
    CompareRows sideBySide;
    private static final List<ViewKind> ROWS = List.of(Views.FUNCTION, Views.SLICE, Views.LOSSES);
    /** The rows shown: {@link #ROWS}, with the view a lesson maximises in the slice's place when it is not among them. */
    private final List<ViewKind> shown;
    private GridPane overlayGrid;

    CompareWindow(ExperimentSpec specA, ExperimentSpec specB, Path baseDir) {
        this(specA, specB, baseDir, null, null, null);
    }

    /**
     * Compare mode as part of the studio: it follows the main window's theme, text size and speed
     * ({@code main}, may be null), shows the lesson's note and staging ({@code lesson}, may be
     * null; {@code nextPart} opens its next part), and takes the same keys (Space, S, R, O, N;
     * F11 and Esc for full screen).
     */
    CompareWindow(ExperimentSpec specA, ExperimentSpec specB, Path baseDir, StudioModel main, Lesson lesson, Runnable nextPart) {
        setId("compare");
        getStyleClass().add("studio");
        shown = rows(lesson);
        controller = new CompareController(specA, specB, baseDir);
        bar = new CompareBar(controller, this::exportSlide, () -> ViewActions.askSize(getScene() == null ? null : getScene().getWindow(),
                this::tell).ifPresent(size -> exportSlide(size[0], size[1])));
        bar.prefWrapLengthProperty().bind(widthProperty().subtract(16));
        bar.overlay.selectedProperty().addListener((o, was, is) -> {
            restoreMaximised();
            showCenter(is ? overlayGrid : sideBySide);
        });
        RowConstraints heading = new RowConstraints();
        heading.setVgrow(Priority.NEVER);
        grid = halves(heading, 3);
        List<StudioModel> runs = controller.runs();
        for (int c = 0; c < 2; c++) {
            StudioModel m = runs.get(c);
            Label title = new Label();
            title.getStyleClass().add("section-title");
            // at large text a run's title wraps rather than lose its step behind an ellipsis
            title.setWrapText(true);
            title.setId(c == 0 ? "compare-title-a" : "compare-title-b");
            String name = c == 0 ? "A" : "B";
            Runnable retitle = () -> title.setText(describe(name, m.specProperty().get())
                    + String.format(Locale.ROOT, "   ·   step %d", CompareController.step(m)));
            retitle.run();
            m.specProperty().addListener((o, x, y) -> retitle.run());
            m.snapshotProperty().addListener((o, x, y) -> retitle.run());
            grid.add(title, c, 0);
            int row = 1;
            for (ViewKind kind : shown) {
                PlotView v = new PlotView(m, kind);
                if (lesson != null) {
                    // the lesson's heatmap mode and second panels, as the main window's dashboard stages them
                    Staging staging = lesson.staging();
                    if (kind == Views.HEATMAP && staging.heatmapMode() != null) {
                        v.setMode(staging.heatmapMode());
                    }
                    v.setBothPanels(staging.bothPanels(kind));
                }
                views.add(v);
                grid.add(v, c, row++);
            }
        }
        lessonBar = new LessonBar(nextPart == null ? () -> { } : nextPart, () -> showNote(false));
        lessonBar.setId("compare-lesson-bar");
        if (lesson != null) {
            lessonBar.show(lesson);
        }
        showNote(lesson != null);
        setTop(new VBox(bar, lessonBar));
        lessonBar.limitTo(heightProperty(), main == null ? new javafx.beans.property.SimpleDoubleProperty(1) : main.textScaleProperty());
        overlayGrid = overlayGrid(runs.get(0), runs.get(1));
        List<List<PlotView>> rows = new ArrayList<>();
        for (int r = 0; r < shown.size(); r++) {
            rows.add(List.of(views.get(r), views.get(shown.size() + r)));
        }
        sideBySide = new CompareRows(grid, shown.stream().map(ViewKind::title).toList(), rows);
        setup = new SetupOverlay("Setting up A and B", List.of("A", "B"), runs, () -> {
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().hide();
            }
        });
        body.getChildren().setAll(sideBySide, setup);
        setCenter(body);
        for (PlotView v : allViews()) {
            v.onMaximise(() -> toggleMaximise(v));
        }
        if (lesson != null && lesson.staging().overlay()) {
            bar.overlay.setSelected(true);
        }
        getStylesheets().add(CompareWindow.class.getResource("studio.css").toExternalForm());
        if (main != null) {
            follow(main);
        }
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    /**
     * Two columns of equal width and {@code rows} rows sharing the height equally, under an
     * optional {@code heading} row (percentages left a heading row 3 % and made the grid's
     * minimum 945 px: at 1280 × 720 the loss row fell off the window).
     */
    private static GridPane halves(RowConstraints heading, int rows) {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.setPadding(new Insets(6));
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(cc);
        }
        if (heading != null) {
            g.getRowConstraints().add(heading);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPrefHeight(100);
            rc.setVgrow(Priority.ALWAYS);
            g.getRowConstraints().add(rc);
        }
        return g;
    }

    /** The slice over the full height on the left, the function and the losses on the right: A and B in each. */
    private GridPane overlayGrid(StudioModel a, StudioModel b) {
        GridPane g = halves(null, 2);
        g.setId("compare-overlay-grid");
        for (ViewKind kind : Views.OVERLAY) {
            PlotView v = new PlotView(a, kind);
            v.overlay(b);
            overlayViews.add(v);
        }
        g.add(overlayViews.get(0), 0, 0, 1, 2);
        g.add(overlayViews.get(1), 1, 0);
        g.add(overlayViews.get(2), 1, 1);
        // 2-D data has no curves to overlay: the losses take the function's place too
        Runnable fit = () -> {
            boolean curves = overlayDrawsFunction();
            overlayViews.get(1).setVisible(curves);
            overlayViews.get(1).setManaged(curves);
            GridPane.setConstraints(overlayViews.get(2), 1, curves ? 1 : 0, 1, curves ? 1 : 2);
        };
        fit.run();
        a.onNewRun(fit);
        return g;
    }

    /** Every view of compare mode, side by side and overlaid. */
    List<PlotView> allViews() {
        List<PlotView> all = new ArrayList<>(views);
        all.addAll(overlayViews);
        return all;
    }

    /** Whether the overlay has a learned-function chart: run A's data are curves (unknown before its first snapshot: yes). */
    boolean overlayDrawsFunction() {
        TrainingSnapshot s = controller.runs().get(0).snapshotProperty().get();
        return s == null || s.context().data().geometry().curves();
    }

    /** Whether the overlay is showing (else A and B side by side). */
    boolean overlayShown() {
        return bar.overlay.isSelected();
    }

    /** The main window's theme, text size and speed, now and as they change. */
    private void follow(StudioModel main) {
        for (StudioModel m : controller.runs()) {
            m.themeProperty().bind(main.themeProperty());
            m.textScaleProperty().bind(main.textScaleProperty());
        }
        controller.setStepsPerSecond(main.speedProperty().get());
        main.speedProperty().addListener((o, x, v) -> controller.setStepsPerSecond(v.doubleValue()));
        applyTheme(main.themeProperty().get());
        main.themeProperty().addListener((o, x, t) -> applyTheme(t));
        Runnable font = () -> {
            setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * main.textScaleProperty().get()));
            sideBySide.setZoom(main.textScaleProperty().get());
            allViews().forEach(PlotView::requestRender);
            ComboWidths.refresh(this);
        };
        font.run();
        main.textScaleProperty().addListener((o, x, v) -> font.run());
    }

    /** Ctrl+E: both runs as one 16:9 slide (1920 × 1080), painted at that resolution. */
    void exportSlide() {
        exportSlide(CompareExport.SLIDE_WIDTH, CompareExport.SLIDE_HEIGHT);
    }

    /** Both runs as one {@code width} × {@code height} picture, text at the slide's scale for that size. */
    void exportSlide(int width, int height) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export compare mode as a " + width + " × " + height + " picture (PNG)");
        chooser.setInitialFileName("ntk-studio-compare-" + width + "x" + height + ".png");
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        exportSlide(f.toPath(), width, height);
    }

    /** Writes the slide to {@code file} and says where it went, or why nothing was written. */
    void exportSlide(Path file, int width, int height) {
        try {
            CompareExport.export(this, file, width, height, ViewActions.slideScale(width, height));
            bar.message.setText("Saved the " + width + " × " + height + " slide to " + file);
        } catch (IOException | RuntimeException ex) {
            bar.message.setText("");
            tell("Could not export to " + file + ": " + ex.getMessage() + ". Nothing was written there.");
        }
    }

    private void tell(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.initOwner(getScene() == null ? null : getScene().getWindow());
        a.show();
    }

    private void applyTheme(ChartTheme t) {
        getStylesheets().removeIf(css -> css.endsWith("dark.css") || css.endsWith("high-contrast.css"));
        if (t != ChartTheme.LIGHT) {
            getStylesheets().add(CompareWindow.class.getResource(t.id() + ".css").toExternalForm());
        }
        allViews().forEach(PlotView::requestRender);
    }

    private void shortcut(KeyEvent e) {
        if (e.isShortcutDown() && e.getCode() == KeyCode.E) {
            exportSlide();
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown() || getScene() != null && getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.F11) {
            if (getScene() != null && getScene().getWindow() instanceof Stage st) {
                st.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
                st.setFullScreen(!st.isFullScreen());
            }
            e.consume();
            return;
        }
        switch (e.getCode()) {
            case SPACE -> controller.togglePlay();
            case N -> showNote(!lessonBar.isVisible() && lessonBar.note() != null);
            case S -> controller.step();
            case R -> controller.reset();
            case O -> bar.overlay.setSelected(!bar.overlay.isSelected());
            case PAGE_DOWN, PAGE_UP -> {
                if (!sideBySide.turn(e.getCode() == KeyCode.PAGE_DOWN ? 1 : -1)) {
                    return;
                }
            }
            case ESCAPE -> {
                if (getScene() != null && getScene().getWindow() instanceof Stage st && st.isFullScreen()) {
                    st.setFullScreen(false);
                } else if (maximised != null) {
                    restoreMaximised();
                } else {
                    return;
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** The side-by-side rows for {@code lesson} (may be null): what its note asks to watch is always on show. */
    static List<ViewKind> rows(Lesson lesson) {
        ViewKind watched = lesson == null ? null : lesson.staging().maximise();
        if (watched == null || ROWS.contains(watched)) {
            return ROWS;
        }
        return ROWS.stream().map(k -> k == Views.SLICE ? watched : k).toList();
    }

    static String describe(String name, ExperimentSpec s) {
        NetworkConfig n = s.network();
        String rule = s.training().rule().label();
        return String.format(Locale.ROOT, "%s:  width %d, %s, %s, %s, η = %.3g%s%s", name, n.width(), n.layersText(),
                n.activation().id(), n.parameterization().id(), s.training().learningRate(),
                n.outputScale() == 1 ? "" : String.format(Locale.ROOT, ", α = %.3g", n.outputScale()), rule.isEmpty() ? "" : ", " + rule);
    }

    /** Shows or hides the lesson's note (N, or its ✕); nothing without a lesson. */
    void showNote(boolean show) {
        boolean shown = show && lessonBar.note() != null;
        lessonBar.setVisible(shown);
        lessonBar.setManaged(shown);
    }

    /** Presenter mode on or off: the note as a caption (text size and theme follow the main window already). */
    void presenting(boolean on) {
        lessonBar.pseudoClassStateChanged(LessonBar.CAPTION, on);
    }

    /** Maximises a view of compare mode over the whole window (⤢, a double-click on its title), or restores it. */
    void toggleMaximise(PlotView v) {
        if (maximised == v) {
            restoreMaximised();
            return;
        }
        restoreMaximised();
        maximised = v;
        showCenter(v.getParent() == null ? v : detach(v));
    }

    /** The view on its own when maximised, else null. */
    PlotView maximisedView() {
        return maximised;
    }

    private Node detach(PlotView v) {
        GridPane from = (GridPane) v.getParent();
        v.getProperties().put(HOME, new Object[] {from, GridPane.getColumnIndex(v), GridPane.getRowIndex(v),
            GridPane.getColumnSpan(v), GridPane.getRowSpan(v)});
        from.getChildren().remove(v);
        v.setVisible(true);
        v.setManaged(true);
        return v;
    }

    private void restoreMaximised() {
        if (maximised == null) {
            return;
        }
        PlotView v = maximised;
        maximised = null;
        Object[] home = (Object[]) v.getProperties().remove(HOME);
        showCenter(bar.overlay.isSelected() ? overlayGrid : sideBySide);
        if (home != null) {
            ((GridPane) home[0]).add(v, (Integer) home[1], (Integer) home[2], spanOf(home[3]), spanOf(home[4]));
        }
        sideBySide.relayout();
    }

    /** What fills the window under the bar now (A beside B, the overlay, or the maximised view). */
    Node centerContent() {
        return body.getChildren().get(0);
    }

    /** What fills the window under the bar: A beside B, the overlay, or one maximised view (the set-up overlay stays above). */
    private void showCenter(Node content) {
        body.getChildren().set(0, content);
    }

    private static int spanOf(Object span) {
        return span == null ? 1 : (Integer) span;
    }

    private static final String HOME = "compare-home";

}
