package io.ntkstudio.ui;

import io.ntkstudio.data.DataSpec;
import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.engine.WidthSweep;
import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.Surface;
import io.ntkstudio.figure.FigureSet;
import io.ntkstudio.figure.SweepChart;
import io.ntkstudio.figure.ViewKind;
import io.ntkstudio.figure.Views;
import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.NetworkConfig;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.scene.transform.Scale;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;

/**
 * The studio's window content: menus, transport, configuration on the left, the four views in
 * the centre under an in-window notification bar for errors, and the status bar.
 */
public final class StudioWindow extends BorderPane {
    final StudioModel model;
    final ConfigPanel config;
    final TransportBar transport;
    final Dashboard dashboard;
    final NotificationPane notifications;
    final StatusBar statusBar = new StatusBar();
    private ScrollPane sidePanel;
    private StackPane center;
    private StartPage startPage;
    private final Menu recentMenu = new Menu("Open recent");
    private final CheckMenuItem captionWindow = new CheckMenuItem("with a caption stating the configuration");
    final SweepRunner sweeps = new SweepRunner();
    List<WidthSweep.Point> lastSweep;
    private final RecentFiles recent = new RecentFiles(StudioApp.settingsDir().resolve("recent-experiments.txt"));
    private final ExperimentSharing sharing;
    final Timeline timeline;

    public StudioWindow(StudioModel model) {
        this(model, Views.ALL);
    }

