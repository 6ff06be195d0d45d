package io.ntkstudio.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rule for files the studio reads at start (the last experiment, the recent list): one that
 * cannot be read is never overwritten. It is moved aside as NAME.bad (NAME.bad.2, … if that
 * exists), byte for byte, and the person is told where; if it cannot be moved, it is left alone
 * and not written over for the rest of the session.
 */
final class SettingsFiles {
    private SettingsFiles() {
    }

    /** Moves {@code file} aside; returns where it went, or null when it could not be moved. */
    static Path moveAside(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + ".bad");
        for (int k = 2; Files.exists(aside) && k < 1000; k++) {
            aside = file.resolveSibling(file.getFileName() + ".bad." + k);
        }
        try {
            Files.move(file, aside);
            return aside;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One line for the window: what was wrong with {@code file}, and where it is now. */
    static String report(Path file, String problem, Path aside) {
        String where = aside != null
                ? "it was moved to " + aside + " and nothing was overwritten"
                : "it was left as it is and will not be overwritten in this session";
        return "Could not read " + file + " (" + shorten(problem) + "); " + where + ". Started from the defaults.";
    }

    private static String shorten(String problem) {
        String one = problem == null ? "unreadable" : problem.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 157) + "…" : one;
    }
}
