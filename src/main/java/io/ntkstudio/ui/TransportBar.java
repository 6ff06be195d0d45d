package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSpec;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/** Play/pause, single step, reset, speed and kernel refresh interval. */
final class TransportBar extends ToolBar {
    static final String MAX_SPEED = "as fast as possible";
    final Button play = new Button("▶  Play");
    final Button step = new Button("Step");
    final Button reset = new Button("Reset");
    final ComboBox<String> speed = new ComboBox<>();
    final Spinner<Integer> kernelEvery = new Spinner<>(1, 100_000, 10);

    TransportBar(StudioModel model) {
        setId("transport");
        play.setId("play");
        step.setId("step");
        reset.setId("reset");
        speed.setId("speed");
        kernelEvery.setId("kernel-every");
        play.setTooltip(new Tooltip("Play or pause training (Space)"));
        step.setTooltip(new Tooltip("One gradient-descent step (S)"));
        reset.setTooltip(new Tooltip("Start again from initialisation (R)"));
        speed.getItems().addAll(MAX_SPEED, "1000 steps/s", "100 steps/s", "30 steps/s", "10 steps/s", "1 step/s");
        speed.setValue(MAX_SPEED);
        speed.valueProperty().addListener((o, a, b) -> model.setStepsPerSecond(parseSpeed(b)));
        // a scenario sets the pace of its story: show it, adding its speed if it is not listed
        model.speedProperty().addListener((o, a, b) -> {
            String label = speedLabel(b.doubleValue());
            if (!speed.getItems().contains(label)) {
                // in its place in the list, fastest first ("…, 10 steps/s, 5 steps/s, 1 step/s")
                int at = 1;
                while (at < speed.getItems().size() && parseSpeed(speed.getItems().get(at)) > b.doubleValue()) {
                    at++;
                }
                speed.getItems().add(at, label);
            }
            speed.setValue(label);
        });
        kernelEvery.setEditable(true);
        kernelEvery.getStyleClass().add("kernel-every");
        kernelEvery.setTooltip(new Tooltip("Compute the kernel Θₜ every this many steps"));
        kernelEvery.getValueFactory().setValue(model.specProperty().get().training().kernelEvery());
        kernelEvery.valueProperty().addListener((o, a, b) -> {
            ExperimentSpec s = model.specProperty().get();
            if (b != null && b != s.training().kernelEvery()) {
                TrainingSpec t = s.training();
                model.apply(s.withTraining(t.withKernelEvery(b)));
            }
        });
        model.specProperty().addListener((o, a, b) -> kernelEvery.getValueFactory().setValue(b.training().kernelEvery()));
        play.setOnAction(e -> model.togglePlay());
        step.setOnAction(e -> model.step());
        reset.setOnAction(e -> model.reset());
        model.playingProperty().addListener((o, a, b) -> play.setText(b ? "❚❚  Pause" : "▶  Play"));
        getItems().addAll(play, step, reset, new Separator(), new Label("Speed"), speed, new Separator(),
                new Label("Kernel every"), kernelEvery, new Label("steps"));
    }

    static String speedLabel(double stepsPerSecond) {
        if (stepsPerSecond <= 0) {
            return MAX_SPEED;
        }
        long v = Math.round(stepsPerSecond);
        return v + (v == 1 ? " step/s" : " steps/s");
    }

    static double parseSpeed(String s) {
        if (s == null || s.equals(MAX_SPEED)) {
            return 0;
        }
        return Double.parseDouble(s.substring(0, s.indexOf(' ')));
    }
}
