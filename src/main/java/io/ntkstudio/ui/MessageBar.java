package io.ntkstudio.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * A message for the person (a divergence and its fix, a file that could not be read), above the
 * views in the layout: it wraps at the window's width, however long (a path it names can always be
 * read whole), and stays until ✕ or the next message.
 */
final class MessageBar extends BorderPane {
    private final Button close = new Button("✕");
    private String text = "";

    MessageBar(Runnable onClose) {
        setId("notifications");
        getStyleClass().add("message-bar");
        setPadding(new Insets(6, 10, 6, 12));
        close.setId("notification-close");
        close.getStyleClass().add("view-button");
        close.setTooltip(new Tooltip("Dismiss"));
        close.setOnAction(e -> onClose.run());
        setRight(close);
        BorderPane.setAlignment(close, Pos.TOP_RIGHT);
        BorderPane.setMargin(close, new Insets(0, 0, 0, 8));
        hide();
    }

    /** Shows {@code message}, typeset from the charts' markup or as it is (a path may hold underscores). */
    void show(String message, boolean typeset) {
        text = message;
        Node shown;
        if (typeset) {
            shown = MathFlow.paragraph(message);
        } else {
            Label plain = new Label(message);
            plain.setWrapText(true);
            plain.setMinHeight(Region.USE_PREF_SIZE);
            shown = plain;
        }
        shown.setId("notification-text");
        setCenter(shown);
        setVisible(true);
        setManaged(true);
    }

    void hide() {
        text = "";
        setCenter(null);
        setVisible(false);
        setManaged(false);
    }

    boolean isShowing() {
        return isVisible();
    }

    /** The message on show, as it was given ("" when none). */
    String getText() {
        return text;
    }

    /** The typeset message's node, or the label of a plain one. */
    Node getGraphic() {
        return getCenter();
    }
}
