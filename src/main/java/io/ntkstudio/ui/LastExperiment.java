package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The experiment of the last session, {@code last-experiment.json} in the settings folder. A file
 * that does not parse or is out of range is not replaced by the defaults silently: it is moved
 * aside under the rule of {@link SettingsFiles}, and {@link #problem()} says so for the window.
 */
final class LastExperiment {
    private final Path file;
    private String problem;
    private boolean leaveAlone;

    LastExperiment(Path settingsDir) {
        this.file = settingsDir.resolve("last-experiment.json");
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The saved experiment, or the defaults when there is none or it cannot be used. */
    ExperimentSpec load() {
        if (!Files.exists(file)) {
            return ExperimentSpec.defaults();
        }
        try {
            return ExperimentJson.read(file);
        } catch (RuntimeException e) {
            Path aside = SettingsFiles.moveAside(file);
            leaveAlone = aside == null;
            String why = e.getMessage() == null ? e.toString() : e.getMessage().replace(file + ": ", "");
            problem = SettingsFiles.report(file, why, aside);
            return ExperimentSpec.defaults();
        }
    }

    /** What was wrong with the file at {@link #load()}, for the window; null if nothing. */
    String problem() {
        return problem;
    }

    /** Keeps {@code spec} for the next launch, unless a bad file could not be moved aside. */
    void save(ExperimentSpec spec) throws IOException {
        if (!leaveAlone) {
            AtomicFiles.write(file, w -> w.write(ExperimentJson.format(spec)));
        }
    }
}
