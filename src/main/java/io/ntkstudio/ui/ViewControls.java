package io.ntkstudio.ui;

import io.ntkstudio.data.Dataset;
import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.figure.HeatmapChart;
import io.ntkstudio.figure.HeatmapLayout;
import io.ntkstudio.figure.HeatmapMode;
import io.ntkstudio.figure.SpectrumShows;
import io.ntkstudio.figure.ViewKind;
import io.ntkstudio.figure.Views;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The header controls of the views that have their own (by {@link ViewKind}): the heatmap's mode selector
 * and its hover read-out of i, j, their inputs and the value; which of several networks the heatmap
 * and the spectrum show; the function view's NNGP switch; the slice's x₀ spinner. A view without
 * controls needs nothing here.
 */
final class ViewControls {
    private static final Map<ViewKind, Consumer<PlotView>> CONTROLS = Map.of(
            Views.FUNCTION, ViewControls::function,
            Views.HEATMAP, ViewControls::heatmap,
            Views.SPECTRUM, ViewControls::spectrum,
            Views.SLICE, ViewControls::slice);
    /** Where a view keeps the controls that follow its state when it is set from elsewhere (typed keys, not names). */
    private static final Object MODE_SELECTOR = new Object();
    private static final Object ANCHOR_SPINNER = new Object();

    static final String FIXED_SCALE = "±10 %";
    static final String OWN_SCALE = "auto";
    static final String BY_CLASS = "by class";
    static final String BY_INPUT = "data order";

    private ViewControls() {
    }

    static void install(PlotView view) {
        CONTROLS.getOrDefault(view.kind(), v -> { }).accept(view);
    }

    /** Keeps a mode selector showing the view's mode when it is set from elsewhere (a test, a key). */
    static void modeChanged(PlotView view) {
        if (view.getProperties().get(MODE_SELECTOR) instanceof ComboBox<?> box && box.getValue() != view.mode()) {
            @SuppressWarnings("unchecked")
            ComboBox<HeatmapMode> modes = (ComboBox<HeatmapMode>) box;
            modes.setValue(view.mode());
        }
    }

    static void anchorChanged(PlotView view) {
        if (view.getProperties().get(ANCHOR_SPINNER) instanceof Spinner<?> sp && !Integer.valueOf(view.anchor()).equals(sp.getValue())) {
            @SuppressWarnings("unchecked")
            Spinner<Integer> anchor = (Spinner<Integer>) sp;
            anchor.getValueFactory().setValue(view.anchor());
        }
    }

    private static void heatmap(PlotView view) {
        ComboBox<HeatmapMode> mode = new ComboBox<>();
        mode.getItems().addAll(HeatmapMode.values());
        mode.setValue(view.mode());
        mode.setId("heatmap-mode");
        mode.setCellFactory(l -> MathFlow.cell(HeatmapMode::toString));
        mode.setButtonCell(MathFlow.cell(HeatmapMode::toString));
        // In a narrow view the title gives way, not the selector.
        mode.setMinWidth(Region.USE_PREF_SIZE);
        // the differences' colour scale: fixed relative to the kernel they are measured from, or their own
        ComboBox<String> scale = twoWay("heatmap-scale", FIXED_SCALE, OWN_SCALE, view.ownRange(), view::setOwnRange,
                "Colour scale of Θ_t − Θ_0 and Θ_t − Θ_∞: fixed at ±10 % of the largest entry of Θ_0 (or Θ_∞), "
                + "so that small changes look small and two runs compare; or auto, the map's own largest difference");
        // only the differences have a scale to choose: elsewhere it would take a row of a small view for nothing
        showScale(scale, view.mode());
        mode.valueProperty().addListener((o, a, b) -> {
            view.setMode(b);
            showScale(scale, b);
        });
        view.getProperties().put(MODE_SELECTOR, mode);
        view.addHeaderControls(mode, scale, order(view), networkChooser(view, "heatmap-network"));
        Label hover = new Label(" ");
        hover.getStyleClass().add("hover-readout");
        hover.setId("heatmap-hover");
        view.setBottom(hover);
        view.setHover((x, y) -> describeCell(view, x, y));
        view.image.setOnMouseMoved(e -> hover.setText(view.describe(e.getX(), e.getY())));
        view.image.setOnMouseExited(e -> hover.setText(" "));
    }

