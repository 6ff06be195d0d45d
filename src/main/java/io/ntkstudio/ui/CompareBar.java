package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.network.TrainingRule;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * Compare mode's bar: play, step and reset both, the slide export, the overlay, and what B differs
 * in (width, depth, activation, parameterization, learning rate, output scale α, momentum β, batch size), each field
 * validated as typed; a note when A and B are at different steps (B restarted alone), and where
 * the last export went. It wraps rather than hide a field behind an overflow button (at 1280 × 720
 * the learning rate was hidden); each label stays with its field.
 */
final class CompareBar extends FlowPane {
    final ValidatedField<Long> widthB = new ValidatedField<>("compare-width", ValidatedField.integer("Width of B", NetworkConfig.WIDTH));
    final ValidatedField<Long> depthB = new ValidatedField<>("compare-depth", ValidatedField.integer("Depth of B", NetworkConfig.DEPTH));
    final ComboBox<Activation> activationB = new ComboBox<>();
    final ComboBox<Parameterization> parameterizationB = new ComboBox<>();
    final ValidatedField<Double> rateB = new ValidatedField<>("compare-rate", ValidatedField.number("Learning rate of B", 1e-6, 1e4));
    final ValidatedField<Double> scaleB = new ValidatedField<>("compare-scale", ValidatedField.number("Output scale α of B",
            NetworkConfig.OUTPUT_SCALE));
    final ValidatedField<Double> momentumB = new ValidatedField<>("compare-momentum", ValidatedField.number("Momentum β of B",
            TrainingRule.MOMENTUM));
    final ValidatedField<Long> batchB = new ValidatedField<>("compare-batch", this::parseBatch);
    final Button play = new Button("▶  Play both");
    final ToggleButton overlay = new ToggleButton("Overlay A and B");
    /** Says when A and B are at different steps (B restarted alone), with what to press. */
    final Label stepsDiffer = new Label();
    /** What the last export did: where the picture went. */
    final Label message = new Label();
    private final CompareController controller;

    /**
     * @param exportSlide exports a slide of that width and height (after asking where)
     * @param exportTyped asks for a size, then exports a slide of it
     */
    CompareBar(CompareController controller, BiConsumer<Integer, Integer> exportSlide, Runnable exportTyped) {
        super(10, 4);
        this.controller = controller;
        setId("compare-bar");
        getStyleClass().add("tool-bar");
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        parameterizationB.getItems().addAll(Parameterization.values());
        parameterizationB.setId("compare-parameterization");
        activationB.getItems().addAll(Activation.values());
        activationB.setId("compare-activation");
        showB(controller.b.specProperty().get());
        // narrow fields, so that the whole bar fits beside the buttons
        widthB.field().setPrefColumnCount(5);
        depthB.field().setPrefColumnCount(2);
        rateB.field().setPrefColumnCount(6);
        scaleB.field().setPrefColumnCount(4);
        momentumB.field().setPrefColumnCount(4);
        batchB.field().setPrefColumnCount(4);
        batchB.field().setPromptText("all");
        for (ValidatedField<?> f : List.of(widthB, depthB, rateB, scaleB, momentumB, batchB)) {
            f.setOnCommit(v -> applyB());
        }
        activationB.valueProperty().addListener((o, x, y) -> applyB());
        parameterizationB.valueProperty().addListener((o, x, y) -> applyB());
        Button step = new Button("Step both");
        Button reset = new Button("Reset both");
        play.setId("compare-play");
        step.setId("compare-step");
        play.setOnAction(e -> controller.togglePlay());
        step.setOnAction(e -> controller.step());
        reset.setOnAction(e -> controller.reset());
        controller.playingProperty().addListener((o, x, y) -> play.setText(y ? "❚❚  Pause both" : "▶  Play both"));
        MenuButton export = new MenuButton("Export slide");
        export.setId("compare-export");
        export.setTooltip(new Tooltip("Both runs as one picture, painted at its size (Ctrl+E: 16:9, 1920 × 1080)"));
        for (int[] size : ViewActions.SLIDES) {
            MenuItem item = new MenuItem(String.format(Locale.ROOT, "%d × %d (%s)…", size[0], size[1],
                    size[0] * 9 == size[1] * 16 ? "16:9" : "4:3"));
            item.setOnAction(e -> exportSlide.accept(size[0], size[1]));
            export.getItems().add(item);
        }
        MenuItem typed = new MenuItem("at a size you type…");
        typed.setOnAction(e -> exportTyped.run());
        export.getItems().add(typed);
        overlay.setId("compare-overlay");
        overlay.setTooltip(new Tooltip("A and B in one chart each, as Jacot et al.'s Figure 1 overlays widths (O)"));
        stepsDiffer.setId("compare-steps-differ");
        stepsDiffer.getStyleClass().add("warning");
        stepsDiffer.setWrapText(true);
        message.setId("compare-message");
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        getChildren().addAll(play, step, reset, export, overlay, new Label("B differs in:"), pair("width", widthB),
                pair("depth", depthB), pair("activation", activationB), pair("parameterization", parameterizationB),
                pair("learning rate", rateB), pair("output scale α", scaleB), pair("momentum β", momentumB), pair("batch", batchB),
                stepsDiffer, message);
        controller.runs().forEach(m -> m.snapshotProperty().addListener((o, x, y) -> showStepsDiffer()));
        showStepsDiffer();
    }

