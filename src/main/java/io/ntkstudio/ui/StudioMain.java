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
        try {
            Application.launch(StudioApp.class, args);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            System.err.println("NTK Studio could not open its window: " + why
                    + (why.contains("GTK") ? ". On Linux, install GTK 3 (e.g. sudo apt-get install libgtk-3-0)." : ""));
            System.exit(1);
        }
    }
}
