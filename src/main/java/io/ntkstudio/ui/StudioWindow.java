package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.WidthSweep;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.Lesson;
import io.ntkstudio.figure.LessonJson;
import io.ntkstudio.figure.Staging;
import io.ntkstudio.figure.ViewKind;
import io.ntkstudio.figure.Views;
import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.NetworkConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;

/**
 * The studio's window content: menus ({@link StudioMenus}), transport, configuration on the left,
 * the views in the centre under an in-window notification bar for errors, the timeline and the
 * status bar; exports in {@link WindowExport}.
 */
public final class StudioWindow extends BorderPane {
    final StudioModel model;
    final ConfigPanel config;
    final TransportBar transport;
    final Dashboard dashboard;
    final MessageBar notifications;
    final StatusBar statusBar = new StatusBar();
    private ScrollPane sidePanel;
    private StackPane center;
    private StartPage startPage;
    final LessonBar lessonBar;
    /** The lesson on show (null: none), the folder its next part is looked for in (null: built in), and whether its note is hidden. */
    private Lesson lesson;
    private Path lessonFolder;
    private boolean noteHidden;
    /** The one compare window (null when closed): a new comparison replaces it. */
    private CompareWindow compare;
    final Presenter presenter;
    final SetupOverlay setup;
    final Menu recentMenu = new Menu("Open recent");
    final SweepRunner sweeps = new SweepRunner();
    List<WidthSweep.Point> lastSweep;
    private final RecentFiles recent = new RecentFiles(StudioApp.settingsDir().resolve("recent-experiments.txt"));
    final ExperimentSharing sharing;
    final WindowExport export;
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
        export = new WindowExport(this, model, dashboard);
        // the grid, or pages of two views when its cells would be too small for the text size
        Runnable fit = () -> dashboard.fit(dashboard.getWidth(), dashboard.getHeight(), model.textScaleProperty().get());
        dashboard.widthProperty().addListener((o, a, b) -> fit.run());
        dashboard.heightProperty().addListener((o, a, b) -> fit.run());
        model.textScaleProperty().addListener((o, a, b) -> fit.run());
        notifications = new MessageBar(model::dismissNotification);
        model.notificationProperty().addListener((o, a, b) -> {
            if (b == null) {
                notifications.hide();
            } else {
                notifications.show(b, model.notificationTypeset());
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
            List<javafx.scene.Parent> roots = new java.util.ArrayList<>(List.of(this));
            roots.addAll(dashboard.views());
            ComboWidths.refresh(roots.toArray(new javafx.scene.Parent[0]));
        });
        lessonBar = new LessonBar(this::nextPart, () -> showNote(false));
        lessonBar.setVisible(false);
        lessonBar.setManaged(false);
        presenter = new Presenter(this);
        setTop(new VBox(StudioMenus.build(this), transport));
        setLeft(side);
        setup = new SetupOverlay("Setting up the run", List.of(""), List.of(model), this::cancelSetup);
        center = new StackPane(dashboard, setup);
        BorderPane middle = new BorderPane(center);
        middle.setTop(new VBox(notifications, lessonBar));
        lessonBar.limitTo(middle.heightProperty(), model.textScaleProperty());
        setCenter(middle);
        setBottom(new VBox(timeline, statusBar));
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        sharing.acceptDrops(this);
        model.themeProperty().addListener((o, x, t) -> applyTheme(t));
        getStylesheets().add(StudioWindow.class.getResource("studio.css").toExternalForm());
    }

    /** Window colours for a theme (views follow through their renderer). */
    void applyTheme(ChartTheme t) {
        getStylesheets().removeIf(css -> css.endsWith("dark.css") || css.endsWith("high-contrast.css"));
        if (t != ChartTheme.LIGHT) {
            getStylesheets().add(StudioWindow.class.getResource(t.id() + ".css").toExternalForm());
        }
        dashboard.views().forEach(PlotView::requestRender);
    }

