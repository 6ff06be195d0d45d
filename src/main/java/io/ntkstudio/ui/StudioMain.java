package io.ntkstudio.ui;

import javafx.application.Application;

/** Launches the desktop studio ({@code mvn javafx:run}). */
public final class StudioMain {
    private StudioMain() {
    }

    public static void main(String[] args) {
        Headless.quietJavaFxLogging();
        if (!Headless.hasDisplay()) {
            System.err.println("NTK Studio needs a display for its window (none found: DISPLAY is not set). "
                    + "The command line works anywhere: java -jar target/ntk-studio.jar --help");
            System.exit(2);
        }
        Application.launch(StudioApp.class, args);
    }
}
