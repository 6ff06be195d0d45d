package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.figure.Lesson;
import io.ntkstudio.figure.LessonJson;
import io.ntkstudio.figure.Staging;
import io.ntkstudio.input.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The window's lessons: opening one (or a plain experiment) fresh with its speed, views and note,
 * its next part, the note shown or hidden, and giving a slow set-up up. A comparison opens through
 * the window's {@link CompareLauncher}.
 */
final class LessonDesk {
    private final StudioWindow w;
    /** The lesson on show (null: none), the folder its next part is looked for in (null: built in), and whether its note is hidden. */
    private Lesson lesson;
    private Path folder;
    private boolean noteHidden;

    LessonDesk(StudioWindow w) {
        this.w = w;
    }

    /** Opens a lesson or an experiment file, fresh; a bad file leaves what is on show as it is and says why in one line. */
    void openFile(Path file) {
        Lesson opened;
        try {
            opened = LessonJson.read(file);
        } catch (InvalidInputException e) {
            w.model.notify("Could not open " + file.getFileName() + ": " + e.getMessage());
            return;
        }
        Path where = file.toAbsolutePath().getParent();
        open(withFilesFrom(opened, where), where);
        w.recent.add(file);
    }

    /** A built-in lesson by its file name. */
    CompareWindow openBuiltIn(String file) {
        return open(BuiltInLessons.load(file), null);
    }

    /** CSV data named by a lesson's experiments is found beside its file. */
    private static Lesson withFilesFrom(Lesson l, Path folder) {
        ExperimentSpec a = l.experiment().withData(l.experiment().data().withFilesFrom(folder));
        ExperimentSpec b = l.compare() == null ? null : l.compare().withData(a.data());
        return new Lesson(l.title(), l.note(), a, b, l.staging(), l.next());
    }

    /**
     * Opens a lesson (or a plain experiment), always from initialisation and paused: its speed,
     * views and note; for a comparison, compare mode in place of any compare window open.
     * {@code where}: the folder its next part is looked for in (null: among the built-in lessons).
     */
    CompareWindow open(Lesson l, Path where) {
        w.compares.close();
        w.model.open(l.experiment());
        if (l.isPlain()) {
            lesson = null;
            folder = null;
            showNote(false);
            return null;
        }
        lesson = l;
        folder = where;
        Staging st = l.staging();
        w.model.setStepsPerSecond(st.stepsPerSecond());
        w.dashboard.stage(st);
        w.presenter.restage();
        w.lessonBar.show(l);
        showNote(true);
        return l.compares() ? w.compares.open(l.experiment(), l.compare(), l) : null;
    }

    /** Gives the set-up in progress up: back to the last experiment built, without the lesson or its comparison. */
    void cancelSetup() {
        w.compares.close();
        lesson = null;
        showNote(false);
        w.model.cancelSetup();
    }

    /** The lesson on show, or null. */
    Lesson lesson() {
        return lesson;
    }

    /** Shows or hides the lesson's note above the views (N, or its ✕), in compare mode too. */
    void showNote(boolean show) {
        noteHidden = !show;
        boolean shown = show && lesson != null;
        w.lessonBar.setVisible(shown);
        w.lessonBar.setManaged(shown);
        if (w.compares.window() != null) {
            w.compares.window().showNote(shown);
        }
    }

    /** N: the note back if hidden, away if shown. */
    void toggleNote() {
        showNote(noteHidden);
    }

    boolean noteShown() {
        return w.lessonBar.isVisible();
    }

    /** Opens the lesson's next part, fresh; a missing file is said in one line and nothing changes. */
    void nextPart() {
        if (lesson == null || lesson.next() == null) {
            return;
        }
        String next = lesson.next();
        if (folder == null) {
            if (!BuiltInLessons.exists(next)) {
                w.model.notify("Could not open the next part: there is no built-in lesson " + next + ".");
                return;
            }
            open(BuiltInLessons.load(next), null);
            return;
        }
        Path file = folder.resolve(next);
        if (!Files.isRegularFile(file)) {
            w.model.notify("Could not open the next part: " + file + " is not there; keep the parts of a lesson in one folder.");
            return;
        }
        openFile(file);
    }
}