    /** Shows or hides the configuration panel (F9). */
    void showSidePanel(boolean show) {
        setLeft(show ? sidePanel : null);
    }

    /** Shows or hides the status bar (presenter mode gives its room to the views; the timeline still shows the step). */
    void showStatusBar(boolean show) {
        statusBar.setVisible(show);
        statusBar.setManaged(show);
    }

    boolean sidePanelShown() {
        return getLeft() != null;
    }

    /** Full screen on or off (F11), for the stage this window is in. */
    void fullScreen(boolean on) {
        if (getScene() != null && getScene().getWindow() instanceof Stage st) {
            // Esc is ours (leave full screen, then restore the grid), not also the stage's
            st.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            st.setFullScreenExitHint("");
            st.setFullScreen(on);
        }
    }

    boolean fullScreen() {
        return getScene() != null && getScene().getWindow() instanceof Stage st && st.isFullScreen();
    }

    /** Text from 100 % to 250 %, for projectors. */
    void scaleText(double delta) {
        double next = Math.max(1.0, Math.min(2.5, model.textScaleProperty().get() + delta));
        model.textScaleProperty().set(next);
    }

    /** Space, S, R, N, Esc and the rest of {@link Shortcuts}, unless the person is typing in a field. */
    private void shortcut(KeyEvent e) {
        // function keys act even from a field: nobody types them
        switch (e.getCode()) {
            case F5 -> presenter.toggle();
            case F9 -> showSidePanel(!sidePanelShown());
            case F11 -> fullScreen(!fullScreen());
            default -> {
            }
        }
        if (e.getCode() == KeyCode.F5 || e.getCode() == KeyCode.F9 || e.getCode() == KeyCode.F11) {
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown() || getScene() != null && getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if ("?".equals(e.getText())) {
            Shortcuts.show(getScene() == null ? null : getScene().getWindow());
            e.consume();
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
            case N -> showNote(noteHidden);
            case ESCAPE -> {
                // one thing at a time: out of full screen, out of presenter mode, then the start page or a maximised view
                if (fullScreen()) {
                    fullScreen(false);
                } else if (presenter.on()) {
                    presenter.toggle();
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
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons and experiments (*.ntk, *.json)", "*.ntk", "*.json"));
        return c;
    }

    void open() {
        File f = chooser("Open a lesson or an experiment").showOpenDialog(getScene().getWindow());
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Opens a lesson or an experiment file, fresh; a bad file leaves what is on show as it is and says why in one line. */
    void openFile(Path file) {
        Lesson opened;
        try {
            opened = LessonJson.read(file);
        } catch (InvalidInputException e) {
            model.notify("Could not open " + file.getFileName() + ": " + e.getMessage());
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        openLesson(withFilesFrom(opened, folder), folder);
        recent.add(file);
    }

    /** CSV data named by a lesson's experiments is found beside its file. */
    private static Lesson withFilesFrom(Lesson l, Path folder) {
        ExperimentSpec a = l.experiment().withData(l.experiment().data().withFilesFrom(folder));
        ExperimentSpec b = l.compare() == null ? null : l.compare().withData(a.data());
        return new Lesson(l.title(), l.note(), a, b, l.staging(), l.next());
    }

    /**
     * Opens a lesson (or a plain experiment), always from initialisation and paused: its speed,
     * views and note; for a comparison, compare mode in place of any compare window open.
     * {@code folder}: where its next part is looked for (null: among the built-in lessons).
     */
    CompareWindow openLesson(Lesson l, Path folder) {
        closeCompare();
        model.open(l.experiment());
        if (l.isPlain()) {
            lesson = null;
            lessonFolder = null;
            lessonBar.setVisible(false);
            lessonBar.setManaged(false);
            return null;
        }
        lesson = l;
        lessonFolder = folder;
        Staging st = l.staging();
        model.setStepsPerSecond(st.stepsPerSecond());
        dashboard.stage(st);
        presenter.restage();
        lessonBar.show(l);
        showNote(true);
        return l.compares() ? openCompare(l.experiment(), l.compare(), l) : null;
    }

    /** Gives the set-up in progress up: back to the last experiment built, without the lesson or its comparison. */
    void cancelSetup() {
        closeCompare();
        lesson = null;
        showNote(false);
        model.cancelSetup();
    }

    /** The lesson on show, or null. */
    Lesson lesson() {
        return lesson;
    }

    /** Shows or hides the lesson's note above the views (N, or its ✕). */
    void showNote(boolean show) {
        noteHidden = !show;
        boolean shown = show && lesson != null;
        lessonBar.setVisible(shown);
        lessonBar.setManaged(shown);
        if (compare != null) {
            compare.showNote(shown);
        }
    }

    boolean noteShown() {
        return lessonBar.isVisible();
    }

    /** Opens the lesson's next part, fresh; a missing or bad file is said in one line and nothing changes. */
    void nextPart() {
        if (lesson == null || lesson.next() == null) {
            return;
        }
        String next = lesson.next();
        if (lessonFolder == null) {
            if (!BuiltInLessons.exists(next)) {
                model.notify("Could not open the next part: there is no built-in lesson " + next + ".");
                return;
            }
            openLesson(BuiltInLessons.load(next), null);
            return;
        }
        Path file = lessonFolder.resolve(next);
        if (!Files.isRegularFile(file)) {
            model.notify("Could not open the next part: " + file + " is not there; keep the parts of a lesson in one folder.");
            return;
        }
        openFile(file);
    }

    /** Starts the width sweep of the current experiment in the background, progress in the status bar. */
    void sweep() {
        statusBar.progressProperty().bind(sweeps.progressProperty());
        sweeps.start(model.specProperty().get(), StudioApp.settingsDir(), points -> {
            lastSweep = points;
            SweepWindow.show(points, model, getScene() == null ? null : getScene().getWindow());
        }, model::notify);
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

    /**
     * Compare mode, with a lesson's note and staging (may be null), following this window's theme,
     * text and speed; it replaces the compare window open, whose runs stop.
     */
    CompareWindow openCompare(ExperimentSpec a, ExperimentSpec b, Lesson withLesson) {
        closeCompare();
        CompareWindow opened = new CompareWindow(a, b, StudioApp.settingsDir(), model, withLesson, this::nextPart);
        Stage stage = new Stage();
        stage.setTitle("NTK Studio — compare A and B");
        Window owner = getScene() == null ? null : getScene().getWindow();
        javafx.geometry.Rectangle2D screen = WindowFit.screenOf(owner);
        double[] size = WindowFit.size(WindowFit.COMPARE_WIDTH, WindowFit.COMPARE_HEIGHT, screen);
        stage.setScene(new Scene(opened, size[0], size[1]));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setOnHidden(e -> {
            opened.controller.shutdown();
            if (compare == opened) {
                compare = null;
            }
        });
        compare = opened;
        opened.presenting(presenter.on());
        stage.show();
        WindowFit.place(stage, screen);
        opened.controller.start();
        return opened;
    }

    /** The compare window on show, or null. */
    CompareWindow compareWindow() {
        return compare;
    }

    /** Closes the compare window, if one is open; its runs stop. */
    void closeCompare() {
        if (compare != null && compare.getScene() != null && compare.getScene().getWindow() != null) {
            compare.getScene().getWindow().hide();
        }
        compare = null;
    }

    /** Shows the start page over the views: the scenarios, or explore on your own. */
    void showStartPage() {
        if (startPage != null) {
            return;
        }
        startPage = new StartPage(entry -> {
            hideStartPage();
            openLesson(entry.lesson(), null);
        }, this::hideStartPage, model.textScaleProperty());
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

    /** Opens a built-in lesson by its file name. */
    CompareWindow openBuiltIn(String file) {
        return openLesson(BuiltInLessons.load(file), null);
    }

    void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            recentMenu.getItems().add(StudioMenus.item(p.toString(), null, () -> openFile(p)));
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    void save() {
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
