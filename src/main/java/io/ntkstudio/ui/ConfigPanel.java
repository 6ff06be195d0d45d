package io.ntkstudio.ui;

import io.ntkstudio.data.DataSource;
import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Architecture;
import io.ntkstudio.network.Layers;
import io.ntkstudio.network.Readout;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.network.TrainingRule;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Every setting of the experiment, validated as typed. Architecture, data and seed restart the
 * run; the learning rate applies from the next step. Width and learning rate have log-scale
 * sliders beside typed entry; the learning rate shows the stable limit 2n/λ_max.
 */
final class ConfigPanel extends VBox {
    /** The sources the panel offers: those that generate their points (CSV files come in through File → Import). */
    static final List<String> SOURCES = DataSources.ALL.stream().filter(s -> !s.readsFiles()).map(DataSource::id).toList();
    private final StudioModel model;
    final ValidatedField<Long> width = new ValidatedField<>("width", ValidatedField.integer("Width", NetworkConfig.WIDTH));
    /** log2 width over the allowed range. */
    final Slider widthSlider = new Slider(log2(NetworkConfig.WIDTH.min()), log2(NetworkConfig.WIDTH.max()), 9);
    final Spinner<Integer> depth = new Spinner<>((int) NetworkConfig.DEPTH.min(), (int) NetworkConfig.DEPTH.max(), 2);
    final ComboBox<Architecture> architecture = new ComboBox<>();
    final ComboBox<Readout> readout = new ComboBox<>();
    final ComboBox<Activation> activation = new ComboBox<>();
    final ComboBox<Parameterization> parameterization = new ComboBox<>();
    final ValidatedField<Double> sigmaW = new ValidatedField<>("sigma-w", ValidatedField.number("σ_w", NetworkConfig.SIGMA_W));
    final ValidatedField<Double> sigmaB = new ValidatedField<>("sigma-b", ValidatedField.number("σ_b", NetworkConfig.SIGMA_B));
    final ValidatedField<Double> outputScale = new ValidatedField<>("output-scale", ValidatedField.number("Output scale α", NetworkConfig.OUTPUT_SCALE));
    final ValidatedField<Double> learningRate = new ValidatedField<>("learning-rate", ValidatedField.number("Learning rate", TrainingSpec.LEARNING_RATE));
    /** log10 η from 1e-4 to 100, where lessons happen; typed entry takes the whole range. */
    final Slider rateSlider = new Slider(-4, 2, Math.log10(0.5));
    /** log10 α over the allowed range. */
    final Slider scaleSlider = new Slider(Math.log10(NetworkConfig.OUTPUT_SCALE.min()), Math.log10(NetworkConfig.OUTPUT_SCALE.max()), 0);
    final Label stableLimit = new Label(" ");
    /** A red tick on the learning-rate slider at the stable limit 2n/λ_max. */
    final Region limitMark = new Region();
    private double limit = Double.NaN;
    final ComboBox<String> source = new ComboBox<>();
    final ValidatedField<Long> points = new ValidatedField<>("points", ValidatedField.integer("Points", DataSpec.N));
    final ComboBox<String> target = new ComboBox<>();
    final ValidatedField<Double> frequency = new ValidatedField<>("frequency", ValidatedField.number("Frequency", DataSpec.FREQUENCY));
    final ValidatedField<Double> noise = new ValidatedField<>("noise", ValidatedField.number("Noise", DataSpec.NOISE));
    final ValidatedField<Long> seed = new ValidatedField<>("seed", ValidatedField.integer("Seed", NetworkConfig.SEED));
    final ValidatedField<Long> steps = new ValidatedField<>("steps", ValidatedField.integer("Steps", TrainingSpec.STEPS));
    final ValidatedField<Long> members = new ValidatedField<>("members", ValidatedField.integer("Networks", TrainingSpec.MEMBERS));
    final ComboBox<Loss> loss = new ComboBox<>();
    final ValidatedField<Double> momentum = new ValidatedField<>("momentum", ValidatedField.number("Momentum β", TrainingRule.MOMENTUM));
    /** Empty for full batch (0), else B. */
    final ValidatedField<Long> batchSize = new ValidatedField<>("batch-size", s -> parseBatch(s, trainPoints()));
    private boolean updating;
    private final VBox depthRow = row(depthLabel(Architecture.DENSE), depth);
    private final VBox widthRow = row(widthLabel(Architecture.DENSE), widthSlider, width);
    private final VBox readoutRow = row("Readout (conv)", readout);
    private final VBox pointsRow = row("Train points", points);
    private final VBox targetRow = row("Target", target);
    private final VBox frequencyRow = row("Frequency", frequency);

