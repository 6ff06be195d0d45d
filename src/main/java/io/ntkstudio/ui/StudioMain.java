package io.ntkstudio.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;

/**
 * Launches the desktop studio ({@code mvn javafx:run}, or {@code java -jar ntk-studio.jar} with no
 * arguments). Without a display it says so in one line with the command that makes figures
 * without one; under Maven (which would wrap a failing exit in its own stack trace) it then
 * exits 0, elsewhere 2.
 */
public final class StudioMain {
    private StudioMain() {
    }

    /** One line: what is missing, and the exact command for figures without a display. */
    public static String noDisplayMessage(boolean jarBuilt) {
        // the installed app (jpackage's launcher says where it is) needs no jar and no build
        String app = System.getProperty("jpackage.app-path");
        if (app != null) {
            return "NTK Studio needs a display for its window, and none was found (DISPLAY and WAYLAND_DISPLAY are not set). "
                    + "For figures without one, run " + app + " render --spec EXPERIMENT.ntk --out figures.";
        }
        String render = "java -jar target/ntk-studio.jar render --spec assets/presets/circle.json --out figures";
        return "NTK Studio needs a display for its window, and none was found (DISPLAY and WAYLAND_DISPLAY are not set). "
                + "For figures without one, run " + (jarBuilt ? render : "mvn -B -q -DskipTests package, then " + render) + ".";
    }

    public static void main(String[] args) {
        Headless.quietJavaFxLogging();
        if (!Headless.hasDisplay()) {
            System.err.println(noDisplayMessage(Files.exists(Path.of("target", "ntk-studio.jar"))));
            System.exit("maven".equals(System.getProperty("ntk.launcher")) ? 0 : 2);
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