    private static void showScale(ComboBox<String> scale, HeatmapMode mode) {
        boolean shown = mode != null && mode.difference();
        scale.setVisible(shown);
        scale.setManaged(shown);
    }

    /** A selector of two choices that sets a view's switch: {@code on} when {@code second} is chosen. */
    private static ComboBox<String> twoWay(String id, String first, String second, boolean secondNow, Consumer<Boolean> on,
                                           String tip) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().addAll(first, second);
        box.setValue(secondNow ? second : first);
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setTooltip(new Tooltip(tip));
        box.valueProperty().addListener((o, a, b) -> on.accept(second.equals(b)));
        return box;
    }

    /** On class data: the points sorted into class bands, or in the data's own (shuffled) order, where no block shows. */
    private static ComboBox<String> order(PlotView view) {
        ComboBox<String> order = twoWay("heatmap-order", BY_CLASS, BY_INPUT, view.inputOrder(), view::setInputOrder,
                "Order of the points: sorted by class, the bands marked, or in the data's own order, where the same kernel shows no blocks");
        Runnable update = () -> {
            TrainingSnapshot s = view.model.snapshotProperty().get();
            boolean shown = s != null && s.context().data().classes() > 0;
            order.setVisible(shown);
            order.setManaged(shown);
        };
        update.run();
        view.model.onNewRun(update);
        return order;
    }

    /** The eigenvalues or the target's share in the top k modes, C(k); which network's kernel. */
    private static void spectrum(PlotView view) {
        ComboBox<SpectrumShows> shows = new ComboBox<>();
        shows.getItems().addAll(SpectrumShows.values());
        shows.setValue(view.spectrumShows());
        shows.setId("spectrum-shows");
        shows.setCellFactory(l -> MathFlow.cell(SpectrumShows::toString));
        shows.setButtonCell(MathFlow.cell(SpectrumShows::toString));
        shows.setMinWidth(Region.USE_PREF_SIZE);
        shows.setTooltip(new Tooltip("λ_i: the eigenvalues, descending. C(k): how much of the target the top k eigenvectors hold, "
                + "Σ_{i≤k} (v_iᵀ y)² / ‖y‖² (Canatar, Bordelon & Pehlevan 2021): the modes that hold it are learned first"));
        shows.valueProperty().addListener((o, a, b) -> view.setSpectrumShows(b));
        view.addHeaderControls(shows, networkChooser(view, "spectrum-network"));
    }

    /** The NNGP posterior of several networks, for contrast with the NTK-GP: shown or not. */
    private static void function(PlotView view) {
        CheckBox nngp = new CheckBox("NNGP");
        nngp.setId("function-nngp");
        nngp.setSelected(view.nngp());
        nngp.setMinWidth(Region.USE_PREF_SIZE);
        nngp.setTooltip(new Tooltip("The NNGP posterior, mean ± 2σ: Bayesian inference with the NNGP kernel alone (Lee et al. 2018), "
                + "for contrast with the NTK Gaussian process that gradient descent gives (several networks only)"));
        nngp.selectedProperty().addListener((o, a, b) -> view.setNngp(b));
        // drawn only where the networks are curves (circle and 1-D data), not on a 2-D map
        Runnable update = () -> {
            TrainingSnapshot s = view.model.snapshotProperty().get();
            boolean shown = view.model.specProperty().get().training().members() > 1 && s != null && s.context().data().geometry().curves();
            nngp.setVisible(shown);
            nngp.setManaged(shown);
        };
        update.run();
        view.model.specProperty().addListener((o, a, b) -> update.run());
        view.model.onNewRun(update);
        view.addHeaderControls(nngp);
    }

    /** "net #" and a spinner, shown while the run has several networks: which one's kernel (1 is the run's own). */
    private static HBox networkChooser(PlotView view, String id) {
        Spinner<Integer> network = new Spinner<>(1, (int) TrainingSpec.MEMBERS.max(), 1);
        network.setId(id);
        network.setEditable(true);
        network.getEditor().setPrefColumnCount(3);
        network.setMinWidth(Region.USE_PREF_SIZE);
        network.setTooltip(new Tooltip("Which network's kernel, of the run's several (Networks in the panel): 1 is the run's own"));
        network.valueProperty().addListener((o, a, b) -> view.setNetwork(b == null ? 0 : b - 1));
        // the label stays with its field when the controls wrap to a second row
        HBox networkBox = new HBox(4, new Label("net #"), network);
        networkBox.setAlignment(Pos.CENTER_LEFT);
        Runnable update = () -> {
            int k = view.model.specProperty().get().training().members();
            networkBox.setVisible(k > 1);
            networkBox.setManaged(k > 1);
            if (network.getValue() > k) {
                network.getValueFactory().setValue(1);
            }
        };
        update.run();
        view.model.specProperty().addListener((o, a, b) -> update.run());
        return networkBox;
    }

    private static void slice(PlotView view) {
        Spinner<Integer> anchor = new Spinner<>(0, 99_999, view.anchor());
        anchor.setId("slice-anchor");
        anchor.setEditable(true);
        // wide enough for four digits at any text size (a fixed width squashed it at 200 %)
        anchor.getEditor().setPrefColumnCount(4);
        anchor.setMinWidth(Region.USE_PREF_SIZE);
        anchor.setTooltip(new Tooltip("x₀: which train point, in input order"));
        anchor.valueProperty().addListener((o, a, b) -> view.setAnchor(b == null ? 0 : b));
        view.getProperties().put(ANCHOR_SPINNER, anchor);
        HBox anchorBox = new HBox(4, new Label("x₀ #"), anchor);
        anchorBox.setAlignment(Pos.CENTER_LEFT);
        // a slice on the unit circle starts from x₀ = (1, 0), not from a train point: nothing to choose
        view.model.onNewRun(() -> {
            TrainingSnapshot now = view.model.snapshotProperty().get();
            boolean choose = now == null || !now.context().hasCircleSlice();
            anchorBox.setVisible(choose);
            anchorBox.setManaged(choose);
        });
        // before and after training, as Jacot et al.'s Figure 1: the kernels at t = 0 beside those now
        CheckBox init = new CheckBox("t = 0");
        init.setId("slice-init");
        init.setSelected(view.sliceInit());
        init.setMinWidth(Region.USE_PREF_SIZE);
        init.setTooltip(new Tooltip("Show the kernels at initialisation (grey) beside those now: before and after training"));
        init.selectedProperty().addListener((o, a, b) -> view.setSliceInit(b));
        view.addHeaderControls(anchorBox, init);
    }

    /** The heatmap cell under (x, y): i, j, their inputs and the value shown. */
    private static String describeCell(PlotView view, double x, double y) {
        if (!(view.layoutInfo() instanceof HeatmapLayout layout) || view.model.snapshotProperty().get() == null) {
            return " ";
        }
        int[] cell = layout.cellAt(x, y);
        if (cell == null) {
            return " ";
        }
        Dataset data = view.model.snapshotProperty().get().context().data();
        int i = layout.order()[cell[0]];
        int j = layout.order()[cell[1]];
        return String.format(Locale.ROOT, "i = %d %s,  j = %d %s:  %s = %.6g", i, input(data, i), j, input(data, j),
                view.mode(), layout.values()[cell[0] * layout.n() + cell[1]]);
    }

    private static String input(Dataset data, int i) {
        Samples s = data.train();
        if (s.classes() > 0) {
            return "(class " + data.className(s.label(i)) + ")";
        }
        if (s.dim() == 2 && Math.abs(Math.hypot(s.input(i, 0), s.input(i, 1)) - 1) < 1e-9) {
            return String.format(Locale.ROOT, "(γ = %.3f)", HeatmapChart.sortKey(s, i));
        }
        StringBuilder b = new StringBuilder("(x = ");
        for (int k = 0; k < s.dim(); k++) {
            b.append(k > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", s.input(i, k)));
        }
        return b.append(')').toString();
    }
}
