package io.ntkstudio.ui;

import io.ntkstudio.engine.ReplayLog;
import io.ntkstudio.engine.TrainingSnapshot;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The replay timeline under the views: drag it (or ←/→, Home, End) to any recorded step and every
 * view shows the run as it was there; "Live" (or End past the last frame, or Play) returns. The
 * recorded steps are the run's kernel snapshots, thinned log-uniformly ({@link ReplayLog}), so a
 * step between two is shown as the nearest one and the label says so.
 */
final class Timeline extends HBox {
    final Slider slider = new Slider(0, 1, 0);
    final Label where = new Label("live");
    final Button live = new Button("Live");
    private final StudioModel model;
    private boolean updating;

    Timeline(StudioModel model) {
        super(8);
        this.model = model;
        setId("timeline");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 10, 2, 10));
        slider.setId("timeline-slider");
        where.setId("timeline-label");
        live.setId("timeline-live");
        slider.setFocusTraversable(false);
        slider.setTooltip(new Tooltip("Replay: drag to any recorded step (←/→ step through them, Home, End)"));
        live.setTooltip(new Tooltip("Back to the run's latest step"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        where.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(new Label("Replay"), slider, where, live);
        live.setOnAction(e -> model.showLive());
        live.disableProperty().bind(model.replayProperty().isNull());
        slider.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                showNearest(Math.round(b.doubleValue()));
            }
        });
        // at the status bar's pace: the slider and its label changing on every frame of a fast run
        // made the window repaint for a number no one can read
        model.liveSnapshotProperty().addListener((o, a, s) -> {
            if (model.replayProperty().get() == null) {
                showLive(s);
            }
        });
        model.replayProperty().addListener((o, a, b) -> {
            if (b == null) {
                showLive(model.liveSnapshotProperty().get());
            }
        });
    }

    private void showLive(TrainingSnapshot s) {
        if (s != null) {
            set(s.step(), s.step());
            where.setText(String.format(Locale.ROOT, "live, step %,d", s.step()));
        }
    }

    private void set(double max, double value) {
        updating = true;
        slider.setMax(Math.max(1, max));
        slider.setValue(value);
        updating = false;
    }

    /** Shows the recorded frame nearest to {@code step}, saying when it is not that step. */
    void showNearest(long step) {
        List<TrainingSnapshot> frames = model.replayFrames();
        TrainingSnapshot f = ReplayLog.nearest(frames, step);
        if (f == null) {
            return;
        }
        model.showReplay(f);
        where.setText(f.step() == step ? String.format(Locale.ROOT, "step %,d", f.step())
                : String.format(Locale.ROOT, "step %,d (nearest recorded to %,d)", f.step(), step));
    }

    /** The recorded frame {@code delta} places from the one on show (or from the latest when live). */
    void move(int delta) {
        List<TrainingSnapshot> frames = model.replayFrames();
        if (frames.isEmpty()) {
            return;
        }
        TrainingSnapshot now = model.replayProperty().get();
        int i = now == null ? frames.size() - 1 + (delta < 0 ? 1 : 0) : frames.indexOf(ReplayLog.nearest(frames, now.step()));
        int j = Math.max(0, Math.min(frames.size() - 1, i + delta));
        show(frames.get(j));
    }

    void first() {
        List<TrainingSnapshot> frames = model.replayFrames();
        if (!frames.isEmpty()) {
            show(frames.get(0));
        }
    }

    private void show(TrainingSnapshot f) {
        model.showReplay(f);
        updating = true;
        slider.setValue(f.step());
        updating = false;
        where.setText(String.format(Locale.ROOT, "step %,d", f.step()));
    }
}