    private void showB(ExperimentSpec b) {
        NetworkConfig nb = b.network();
        widthB.show((long) nb.width(), Integer.toString(nb.width()));
        depthB.show((long) nb.depth(), Integer.toString(nb.depth()));
        activationB.setValue(nb.activation());
        parameterizationB.setValue(nb.parameterization());
        double eta = b.training().learningRate();
        rateB.show(eta, ValidatedField.plain(eta));
        scaleB.show(nb.outputScale(), ValidatedField.display(nb.outputScale()));
        TrainingRule rule = b.training().rule();
        momentumB.show(rule.momentum(), ValidatedField.plain(rule.momentum()));
        batchB.show((long) rule.batchSize(), rule.fullBatch() ? "" : Integer.toString(rule.batchSize()));
    }

    /** B as the fields say, once every field is valid; it keeps A's data and seed. */
    private void applyB() {
        ExperimentSpec s = controller.b.specProperty().get();
        for (ValidatedField<?> f : List.of(widthB, depthB, rateB, scaleB, momentumB, batchB)) {
            if (f.value() == null || !f.validProperty().get()) {
                return;
            }
        }
        TrainingSpec t = s.training();
        controller.applyB(s.withNetwork(s.network().withWidth(widthB.value().intValue()).withDepth(depthB.value().intValue())
                        .withActivation(activationB.getValue()).withParameterization(parameterizationB.getValue())
                        .withOutputScale(scaleB.value()))
                .withTraining(t.withLearningRate(rateB.value())
                        .withRule(t.rule().withMomentum(momentumB.value()).withBatchSize(batchB.value().intValue()))));
    }

    /** "A is at step 1,000 and B at step 216" while they differ by more than the runs are let drift (B restarted alone). */
    private void showStepsDiffer() {
        long a = CompareController.step(controller.a);
        long b = CompareController.step(controller.b);
        boolean differ = Math.abs(a - b) > CompareController.CHUNK;
        String text = differ ? String.format(Locale.ROOT, "A is at step %,d and B at step %,d: Reset both compares them from the start", a, b) : "";
        if (!text.equals(stepsDiffer.getText())) {
            stepsDiffer.setText(text);
        }
        stepsDiffer.setVisible(differ);
        stepsDiffer.setManaged(differ);
    }

    /** A label and its control, kept together when the bar wraps. */
    private static HBox pair(String label, Node control) {
        HBox box = new HBox(5, new Label(label), control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** B's batch size, at most the train points B shares with A. */
    private Long parseBatch(String s) {
        return ConfigPanel.parseBatch(s, ConfigPanel.trainPoints(controller.b));
    }
}
