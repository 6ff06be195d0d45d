package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.figure.Lesson;
import io.ntkstudio.network.NetworkConfig;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The studio's one compare window: opened on the screen the studio is on, at its size or the
 * screen's, following the studio's theme, text and speed; a new comparison replaces it and stops
 * its runs, so that windows never pile up.
 */
final class CompareLauncher {
    private final StudioWindow w;
    /** The compare window on show, or null. */
    private CompareWindow compare;

    CompareLauncher(StudioWindow w) {
        this.w = w;
    }

    /** A is the current experiment, B the same four times wider to start with; the person then picks what B differs in. */
    CompareWindow open() {
        ExperimentSpec a = w.model.specProperty().get();
        return open(a, a.withNetwork(a.network().withWidth(Math.min(NetworkConfig.MAX_WIDTH, 4 * a.network().width()))), null);
    }

    /** Compare mode for A and B (B keeps A's data and seed), with a lesson's note and staging (may be null). */
    CompareWindow open(ExperimentSpec a, ExperimentSpec b, Lesson lesson) {
        close();
        CompareWindow opened = new CompareWindow(a, b, StudioApp.settingsDir(), w.model, lesson, w.lessons::nextPart);
        Stage stage = new Stage();
        stage.setTitle("NTK Studio — compare A and B");
        Window owner = w.getScene() == null ? null : w.getScene().getWindow();
        Rectangle2D screen = WindowFit.screenOf(owner);
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
        opened.presenting(w.presenter.on());
        stage.show();
        WindowFit.place(stage, screen);
        opened.controller.start();
        return opened;
    }

    /** The compare window on show, or null. */
    CompareWindow window() {
        return compare;
    }

    /** Closes the compare window, if one is open; its runs stop. */
    void close() {
        if (compare != null && compare.getScene() != null && compare.getScene().getWindow() != null) {
            compare.getScene().getWindow().hide();
        }
        compare = null;
    }
}
