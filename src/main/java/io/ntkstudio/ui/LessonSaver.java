package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.figure.Lesson;
import io.ntkstudio.figure.LessonJson;
import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.input.InvalidInputException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * File → Save as lesson: the current setup (the experiment, compare mode's B and overlay, the
 * speed, the maximised view, the heatmap's mode, the lesson's second panels) with a title and a
 * note the teacher types, written atomically as a {@code .ntk} lesson file.
 */
final class LessonSaver {
    private LessonSaver() {
    }

    /** Asks for the title and note (filled in from the lesson on show), then where; says what happened. */
    static void ask(StudioWindow w) {
        Lesson current = w.lessons.lesson();
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Save as lesson");
        d.setHeaderText("The experiment, compare mode, the speed and the views as they are now, with your words");
        TextField title = new TextField(current == null ? "" : current.title());
        title.setId("lesson-save-title");
        TextArea note = new TextArea(current == null ? "" : current.note());
        note.setId("lesson-save-note");
        note.setWrapText(true);
        note.setPrefRowCount(6);
        VBox form = new VBox(6, new Label("Title"), title,
                new Label("Note: what to press and what to watch (Θ_t, 2n/λ_max and σ_w are typeset)"), note);
        form.setPadding(new Insets(10));
        d.getDialogPane().setContent(form);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (w.getScene() != null) {
            d.initOwner(w.getScene().getWindow());
            d.getDialogPane().setStyle(w.getStyle());
        }
        Optional<ButtonType> answer = d.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return;
        }
        Lesson lesson;
        try {
            lesson = lessonOf(w, title.getText().strip(), note.getText().strip());
        } catch (InvalidInputException e) {
            w.model.notify("Could not save the lesson: " + e.getMessage());
            return;
        }
        FileChooser c = new FileChooser();
        c.setTitle("Save the lesson");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons (*.ntk)", "*.ntk"));
        c.setInitialFileName("lesson.ntk");
        File f = c.showSaveDialog(w.getScene().getWindow());
        if (f != null) {
            save(w, lesson, f.toPath());
        }
    }

    /** The current setup as a lesson, checked as a file read back would be. */
    static Lesson lessonOf(StudioWindow w, String title, String note) {
        ExperimentSpec a = w.model.specProperty().get();
        CompareWindow compare = w.compares.window();
        ExperimentSpec b = compare == null ? null : compare.controller.b.specProperty().get();
        Lesson current = w.lessons.lesson();
        Lesson lesson = new Lesson(title, note, a, b, w.dashboard.staging(w.model.speedProperty().get(),
                compare != null && compare.overlayShown()), current == null ? null : current.next());
        // what is written is what will be read: the same checks, now rather than in front of a class
        LessonJson.parse(LessonJson.format(lesson), "the lesson");
        return lesson;
    }

    /** Writes {@code lesson} to {@code file} atomically; a failure leaves the file as it was. */
    static void save(StudioWindow w, Lesson lesson, Path file) {
        try {
            AtomicFiles.write(file, out -> out.write(LessonJson.format(lesson)));
            w.model.notify("Saved the lesson to " + file + ". Open it with File → Open, or double-click it.");
        } catch (IOException e) {
            w.model.notify("Could not save the lesson to " + file + ": " + e.getMessage() + ". Nothing was changed there.");
        }
    }
}
