package io.ntkstudio.cli;

import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.files.OutputDirectory;
import io.ntkstudio.input.InvalidInputException;
import java.io.IOException;
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
    static final String STATUS = "status.json";

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

    /** Writes status.json: {@code status} is complete, interrupted or diverged. */
    static void writeStatus(OutputDirectory dir, String command, String status, long step, long steps) throws IOException {
        AtomicFiles.write(dir.file(STATUS), w -> w.write(String.format(Locale.ROOT,
                "{\"command\": \"%s\", \"status\": \"%s\", \"step\": %d, \"steps\": %d}%n", command, status, step, steps)));
    }

    /** The status of a run that ended as {@code outcome} says. */
    static String status(boolean diverged, boolean stopped) {
        return diverged ? "diverged" : stopped ? "interrupted" : "complete";
    }
}
