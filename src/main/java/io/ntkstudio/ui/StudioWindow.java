package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.WidthSweep;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.ViewKind;
import io.ntkstudio.figure.Views;
import io.ntkstudio.files.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
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
    /** The lesson on show, its note and next part. */
    final LessonDesk lessons = new LessonDesk(this);
    /** The one compare window: a new comparison replaces it. */
    final CompareLauncher compares = new CompareLauncher(this);
    final Presenter presenter;
    final SetupOverlay setup;
    final Menu recentMenu = new Menu("Open recent");
    final SweepRunner sweeps = new SweepRunner();
    List<WidthSweep.Point> lastSweep;
    final RecentFiles recent = new RecentFiles(StudioApp.settingsDir().resolve("recent-experiments.txt"));
    final ExperimentSharing sharing;
    final WindowExport export;
    final Timeline timeline;

    public StudioWindow(StudioModel model) {
        this(model, Views.ALL);
    }

    /** The window with these views (the studio's own list, or a longer one in a test). */
    StudioWindow(StudioModel model, List<ViewKind> views) {
        this.model = model;
        this.sharing = new ExperimentSharing(model, file -> lessons.openFile(file));
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
        lessonBar = new LessonBar(lessons::nextPart, () -> lessons.showNote(false));
        lessonBar.setVisible(false);
        lessonBar.setManaged(false);
        presenter = new Presenter(this);
        setTop(new VBox(StudioMenus.build(this), transport));
        setLeft(side);
        setup = new SetupOverlay("Setting up the run", List.of(""), List.of(model), lessons::cancelSetup);
        center = new StackPane(dashboard, setup);
        BorderPane middle = new BorderPane(center);
        middle.setTop(new VBox(notifications, lessonBar));
        lessonBar.limitTo(middle.heightProperty(), model.textScaleProperty());
        setCenter(middle);
        setBottom(new VBox(timeline, statusBar));
        WindowKeys.install(this);
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

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons and experiments (*.ntk, *.json)", "*.ntk", "*.json"));
        return c;
    }

    void open() {
        File f = chooser("Open a lesson or an experiment").showOpenDialog(getScene().getWindow());
        if (f != null) {
            lessons.openFile(f.toPath());
        }
    }

    /** Starts the width sweep of the current experiment in the background, progress in the status bar. */
    void sweep() {
        statusBar.progressProperty().bind(sweeps.progressProperty());
        sweeps.start(model.specProperty().get(), StudioApp.settingsDir(), points -> {
            lastSweep = points;
            SweepWindow.show(points, model, getScene() == null ? null : getScene().getWindow());
        }, model::notify);
    }

    /** Shows the start page over the views: the scenarios, or explore on your own. */
    void showStartPage() {
        if (startPage != null) {
            return;
        }
        startPage = new StartPage(entry -> {
            hideStartPage();
            lessons.open(entry.lesson(), null);
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

    void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            recentMenu.getItems().add(StudioMenus.item(p.toString(), null, () -> lessons.openFile(p)));
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