    ConfigPanel(StudioModel model) {
        super(4);
        this.model = model;
        setPadding(new Insets(10));
        getStyleClass().add("config-panel");
        setId("config-panel");
        architecture.getItems().addAll(Architecture.values());
        architecture.setId("architecture");
        architecture.setTooltip(new Tooltip("dense: fully connected layers; residual: a stem, blocks z + (1/√L)(branch) and the output "
                + "(Marion et al. 2025's depth scaling); conv: 3 × 3 convolutions on square images, a readout and the output "
                + "(NTK parameterization)"));
        readout.getItems().addAll(Readout.values());
        readout.setId("readout");
        readout.setTooltip(new Tooltip("flatten: every position of every channel; gap: each channel averaged over the image"));
        activation.getItems().addAll(Activation.values());
        loss.getItems().addAll(Loss.values());
        loss.setId("loss");
        parameterization.getItems().addAll(Parameterization.values());
        source.getItems().addAll(SOURCES);
        activation.setId("activation");
        parameterization.setId("parameterization");
        source.setId("source");
        target.setId("target");
        depth.setId("depth");
        depth.setEditable(true);
        widthSlider.setId("width-slider");
        rateSlider.setId("rate-slider");
        stableLimit.setId("stable-limit");
        stableLimit.getStyleClass().add("hint");
        stableLimit.setWrapText(true);
        widthSlider.setTooltip(new Tooltip("Width on a log scale, " + NetworkConfig.WIDTH.text()));
        rateSlider.setTooltip(new Tooltip("Learning rate η on a log scale"));
        scaleSlider.setId("scale-slider");
        scaleSlider.setTooltip(new Tooltip("Output scale α on a log scale, " + NetworkConfig.OUTPUT_SCALE.text() + ": f_α = f_0 + α(f − f_0), trained at η/α²"));
        getChildren().addAll(
                section("Network"),
                row("Architecture", architecture),
                widthRow,
                depthRow,
                readoutRow,
                row("Activation", activation),
                row("Parameterization", parameterization),
                row("σ_w", sigmaW),
                row("σ_b", sigmaB),
                row("Output scale α (lazy when large)", scaleSlider, outputScale),
                row("Seed", seed),
                section("Training"),
                row("Learning rate η", rateWithMark(), learningRate, stableLimit),
                row("Steps", steps),
                row("Networks (random starts)", members),
                row("Loss (logistic: labels ±1)", loss),
                row("Momentum β (0: plain GD)", momentum),
                row("Batch size (empty: all points)", batchSize),
                section("Data"),
                row("Data set", source),
                pointsRow,
                targetRow,
                frequencyRow,
                row("Noise", noise));
        show(model.specProperty().get());
        wire();
        model.specProperty().addListener((o, a, b) -> show(b));
        model.snapshotProperty().addListener((o, a, b) -> showLimit(b));
    }

