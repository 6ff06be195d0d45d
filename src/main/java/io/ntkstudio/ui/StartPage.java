package io.ntkstudio.ui;

import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The start page: what NTK Studio shows, the built-in lessons (each with its running time on two
 * cores, the slow ones last and marked), or explore on your own. Its text is the window's size,
 * and it grows with the text size up to the room there is, so that a projector at 200 % still
 * shows several whole titles.
 */
final class StartPage extends VBox {
    /** The page's width at 100 % text; it grows with the text up to the window's width. */
    static final double WIDTH = 720;

    StartPage(Consumer<BuiltInLessons.Entry> open, Runnable explore, DoubleProperty textScale) {
        super(8);
        setId("start-page");
        getStyleClass().add("start-page");
        setPadding(new Insets(16, 24, 16, 24));
        maxWidthProperty().bind(textScale.multiply(WIDTH));
        setMaxHeight(VBox.USE_PREF_SIZE);
        setAlignment(Pos.TOP_LEFT);
        Label title = new Label("Watch the Neural Tangent Kernel at work");
        title.getStyleClass().add("start-title");
        title.setWrapText(true);
        Label intro = new Label("A network trains while its kernel Θ(x, x') = ∇θf(x)·∇θf(x'), spectrum, losses and function "
                + "are drawn live beside the infinite-width theory. Pick a lesson (times on two cores), or explore on your own.");
        intro.setWrapText(true);
        intro.getStyleClass().add("start-text");
        // the text keeps its lines; the list below gives up room instead
        intro.setMinHeight(Region.USE_PREF_SIZE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        VBox list = new VBox(6);
        list.setId("start-lessons-list");
        for (BuiltInLessons.Entry entry : BuiltInLessons.all()) {
            list.getChildren().add(row(entry, open));
        }
        // the lessons scroll, so that the way out stays in view in any window
        ScrollPane scroll = new ScrollPane(list);
        scroll.setId("start-lessons");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("start-list");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Button own = new Button("Explore on my own");
        own.setId("start-explore");
        own.setDefaultButton(true);
        own.setOnAction(e -> explore.run());
        own.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(title, intro, scroll, own);
    }

    /** One lesson: its title as a button (wrapping, never cut), its running time beside it, slow ones marked. */
    private static BorderPane row(BuiltInLessons.Entry entry, Consumer<BuiltInLessons.Entry> open) {
        Button b = new Button(entry.lesson().title());
        b.getStyleClass().add("start-lesson");
        b.setWrapText(true);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMinHeight(Region.USE_PREF_SIZE);
        // the title wraps rather than push its running time out of view
        b.setMinWidth(0);
        b.setId("start-lesson-" + entry.file().replace(".ntk", ""));
        b.setOnAction(e -> open.accept(entry));
        Tooltip tip = new Tooltip(entry.lesson().note());
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        b.setTooltip(tip);
        Label time = new Label(entry.slow() ? entry.runningTime() + " · slow" : entry.runningTime());
        time.getStyleClass().addAll("start-time", entry.slow() ? "warning" : "hint");
        time.setMinWidth(Region.USE_PREF_SIZE);
        BorderPane row = new BorderPane(b);
        row.setRight(time);
        BorderPane.setAlignment(time, Pos.CENTER_RIGHT);
        BorderPane.setMargin(time, new Insets(0, 0, 0, 10));
        return row;
    }
}
