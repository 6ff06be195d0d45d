package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.WidthSweep;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.ViewKind;
import io.ntkstudio.figure.Views;
import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.NetworkConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;
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
    final NotificationPane notifications;
    final StatusBar statusBar = new StatusBar();
    private ScrollPane sidePanel;
    private StackPane center;
    private StartPage startPage;
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
        setTop(new VBox(StudioMenus.build(this), transport));
        setLeft(side);
        center = new StackPane(notifications);
        setCenter(center);
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

    /** Text from 100 % to 250 %, for projectors. */
    void scaleText(double delta) {
        double next = Math.max(1.0, Math.min(2.5, model.textScaleProperty().get() + delta));
        model.textScaleProperty().set(next);
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

    void open() {
        File f = chooser("Open experiment").showOpenDialog(getScene().getWindow());
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Opens an experiment file; a bad file leaves the current experiment as it is. */
    void openFile(Path file) {
        try {
            ExperimentSpec spec = ExperimentJson.read(file);
            model.apply(spec.withData(spec.data().withFilesFrom(file.toAbsolutePath().getParent())));
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
