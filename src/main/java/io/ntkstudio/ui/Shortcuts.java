package io.ntkstudio.ui;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The keyboard cheat-sheet (Help → Keyboard shortcuts, or ?): one table, which the dialog shows
 * and a test checks against the keys the window answers.
 */
final class Shortcuts {
    /** A key and what it does. */
    record Key(String keys, String what) {
    }

    static final List<Key> ALL = List.of(
            new Key("Space", "play or pause"),
            new Key("S", "one step"),
            new Key("R", "reset: start again from initialisation"),
            new Key("← / →, Home, End", "replay: step through the recorded steps; End is live"),
            new Key("N", "show or hide the lesson's note"),
            new Key("F5", "presenter mode: large text, no panel, note as caption, second panels shown"),
            new Key("F9", "hide or show the configuration panel"),
            new Key("F11", "full screen"),
            new Key("Esc", "leave full screen, then presenter mode, then a maximised view"),
            new Key("Ctrl+1 … Ctrl+6", "maximise a view (or double-click its title bar)"),
            new Key("Page Up / Page Down", "the other page of views, when they are in pages"),
            new Key("Ctrl+= / Ctrl+- / Ctrl+0", "larger text, smaller text, text at 100 %"),
            new Key("Ctrl+O / Ctrl+S", "open a lesson or experiment / save the experiment"),
            new Key("Ctrl+K", "compare two runs side by side (O there: overlay A and B)"),
            new Key("Ctrl+E", "export the window as PNG at 2× (in compare mode: a 16:9 slide)"),
            new Key("Ctrl+Shift+C / Ctrl+Shift+V", "copy / paste the experiment as JSON"),
            new Key("?", "this list"));

    private Shortcuts() {
    }

    static void show(Window owner) {
        GridPane table = new GridPane();
        table.setId("shortcuts");
        table.setHgap(18);
        table.setVgap(4);
        for (int i = 0; i < ALL.size(); i++) {
            Label k = new Label(ALL.get(i).keys());
            k.setStyle("-fx-font-weight: bold;");
            table.addRow(i, k, new Label(ALL.get(i).what()));
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("NTK Studio's keys (letters act when no field is being typed in)");
        a.getDialogPane().setContent(table);
        if (owner != null) {
            a.initOwner(owner);
            a.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
        a.show();
    }
}
