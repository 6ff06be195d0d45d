package io.ntkstudio.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Over the views while runs set up for more than a moment: for each run, what is being built, a
 * progress bar and the time left, and a Cancel that gives the set-up up. Hidden once every run
 * has its first snapshot.
 */
final class SetupOverlay extends VBox {
    /** A set-up shorter than this shows no overlay (most runs build in a fraction of a second). */
    static final double AFTER_SECONDS = 0.7;
    private final List<StudioModel> runs;
    private final List<String> names;
    private final Label[] lines;
    private final ProgressBar[] bars;
    final Button cancel = new Button("Cancel");

    /** @param names what to call each run ("A", "B"; empty for the one run of the main window) */
    SetupOverlay(String heading, List<String> names, List<StudioModel> runs, Runnable onCancel) {
        super(8);
        this.runs = runs;
        this.names = names;
        setId("setup-overlay");
        getStyleClass().add("setup-overlay");
        setPadding(new Insets(16, 20, 16, 20));
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(heading);
        title.getStyleClass().add("section-title");
        getChildren().add(title);
        lines = new Label[runs.size()];
        bars = new ProgressBar[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            lines[i] = new Label();
            lines[i].setId("setup-what-" + i);
            bars[i] = new ProgressBar(0);
            bars[i].setPrefWidth(360);
            bars[i].prefWidthProperty().bind(lines[0].fontProperty().map(f -> f.getSize() * 28));
            getChildren().addAll(lines[i], bars[i]);
            runs.get(i).setupProperty().addListener((o, a, b) -> refresh());
        }
        cancel.setId("setup-cancel");
        cancel.setOnAction(e -> onCancel.run());
        getChildren().add(cancel);
        setVisible(false);
        setManaged(false);
    }

    private void refresh() {
        boolean any = false;
        for (int i = 0; i < runs.size(); i++) {
            SetupState s = runs.get(i).setupProperty().get();
            String prefix = names.get(i).isEmpty() ? "" : names.get(i) + ": ";
            lines[i].setText(prefix + (s == null ? "ready" : s.text()));
            bars[i].setProgress(s == null ? 1 : Math.max(0.02, s.done()));
            any |= s != null && s.elapsed() >= AFTER_SECONDS;
        }
        setVisible(any);
        setManaged(any);
    }
}
