package io.ntkstudio.ui;

import io.ntkstudio.linalg.MatrixBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop application: opens on the experiment of the last session (or the default circle
 * experiment) and saves the current one when the window closes, so nothing is lost.
 */
public final class StudioApp extends Application {
    private StudioModel model;

    /** Where the last experiment is kept: ~/.ntk-studio (or the ntk.studio.home property). */
    static Path settingsDir() {
        return Path.of(System.getProperty("ntk.studio.home", System.getProperty("user.home") + "/.ntk-studio"));
    }

    @Override
    public void start(Stage stage) {
        LastExperiment last = new LastExperiment(settingsDir());
        boolean firstLaunch = !last.exists();
        model = new StudioModel(last.load(), settingsDir());
        StudioWindow window = new StudioWindow(model);
        // an experiment given to the program (a double-click on a shared .ntk file) opens at once
        List<String> files = getParameters().getRaw();
        if (!files.isEmpty()) {
            window.lessons.openFile(Path.of(files.get(0)));
        } else if (firstLaunch) {
            window.showStartPage();
        }
        stage.setTitle("NTK Studio");
        // the studio's size, or the screen's where that is smaller (a 1280 × 720 projector)
        javafx.geometry.Rectangle2D screen = WindowFit.screenOf(null);
        double[] size = WindowFit.size(WindowFit.MAIN_WIDTH, WindowFit.MAIN_HEIGHT, screen);
        stage.setScene(new Scene(window, size[0], size[1]));
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        stage.setOnHidden(e -> {
            try {
                last.save(model.specProperty().get());
            } catch (IOException ex) {
                System.err.println("NTK Studio: could not save the current experiment: " + ex.getMessage());
            }
            model.shutdown();
        });
        stage.show();
        WindowFit.place(stage, screen);
        model.start();
        String fallback = MatrixBackend.fallbackReason();
        String slow = fallback == null ? null : "Training uses the pure-Java backend, several times slower than OpenBLAS: "
                + fallback + ". Help → About has the details.";
        if (last.problem() != null || slow != null) {
            model.notify(last.problem() == null ? slow : slow == null ? last.problem() : last.problem() + " " + slow);
        }
    }
}