    private void wire() {
        width.setOnCommit(v -> apply());
        sigmaW.setOnCommit(v -> apply());
        sigmaB.setOnCommit(v -> apply());
        outputScale.setOnCommit(v -> apply());
        learningRate.setOnCommit(v -> apply());
        points.setOnCommit(v -> apply());
        frequency.setOnCommit(v -> apply());
        noise.setOnCommit(v -> apply());
        seed.setOnCommit(v -> apply());
        steps.setOnCommit(v -> apply());
        members.setOnCommit(v -> apply());
        momentum.setOnCommit(v -> apply());
        batchSize.setOnCommit(v -> apply());
        loss.valueProperty().addListener((o, a, b) -> apply());
        depth.valueProperty().addListener((o, a, b) -> apply());
        architecture.valueProperty().addListener((o, a, b) -> {
            if (b == Architecture.CONV && !updating) {
                // conv networks are built in NTK parameterization only
                updating = true;
                parameterization.setValue(Parameterization.NTK);
                if (readout.getValue() == null) {
                    readout.setValue(Layers.of(b).readout());
                }
                updating = false;
            }
            apply();
        });
        readout.valueProperty().addListener((o, a, b) -> apply());
        activation.valueProperty().addListener((o, a, b) -> apply());
        parameterization.valueProperty().addListener((o, a, b) -> apply());
        target.valueProperty().addListener((o, a, b) -> apply());
        source.valueProperty().addListener((o, a, b) -> {
            if (updating || b == null) {
                return;
            }
            DataSpec d = DataSpec.defaults(b);
            updating = true;
            target.getItems().setAll(DataSpec.targetsOf(b));
            target.setValue(d.target().isEmpty() ? null : d.target());
            points.show((long) d.n(), Integer.toString(d.n()));
            frequency.show(d.frequency(), ValidatedField.plain(d.frequency()));
            showFieldsOf(b);
            updating = false;
            apply();
        });
        widthSlider.valueChangingProperty().addListener((o, was, is) -> {
            if (!is) {
                fromWidthSlider();
            }
        });
        widthSlider.valueProperty().addListener((o, a, b) -> {
            if (!updating && !widthSlider.isValueChanging()) {
                fromWidthSlider();
            }
        });
        scaleSlider.valueChangingProperty().addListener((o, was, is) -> {
            if (!is) {
                fromScaleSlider();
            }
        });
        scaleSlider.valueProperty().addListener((o, a, b) -> {
            if (!updating && !scaleSlider.isValueChanging()) {
                fromScaleSlider();
            }
        });
        rateSlider.valueChangingProperty().addListener((o, was, is) -> {
            if (!is) {
                fromRateSlider();
            }
        });
        rateSlider.valueProperty().addListener((o, a, b) -> {
            if (!updating && !rateSlider.isValueChanging()) {
                fromRateSlider();
            }
        });
    }

    private void fromWidthSlider() {
        if (updating) {
            return;
        }
        long w = Math.round(Math.max(NetworkConfig.WIDTH.min(), Math.min(NetworkConfig.WIDTH.max(), Math.pow(2, widthSlider.getValue()))));
        width.field().setText(Long.toString(w));
        width.commit();
    }

    private void fromScaleSlider() {
        if (updating) {
            return;
        }
        double v = Double.parseDouble(String.format(Locale.ROOT, "%.2g", Math.pow(10, scaleSlider.getValue())));
        outputScale.field().setText(ValidatedField.plain(v));
        outputScale.commit();
    }

    private void fromRateSlider() {
        if (updating) {
            return;
        }
        double v = Double.parseDouble(String.format(Locale.ROOT, "%.2g", Math.pow(10, rateSlider.getValue())));
        learningRate.field().setText(ValidatedField.plain(v));
        learningRate.commit();
    }

