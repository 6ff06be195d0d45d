package io.ntkstudio.ui;

import io.ntkstudio.figure.Lesson;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * The open lesson's title and note above the views, in the layout (never over a title bar): the
 * note wraps at the window's width and scrolls when it is taller than a third of the room, with
 * "Next part" when the lesson has one and a button that hides the note (N shows it again).
 */
final class LessonBar extends BorderPane {
    /** Presenter mode: the note as a caption, in larger type. */
    static final PseudoClass CAPTION = PseudoClass.getPseudoClass("caption");
    /** The note takes at most this share of the height it sits above. */
    static final double MAX_SHARE = 1 / 3.0;
    final Label title = new Label();
    final Button next = new Button("Next part  ▸");
    final Button hide = new Button("✕");
    private double cap = Double.MAX_VALUE;
    /** The note's pane: as tall as the note at its width, up to the cap; a taller note scrolls. */
    private final ScrollPane scroll = new ScrollPane() {
        @Override
        protected double computePrefHeight(double width) {
            if (note == null) {
                return 0;
            }
            double inner = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset() - 2;
            double wanted = note.prefHeight(Math.max(50, inner)) + snappedTopInset() + snappedBottomInset() + 2;
            return Math.min(cap, wanted);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }
    };
    private TextFlow note;

    LessonBar(Runnable nextPart, Runnable hideNote) {
        setId("lesson-bar");
        getStyleClass().add("lesson-bar");
        title.setId("lesson-title");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        next.setId("lesson-next");
        next.setOnAction(e -> nextPart.run());
        next.setTooltip(new Tooltip("Open the lesson's next part, from the start"));
        hide.setId("lesson-hide");
        hide.getStyleClass().add("view-button");
        hide.setTooltip(new Tooltip("Hide the note (N shows it again)"));
        hide.setOnAction(e -> hideNote.run());
        scroll.setId("lesson-note-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lesson-scroll");
        scroll.setFocusTraversable(false);
        // its height follows its width (the note wraps): a cached height from another width would stay
        scroll.widthProperty().addListener((o, a, b) -> scroll.requestLayout());
        HBox buttons = new HBox(6, next, hide);
        buttons.setAlignment(Pos.TOP_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        VBox text = new VBox(2, title, scroll);
        setCenter(text);
        setRight(buttons);
        BorderPane.setMargin(buttons, new Insets(0, 0, 0, 8));
        setPadding(new Insets(6, 10, 6, 12));
    }

    /** Shows {@code lesson}'s title and note. */
    void show(Lesson lesson) {
        title.setText(lesson.title());
        note = MathFlow.paragraph(lesson.note());
        note.setId("lesson-note");
        note.getStyleClass().add("lesson-note");
        scroll.setContent(note);
        next.setVisible(lesson.next() != null);
        next.setManaged(lesson.next() != null);
    }

    /** The note, typeset (null before a lesson is shown). */
    TextFlow note() {
        return note;
    }

    /**
     * Keeps the note within {@link #MAX_SHARE} of {@code room} pixels of height, and short enough
     * that a row of views keeps the room it needs to be read at the text size ({@code zoom}); never
     * under two lines. A taller note scrolls, from its first line.
     */
    void limitTo(ReadOnlyDoubleProperty room, ReadOnlyDoubleProperty zoom) {
        Runnable fit = () -> {
            double z = zoom.get();
            double views = (Dashboard.MIN_CELL_HEIGHT + 40) * z;
            cap = Math.max(2.6 * 13 * z * 0.95, Math.min(room.get() * MAX_SHARE, room.get() - views));
            scroll.requestLayout();
        };
        room.addListener((o, a, b) -> fit.run());
        zoom.addListener((o, a, b) -> fit.run());
    }
}