    /** The window with these views (the studio's own list, or a longer one in a test). */
    StudioWindow(StudioModel model, List<ViewKind> views) {
        this.model = model;
        this.sharing = new ExperimentSharing(model, this::openFile);
        this.timeline = new Timeline(model);
        setId("studio");
        getStyleClass().add("studio");
        config = new ConfigPanel(model);
        transport = new TransportBar(model);
        dashboard = new Dashboard(model, views);
        // the grid, or pages of two views when its cells would be too small for the text size
        Runnable fit = () -> dashboard.fit(dashboard.getWidth(), dashboard.getHeight(), model.textScaleProperty().get());
        dashboard.widthProperty().addListener((o, a, b) -> fit.run());
        dashboard.heightProperty().addListener((o, a, b) -> fit.run());
        model.textScaleProperty().addListener((o, a, b) -> fit.run());
        notifications = new NotificationPane(dashboard);
        notifications.setId("notifications");
        notifications.setShowFromTop(true);
        model.notificationProperty().addListener((o, a, b) -> {
            if (b == null) {
                notifications.hide();
            } else if (!model.notificationTypeset()) {
                notifications.show(b);
            } else {
                TextFlow note = MathFlow.paragraph(b);
                note.setId("notification-text");
                // wraps inside the bar, whatever the window's width and text size
                note.prefWidthProperty().bind(notifications.widthProperty().subtract(90));
                notifications.show("", note);
            }
        });
        statusBar.setId("status-bar");
        statusBar.textProperty().bind(model.statusProperty());
        ScrollPane side = new ScrollPane(config);
        side.setFitToWidth(true);
        side.setPrefWidth(260);
        side.setMinWidth(220);
        side.getStyleClass().add("config-scroll");
        sidePanel = side;
        model.textScaleProperty().addListener((o, a, b) -> {
            setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * b.doubleValue()));
            dashboard.views().forEach(PlotView::requestRender);
        });
        setTop(new VBox(menus(), transport));
        setLeft(side);
        center = new StackPane(notifications);
        setCenter(center);
        setBottom(new VBox(timeline, statusBar));
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        sharing.acceptDrops(this);
        model.themeProperty().addListener((o, x, t) -> applyTheme(t));
        getStylesheets().add(StudioWindow.class.getResource("studio.css").toExternalForm());
    }

    private MenuBar menus() {
        MenuItem open = item("Open experiment…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::open);
        MenuItem save = item("Save experiment as…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            Window w = getScene() == null ? null : getScene().getWindow();
            if (w != null) {
                w.hide();
            }
        });
        Menu exportWindow = new Menu("Export window as PNG");
        for (int k = 1; k <= 3; k++) {
            int scale = k;
            exportWindow.getItems().add(item("at " + k + "×…", k == 2 ? new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN) : null,
                    () -> exportWindow(scale)));
        }
        exportWindow.getItems().add(new SeparatorMenuItem());
        for (int[] size : ViewActions.SLIDES) {
            // the six views as one slide, painted at the slide's resolution, as `render --size` does
            exportWindow.getItems().add(item(String.format(Locale.ROOT, "the views as a %d × %d slide (%s)…", size[0], size[1],
                    size[0] * 9 == size[1] * 16 ? "16:9" : "4:3"), null, () -> exportSlide(size[0], size[1])));
        }
        exportWindow.getItems().addAll(new SeparatorMenuItem(), captionWindow);
        captionWindow.setSelected(true);
        recentMenu.setOnShowing(e -> fillRecent());
        Menu file = new Menu("File", null, open, recentMenu, save, new SeparatorMenuItem(),
                sharing.copyItem(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
                sharing.pasteItem(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
                new SeparatorMenuItem(), exportWindow, new SeparatorMenuItem(), quit);
        MenuItem cancelSweep = item("Cancel the width sweep", null, sweeps::cancel);
        cancelSweep.disableProperty().bind(sweeps.runningProperty().not());
        MenuItem startSweep = item("Width sweep: kernel change against width, ntk and μP", null, this::sweep);
        startSweep.disableProperty().bind(sweeps.runningProperty());
        Menu run = new Menu("Run", null,
                item("Play / Pause   (Space)", null, model::togglePlay),
                item("Step   (S)", null, model::step),
                item("Reset   (R)", null, model::reset),
                new SeparatorMenuItem(), startSweep, cancelSweep);
        Menu view = new Menu("View");
        for (int i = 0; i < dashboard.views().size(); i++) {
            PlotView v = dashboard.views().get(i);
            view.getItems().add(item("Maximise " + v.kind().title(), i < 9 ? new KeyCodeCombination(
                    KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN) : null, () -> dashboard.toggle(v)));
        }
        view.getItems().add(item("Show all views   (Esc)", null, dashboard::restore));
        view.getItems().add(new SeparatorMenuItem());
        view.getItems().add(item("Larger text", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> scaleText(0.25)));
        view.getItems().add(item("Smaller text", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> scaleText(-0.25)));
        view.getItems().add(item("Text at 100 %", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                () -> model.textScaleProperty().set(1.0)));
        CheckMenuItem hide = new CheckMenuItem("Hide the configuration panel");
        hide.setAccelerator(new KeyCodeCombination(KeyCode.F9));
        hide.selectedProperty().addListener((o, a, b) -> setLeft(b ? null : sidePanel));
        CheckMenuItem full = new CheckMenuItem("Full screen");
        full.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        full.setOnAction(e -> {
            if (getScene() != null && getScene().getWindow() instanceof Stage st) {
                // Esc is ours (leave full screen, then restore the grid), not also the stage's
                st.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
                st.setFullScreen(full.isSelected());
            }
        });
        view.getItems().addAll(hide, full);
        Menu themes = new Menu("Theme");
        ToggleGroup group = new ToggleGroup();
        for (ChartTheme t : ChartTheme.values()) {
            RadioMenuItem item = new RadioMenuItem(
                    switch (t) {
                        case LIGHT -> "Light";
                        case HIGH_CONTRAST -> "High contrast (projectors)";
                        case DARK -> "Dark";
                    });
            item.setToggleGroup(group);
            item.setSelected(t == model.themeProperty().get());
            item.setOnAction(e -> model.themeProperty().set(t));
            themes.getItems().add(item);
        }
        view.getItems().add(themes);
        view.getItems().addAll(new SeparatorMenuItem(), item("Compare two runs side by side…",
                new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), this::openCompare));
        Menu scenarios = new Menu("Scenarios");
        scenarios.getItems().addAll(item("Start page…", null, this::showStartPage), new SeparatorMenuItem());
        for (Scenario sc : Scenario.ALL) {
            scenarios.getItems().add(item(sc.title(), null, () -> openScenario(sc)));
        }
        Menu help = new Menu("Help", null, item("About NTK Studio", null,
                () -> ExperimentSharing.showAbout(getScene() == null ? null : getScene().getWindow())));
        MenuBar bar = new MenuBar(file, run, view, scenarios, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** Window colours for a theme (views follow through their renderer). */
    void applyTheme(ChartTheme t) {
        getStylesheets().removeIf(css -> css.endsWith("dark.css") || css.endsWith("high-contrast.css"));
        if (t != ChartTheme.LIGHT) {
            getStylesheets().add(StudioWindow.class.getResource(t.id() + ".css").toExternalForm());
        }
        dashboard.views().forEach(PlotView::requestRender);
    }

    /** Text from 100 % to 250 %, for projectors. */
    void scaleText(double delta) {
        double next = Math.max(1.0, Math.min(2.5, model.textScaleProperty().get() + delta));
        model.textScaleProperty().set(next);
    }

    private static MenuItem item(String text, KeyCombination accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accel != null) {
            m.setAccelerator(accel);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Space, S, R and Esc, unless the person is typing in a field. */
    private void shortcut(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || getScene() != null && getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        switch (e.getCode()) {
            case SPACE -> model.togglePlay();
            case S -> model.step();
            case R -> model.reset();
            case LEFT -> timeline.move(-1);
            case RIGHT -> timeline.move(1);
            case HOME -> timeline.first();
            case PAGE_DOWN -> dashboard.turnPage(1);
            case PAGE_UP -> dashboard.turnPage(-1);
            case END -> model.showLive();
            case ESCAPE -> {
                // one thing at a time: first out of full screen, then the start page or a maximised view
                if (getScene() != null && getScene().getWindow() instanceof Stage st && st.isFullScreen()) {
                    st.setFullScreen(false);
                } else {
                    hideStartPage();
                    dashboard.restore();
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiments (*.ntk, *.json)", "*.ntk", "*.json"));
        return c;
    }

    private void open() {
        File f = chooser("Open experiment").showOpenDialog(getScene().getWindow());
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Opens an experiment file; a bad file leaves the current experiment as it is. */
    void openFile(Path file) {
        try {
            model.apply(withAbsolutePaths(ExperimentJson.read(file), file.toAbsolutePath().getParent()));
            recent.add(file);
        } catch (InvalidInputException e) {
            model.notify("Could not open the experiment: " + e.getMessage());
        }
    }

    /** Starts the width sweep of the current experiment in the background, progress in the status bar. */
    void sweep() {
        statusBar.progressProperty().bind(sweeps.progressProperty());
        sweeps.start(model.specProperty().get(), StudioApp.settingsDir(), points -> {
            lastSweep = points;
            showSweep(points);
        }, model::notify);
    }

    private void showSweep(List<WidthSweep.Point> points) {
        BufferedImage img = SweepChart.render(points, model.specProperty().get().training().steps(), 1);
        ImageView view = new ImageView(SwingFXUtils.toFXImage(img, null));
        Button save = new Button("Save as PNG (2×)…");
        save.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setInitialFileName("sweep.png");
            File f = c.showSaveDialog(save.getScene().getWindow());
            if (f != null) {
                try {
                    FigureSet.writePng(SweepChart.render(points,
                            model.specProperty().get().training().steps(), 2), f.toPath());
                } catch (IOException ex) {
                    model.notify("Could not save the sweep: " + ex.getMessage());
                }
            }
        });
        Stage stage = new Stage();
        stage.setTitle("NTK Studio — width sweep");
        stage.setScene(new Scene(new VBox(6, view, save)));
        if (getScene() != null) {
            stage.initOwner(getScene().getWindow());
        }
        stage.show();
    }

    /**
     * Opens compare mode: A is the current experiment, B the same with a four-times width to
     * start with; the person then picks what B differs in.
     */
    CompareWindow openCompare() {
        ExperimentSpec a = model.specProperty().get();
        return openCompare(a, a.withNetwork(a.network().withWidth(Math.min(NetworkConfig.MAX_WIDTH, 4 * a.network().width()))));
    }

    /** Opens compare mode for two given experiments (B keeps A's data and seed). */
    CompareWindow openCompare(ExperimentSpec a, ExperimentSpec b) {
        return openCompare(a, b, null);
    }

    /** Compare mode with a note on what to watch (a scenario's), following this window's theme, text and speed. */
    CompareWindow openCompare(ExperimentSpec a, ExperimentSpec b, String note) {
        CompareWindow compare = new CompareWindow(a, b, StudioApp.settingsDir(), model, note);
        Stage stage = new Stage();
        stage.setTitle("NTK Studio — compare A and B");
        stage.setScene(new Scene(compare, 1300, 860));
        if (getScene() != null) {
            stage.initOwner(getScene().getWindow());
        }
        stage.setOnHidden(e -> compare.controller.shutdown());
        stage.show();
        compare.controller.start();
        return compare;
    }

    /** CSV paths in an experiment file are relative to that file; the studio keeps them absolute. */
    static ExperimentSpec withAbsolutePaths(ExperimentSpec spec, Path folder) {
        DataSpec d = spec.data();
        if (!d.readsFiles()) {
            return spec;
        }
        String train = folder.resolve(d.train()).toString();
        String test = d.test() == null ? null : folder.resolve(d.test()).toString();
        return spec.withData(new DataSpec(d.source(), d.n(), d.testN(), d.target(), d.frequency(),
                d.noise(), d.seed(), train, test));
    }

    /** Shows the start page over the views: the scenarios, or explore on your own. */
    void showStartPage() {
        if (startPage != null) {
            return;
        }
        startPage = new StartPage(sc -> {
            hideStartPage();
            openScenario(sc);
        }, this::hideStartPage);
        StackPane.setAlignment(startPage, Pos.CENTER);
        center.getChildren().add(startPage);
    }

    void hideStartPage() {
        center.getChildren().remove(startPage);
        startPage = null;
    }

    boolean startPageShowing() {
        return startPage != null;
    }

    /** Loads a scenario's experiment and shows what to watch. */
    CompareWindow openScenario(Scenario sc) {
        model.pause();
        ExperimentSpec spec = sc.load();
        model.apply(spec);
        model.setStepsPerSecond(sc.stepsPerSecond());
        model.notifyNote(sc.title() + ": " + sc.explanation());
        return sc.compares() ? openCompare(spec, sc.compareWith().apply(spec), sc.title() + ": " + sc.explanation()) : null;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            recentMenu.getItems().add(item(p.toString(), null, () -> openFile(p)));
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private void exportSlide(int width, int height) {
        FileChooser c = new FileChooser();
        c.setTitle("Export the views as a slide");
        c.setInitialFileName("ntk-studio-" + width + "x" + height + ".png");
        File f = c.showSaveDialog(getScene().getWindow());
        if (f != null) {
            try {
                exportSlidePng(f.toPath(), width, height);
            } catch (IOException | RuntimeException e) {
                model.notify("Could not export to " + f + ": " + e.getMessage() + ". Nothing was written there.");
            }
        }
    }

    /**
     * The views of the grid as one {@code width} × {@code height} picture, captioned, every chart
     * painted at that resolution with text at 1.5× (what reads on a projector), as `render --size`.
     */
    void exportSlidePng(Path file, int width, int height) throws IOException {
        ChartInputs in = model.chartInputs(dashboard.views().get(0));
        if (in == null) {
            throw new IOException("there is nothing to export yet");
        }
        FigureSet.writePng(FigureSet.dashboard(in, model.themeProperty().get(),
                dashboard.views().stream().map(PlotView::kind).toList(), width, height, 1.5), file);
    }

    private void exportWindow(int scale) {
        FileChooser c = new FileChooser();
        c.setTitle("Export the window as PNG");
        c.setInitialFileName("ntk-studio@" + scale + "x.png");
        File f = c.showSaveDialog(getScene().getWindow());
        if (f != null) {
            try {
                exportWindowPng(f.toPath(), scale, captionWindow.isSelected());
            } catch (IOException | RuntimeException e) {
                model.notify("Could not export to " + f + ": " + e.getMessage() + ". Nothing was written there.");
            }
        }
    }

    /** The whole window as a PNG at {@code scale} × its size, optionally under a caption, written atomically. */
    void exportWindowPng(Path file, double scale, boolean caption) throws IOException {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(new Scale(scale, scale));
        // the charts are repainted at the export's resolution, not enlarged from the screen's
        for (PlotView v : dashboard.views()) {
            v.beginSharp(scale);
        }
        BufferedImage shot;
        try {
            shot = SwingFXUtils.fromFXImage(snapshot(p, null), null);
        } finally {
            for (PlotView v : dashboard.views()) {
                v.endSharp();
            }
        }
        TrainingSnapshot s = model.snapshotProperty().get();
        if (!caption || s == null) {
            FigureSet.writePng(shot, file);
            return;
        }
        int band = (int) Math.round(ViewActions.CAPTION * scale);
        BufferedImage out = new BufferedImage(shot.getWidth(), shot.getHeight() + band,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            Surface.begin(g, out.getWidth(), out.getHeight(), model.themeProperty().get());
            g.scale(scale, scale);
            FigureSet.drawCaption(g, FigureSet.caption(s), ViewActions.CAPTION);
            g.scale(1 / scale, 1 / scale);
            g.drawImage(shot, 0, band, null);
        } finally {
            g.dispose();
        }
        FigureSet.writePng(out, file);
    }

    private void save() {
        File f = chooser("Save experiment").showSaveDialog(getScene().getWindow());
        if (f != null) {
            saveFile(f.toPath());
        }
    }

    void saveFile(Path file) {
        ExperimentSpec s = model.specProperty().get();
        try {
            AtomicFiles.write(file, w -> w.write(ExperimentJson.format(s)));
            recent.add(file);
        } catch (IOException e) {
            model.notify("Could not save to " + file + ": " + e.getMessage() + ". Nothing was changed there.");
        }
    }
}