    /** The experiment the fields describe, or null while any field is invalid. */
    ExperimentSpec current() {
        for (ValidatedField<?> f : List.of(width, sigmaW, sigmaB, outputScale, learningRate, points, frequency, noise, seed, steps, members,
                momentum, batchSize)) {
            if (!f.validProperty().get() || f.value() == null) {
                return null;
            }
        }
        ExperimentSpec old = model.specProperty().get();
        try {
            NetworkConfig net = new NetworkConfig(width.value().intValue(), depth.getValue(), activation.getValue(),
                    parameterization.getValue(), sigmaW.value(), sigmaB.value(), seed.value(), outputScale.value(),
                    architecture.getValue() == Architecture.CONV ? Layers.conv(readout.getValue()) : Layers.of(architecture.getValue()));
            DataSpec d = old.data();
            String src = source.getValue();
            DataSpec data = new DataSpec(src, points.value().intValue(), src.equals(d.source()) ? d.testN() : DataSpec.defaults(src).testN(),
                    target.getValue() == null ? "" : target.getValue(), frequency.value(), noise.value(), d.seed(), d.train(), d.test());
            TrainingSpec tr = old.training().withLearningRate(learningRate.value()).withSteps(steps.value().intValue())
                    .withMembers(members.value().intValue())
                    .withRule(new TrainingRule(loss.getValue(), momentum.value(), batchSize.value().intValue()));
            return new ExperimentSpec(net, data, tr);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Blank: full batch (0); else a whole number of {@link TrainingRule#BATCH_SIZE}, at most the n train points. */
    static Long parseBatch(String s, int n) {
        if (s.isBlank()) {
            return 0L;
        }
        long b = ValidatedField.integer("Batch size (empty for all points)", TrainingRule.BATCH_SIZE).apply(s.strip());
        if (b > n) {
            throw new IllegalArgumentException("Batch size must be at most the " + n + " train points (empty for all of them)");
        }
        return b;
    }

    /** The train points a batch is drawn from: the Points field's where the data set takes it, else the run's. */
    private int trainPoints() {
        if (DataSources.of(source.getValue()).choosesPointCount() && points.validProperty().get() && points.value() != null) {
            return points.value().intValue();
        }
        return trainPoints(model);
    }

    /** The train points of {@code m}'s run now (no limit before its first snapshot). */
    static int trainPoints(StudioModel m) {
        var s = m.snapshotProperty().get();
        return s == null ? Integer.MAX_VALUE : s.context().data().train().count();
    }

    private void apply() {
        if (updating) {
            return;
        }
        ExperimentSpec next = current();
        if (next != null) {
            model.apply(next);
        }
    }

    private void show(ExperimentSpec s) {
        updating = true;
        NetworkConfig n = s.network();
        width.show((long) n.width(), Integer.toString(n.width()));
        widthSlider.setValue(Math.log(n.width()) / Math.log(2));
        depth.getValueFactory().setValue(n.depth());
        architecture.setValue(n.architecture());
        readout.setValue(n.readout() == null ? Layers.of(Architecture.CONV).readout() : n.readout());
        boolean conv = n.architecture() == Architecture.CONV;
        readoutRow.setVisible(conv);
        readoutRow.setManaged(conv);
        parameterization.setDisable(conv);
        MathFlow.set((Label) depthRow.getChildren().get(0), depthLabel(n.architecture()));
        MathFlow.set((Label) widthRow.getChildren().get(0), widthLabel(n.architecture()));
        activation.setValue(n.activation());
        parameterization.setValue(n.parameterization());
        sigmaW.show(n.sigmaW(), ValidatedField.display(n.sigmaW()));
        sigmaB.show(n.sigmaB(), ValidatedField.display(n.sigmaB()));
        outputScale.show(n.outputScale(), ValidatedField.display(n.outputScale()));
        scaleSlider.setValue(Math.log10(n.outputScale()));
        seed.show(n.seed(), Long.toString(n.seed()));
        learningRate.show(s.training().learningRate(), ValidatedField.plain(s.training().learningRate()));
        rateSlider.setValue(Math.log10(s.training().learningRate()));
        steps.show((long) s.training().steps(), Integer.toString(s.training().steps()));
        members.show((long) s.training().members(), Integer.toString(s.training().members()));
        TrainingRule rule = s.training().rule();
        loss.setValue(rule.loss());
        momentum.show(rule.momentum(), ValidatedField.plain(rule.momentum()));
        batchSize.show((long) rule.batchSize(), rule.fullBatch() ? "" : Integer.toString(rule.batchSize()));
        DataSpec d = s.data();
        if (!source.getItems().contains(d.source())) {
            source.getItems().add(d.source());
        }
        source.setValue(d.source());
        target.getItems().setAll(DataSpec.targetsOf(d.source()));
        target.setValue(d.target().isEmpty() ? null : d.target());
        points.show((long) d.n(), Integer.toString(d.n()));
        frequency.show(d.frequency(), ValidatedField.plain(d.frequency()));
        noise.show(d.noise(), ValidatedField.plain(d.noise()));
        showFieldsOf(d.source());
        updating = false;
    }

    /** Only the fields that apply: the 2-D sets have labels, not a target and a frequency; CSV data and fixed sets have their own points. */
    private void showFieldsOf(String src) {
        boolean targets = !DataSpec.targetsOf(src).isEmpty();
        for (VBox row : List.of(targetRow, frequencyRow)) {
            row.setVisible(targets);
            row.setManaged(targets);
        }
        boolean choosesN = DataSources.of(src).choosesPointCount();
        pointsRow.setVisible(choosesN);
        pointsRow.setManaged(choosesN);
    }

    private void showLimit(TrainingSnapshot s) {
        if (s == null) {
            return;
        }
        limit = s.context().largestStableLearningRate();
        placeMark();
        double eta = model.specProperty().get().training().learningRate();
        boolean unstable = eta > limit;
        // Above the limit the linearised model diverges for sure; the network itself may still
        // converge by moving its kernel (the catapult), up to a few times the limit.
        TrainingRule rule = s.context().spec().training().rule();
        // with minibatches the bound is the full batch's: each batch's own kernel may be sharper,
        // and no closed form gives the limit of the batch sequence, so it is not claimed
        MathFlow.set(stableLimit, String.format(Locale.ROOT, "kernel regime stable below %s = %.3g%s%s",
                rule.stableRateFormula().replace("(K)", ""), limit, rule.fullBatch() ? "" : " with full batches (with batches of "
                        + rule.batchSize() + " it can diverge below it)",
                unstable ? " — above it the linearised model diverges; the network may catapult or diverge" : ""));
        if (unstable != stableLimit.getStyleClass().contains("warning")) {
            if (unstable) {
                stableLimit.getStyleClass().add("warning");
            } else {
                stableLimit.getStyleClass().remove("warning");
            }
        }
    }

    private Node rateWithMark() {
        limitMark.setId("stable-limit-mark");
        limitMark.setStyle("-fx-background-color: #d62728;");
        limitMark.setPrefSize(3, 16);
        limitMark.setMaxSize(3, 16);
        limitMark.setVisible(false);
        Pane layer = new Pane(limitMark);
        layer.setMouseTransparent(true);
        StackPane box = new StackPane(rateSlider, layer);
        rateSlider.widthProperty().addListener((o, a, b) -> placeMark());
        rateSlider.heightProperty().addListener((o, a, b) -> placeMark());
        Tooltip.install(limitMark, new Tooltip("stable limit 2n/λmax"));
        return box;
    }

    /** Puts the tick where log10(2n/λ_max) falls on the slider's track (thumb-width insets at the ends). */
    private void placeMark() {
        double f = (Math.log10(limit) - rateSlider.getMin()) / (rateSlider.getMax() - rateSlider.getMin());
        boolean inside = f >= 0 && f <= 1;
        limitMark.setVisible(inside);
        if (inside) {
            double pad = 8;
            limitMark.relocate(pad + f * (rateSlider.getWidth() - 2 * pad) - 1.5, Math.max(0, (rateSlider.getHeight() - 16) / 2));
        }
    }

    /** Where the tick stands, as a fraction of the track, or NaN when hidden (for tests). */
    double markFraction() {
        return limitMark.isVisible() ? (Math.log10(limit) - rateSlider.getMin()) / (rateSlider.getMax() - rateSlider.getMin()) : Double.NaN;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /** What the width counts in that architecture: a conv network's is its channels. */
    static String widthLabel(Architecture a) {
        String range = " (" + NetworkConfig.WIDTH.text() + ")";
        return switch (a) {
            case DENSE, RESIDUAL -> "Width" + range;
            case CONV -> "Channels" + range;
        };
    }

    /** What the depth counts in that architecture. */
    static String depthLabel(Architecture a) {
        return switch (a) {
            case DENSE -> "Depth (hidden layers)";
            case RESIDUAL -> "Depth (residual blocks)";
            case CONV -> "Depth (convolutions)";
        };
    }

    private static VBox row(String label, Node... controls) {
        Label l = MathFlow.label(label);
        l.getStyleClass().add("field-label");
        // at large text a long label takes a second line rather than an ellipsis
        l.setWrapText(true);
        VBox box = new VBox(3, l);
        for (Node c : controls) {
            if (c instanceof Control control) {
                control.setMaxWidth(Double.MAX_VALUE);
            }
            box.getChildren().add(c);
        }
        return box;
    }
}
