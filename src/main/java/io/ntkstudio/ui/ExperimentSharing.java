package io.ntkstudio.ui;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.StrictJson;
import io.ntkstudio.input.InvalidInputException;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.Window;

/**
 * Experiments passed between people: copied to and pasted from the clipboard as JSON (a teacher
 * pastes it into a course page, a student pastes it back), dropped on the window as a file
 * (an experiment .json, or CSV data), and the About box. Pasted and dropped experiments go
 * through the same validation and messages as File → Open.
 */
final class ExperimentSharing {
    private final StudioModel model;
    private final Consumer<Path> openFile;

    ExperimentSharing(StudioModel model, Consumer<Path> openFile) {
        this.model = model;
        this.openFile = openFile;
    }

    MenuItem copyItem(KeyCodeCombination keys) {
        MenuItem item = new MenuItem("Copy experiment");
        item.setAccelerator(keys);
        item.setOnAction(e -> copy());
        return item;
    }

    MenuItem pasteItem(KeyCodeCombination keys) {
        MenuItem item = new MenuItem("Paste experiment");
        item.setAccelerator(keys);
        item.setOnAction(e -> paste(Clipboard.getSystemClipboard().getString()));
        return item;
    }

    void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(ExperimentJson.format(model.specProperty().get()));
        Clipboard.getSystemClipboard().setContent(content);
        model.notify("The experiment is on the clipboard as JSON: paste it into a message or a course page.");
    }

    /** Opens the experiment in {@code text}; anything else leaves the current one and says why. */
    void paste(String text) {
        if (text == null || text.isBlank()) {
            model.notify("Could not paste an experiment: the clipboard holds no text. Copy an experiment (JSON) first.");
            return;
        }
        if (text.length() > StrictJson.MAX_BYTES) {
            model.notify("Could not paste an experiment: the clipboard holds more than 1 MB of text; an experiment is a few hundred bytes.");
            return;
        }
        try {
            model.apply(ExperimentJson.parse(text, "the clipboard"));
            model.notify("Opened the experiment from the clipboard.");
        } catch (InvalidInputException e) {
            model.notify("Could not paste the experiment: " + e.getMessage());
        }
    }

    /** Lets {@code target} take experiment and CSV files dropped on it. */
    void acceptDrops(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (done) {
                dropped(e.getDragboard().getFiles().get(0));
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** An experiment file opens; a CSV file becomes the data (train and test) of the current experiment. */
    void dropped(File file) {
        String name = file.getName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            ExperimentSpec s = model.specProperty().get();
            String path = file.getAbsolutePath();
            try {
                model.apply(s.withData(new DataSpec(DataSources.CSV.id(), 0, 0, "", 0, 0, 0, path, null)));
                model.notify("Training on " + path + " (the last column is the target; the same points are the test set).");
            } catch (InvalidInputException ex) {
                model.notify("Could not use " + path + ": " + ex.getMessage());
            }
        } else if (name.endsWith(".json") || name.endsWith(".ntk")) {
            openFile.accept(file.toPath());
        } else {
            model.notify("Could not open " + file + ": drop an experiment (.ntk or .json) or CSV data (.csv).");
        }
    }

    static void showAbout(Window owner) {
        Alert about = new Alert(Alert.AlertType.INFORMATION, String.join("\n", AboutInfo.lines()));
        about.setTitle("About NTK Studio");
        about.setHeaderText("NTK Studio: watch the Neural Tangent Kernel at work");
        about.initOwner(owner);
        about.show();
    }
}
