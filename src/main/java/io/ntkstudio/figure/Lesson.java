package io.ntkstudio.figure;

import io.ntkstudio.engine.ExperimentSpec;

/**
 * A lesson, as a teacher writes it in a {@code .ntk} file ({@link LessonJson}): a title, a note on
 * what to watch (in the charts' markup: Θ_t, 2n/λ_max), the experiment, or two for compare mode
 * (B trains on A's data from A's seed), how to show it, and optionally the file of the next part.
 * An experiment file opened on its own is a lesson with neither title nor staging ({@link #plain}).
 *
 * @param compare B's experiment, or null for a single run
 * @param staging the speed and views the lesson sets; null for a plain experiment, which leaves them as they are
 * @param next    the next part's file, relative to this one's folder, or null
 */
public record Lesson(String title, String note, ExperimentSpec experiment, ExperimentSpec compare, Staging staging, String next) {
    /** The lesson format this program writes and reads. */
    public static final int FORMAT = 1;

    /** A plain experiment: opened fresh, with the window's speed and views left as they are. */
    public static Lesson plain(ExperimentSpec experiment) {
        return new Lesson(null, null, experiment, null, null, null);
    }

    public boolean isPlain() {
        return staging == null;
    }

    /** Whether it opens compare mode, A beside B. */
    public boolean compares() {
        return compare != null;
    }
}
