package io.ntkstudio.cli;

import io.ntkstudio.files.OutputDirectory;
import io.ntkstudio.input.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The output folder of {@code train}, {@code render} and {@code sweep}: checked before any work,
 * written as one unit ({@link OutputDirectory}), with {@code status.json} saying whether the set
 * is complete, interrupted by a signal, or stopped by divergence, and at which step.
 */
final class OutputFolder {
    static final String STATUS = OutputDirectory.MANIFEST;

    private OutputFolder() {
    }

    /** Opens {@code out} for a command writing {@code names} (plus status.json); a refusal is bad input. */
    static OutputDirectory open(Path out, Set<String> names) throws IOException {
        Set<String> all = new HashSet<>(names);
        all.add(STATUS);
        try {
            return OutputDirectory.open(out, all);
        } catch (OutputDirectory.Refused e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /**
     * Commits the set with status.json saying {@code status} (complete, interrupted or diverged) at
     * {@code step} of {@code steps}, and the files; tells {@code err} when the old folder was kept.
     */
    static void commit(OutputDirectory dir, String command, String status, long step, long steps, PrintWriter err)
            throws IOException {
        String kept = dir.commit(String.format(Locale.ROOT, "\"command\": \"%s\", \"status\": \"%s\", \"step\": %d, \"steps\": %d",
                command, status, step, steps));
        if (kept != null) {
            err.println(command + ": " + kept);
        }
    }

    /** The status of a run that ended as {@code outcome} says. */
    static String status(boolean diverged, boolean stopped) {
        return diverged ? "diverged" : stopped ? "interrupted" : "complete";
    }
}
