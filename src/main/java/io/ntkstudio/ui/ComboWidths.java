package io.ntkstudio.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * After the text size changes, every selector under a window takes the width its longest entry
 * needs at the new size: a ComboBox measures its list once and keeps the widest it has seen, so
 * after 200 % and back the speed box and the heatmap's selectors stayed twice as wide.
 */
final class ComboWidths {
    private ComboWidths() {
    }

    /** Once the new size has been applied (after this pulse's CSS), sizes each ComboBox under the roots (views on other pages too). */
    static void refresh(Parent... roots) {
        Platform.runLater(() -> {
            for (Parent root : roots) {
                root.applyCss();
                for (Node n : root.lookupAll(".combo-box")) {
                    if (n instanceof ComboBox<?> box) {
                        fit(box);
                    }
                }
            }
        });
    }

    /** The widest entry at the box's font, with its cell's padding and the arrow button beside it. */
    static <T> void fit(ComboBox<T> box) {
        Node cell = box.lookup(".list-cell");
        Node arrow = box.lookup(".arrow-button");
        if (!(cell instanceof Labeled label) || arrow == null) {
            return;
        }
        Font font = label.getFont();
        double widest = 0;
        for (T item : box.getItems()) {
            String s = box.getConverter() != null ? box.getConverter().toString(item) : String.valueOf(item);
            Text probe = new Text(s == null ? "" : s.replace("_", ""));
            probe.setFont(font);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        double width = Math.ceil(widest + label.snappedLeftInset() + label.snappedRightInset() + arrow.prefWidth(-1)
                + box.snappedLeftInset() + box.snappedRightInset() + 6);
        box.setPrefWidth(width);
    }
}
