package io.ntkstudio.ui;

import io.ntkstudio.engine.AtomicFiles;
import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static ExperimentSpec lastExperiment() {
        Path last = settingsDir().resolve("last-experiment.json");
        if (Files.isRegularFile(last)) {
            try {
                return ExperimentJson.read(last);
            } catch (RuntimeException e) {
                // An unreadable file from an older version: start from the defaults instead.
                return ExperimentSpec.defaults();
            }
        }
        return ExperimentSpec.defaults();
    }

    @Override
    public void start(Stage stage) {
        boolean firstLaunch = !java.nio.file.Files.exists(settingsDir().resolve("last-experiment.json"));
        model = new StudioModel(lastExperiment(), settingsDir());
        StudioWindow window = new StudioWindow(model);
        if (firstLaunch) {
            window.showStartPage();
        }
        stage.setTitle("NTK Studio");
        stage.setScene(new Scene(window, 1360, 860));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnHidden(e -> {
            saveLast(model.specProperty().get());
            model.shutdown();
        });
        stage.show();
        model.start();
    }

    static void saveLast(ExperimentSpec spec) {
        try {
            AtomicFiles.write(settingsDir().resolve("last-experiment.json"), w -> w.write(ExperimentJson.format(spec)));
        } catch (IOException e) {
            System.err.println("NTK Studio: could not save the current experiment: " + e.getMessage());
        }
    }
}
