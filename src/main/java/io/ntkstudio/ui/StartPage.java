package io.ntkstudio.ui;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/** The start page: what NTK Studio shows, the guided scenarios, or explore on your own. */
final class StartPage extends VBox {
    StartPage(Consumer<Scenario> open, Runnable explore) {
        super(10);
        setId("start-page");
        getStyleClass().add("start-page");
        setPadding(new Insets(28, 36, 28, 36));
        setMaxWidth(760);
        setMaxHeight(VBox.USE_PREF_SIZE);
        setAlignment(Pos.TOP_LEFT);
        Label title = new Label("Watch the Neural Tangent Kernel at work");
        title.getStyleClass().add("start-title");
        Label intro = new Label("A network trains while its kernel Θ(x, x') = ∇θf(x)·∇θf(x'), its spectrum, its losses and the "
                + "function it learns are drawn live, next to the infinite-width kernel and the kernel-regime prediction. "
                + "Pick a scenario, or explore with the settings on the left.");
        intro.setWrapText(true);
        // the text keeps its lines; the scenario list below gives up room instead
        intro.setMinHeight(Region.USE_PREF_SIZE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        VBox list = new VBox(10);
        for (Scenario sc : Scenario.ALL) {
            Button b = new Button(sc.title());
            b.getStyleClass().add("start-scenario");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> open.accept(sc));
            TextFlow what = MathFlow.paragraph(sc.explanation());
            what.getStyleClass().add("hint");
            list.getChildren().add(new VBox(2, b, what));
        }
        // the scenarios scroll, so that the way out stays in view in any window
        ScrollPane scroll = new ScrollPane(list);
        scroll.setId("start-scenarios");
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
}
