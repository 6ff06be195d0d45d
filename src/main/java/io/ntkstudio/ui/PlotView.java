package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.HeatmapMode;
import io.ntkstudio.figure.PaintedLayout;
import io.ntkstudio.figure.SpectrumShows;
import io.ntkstudio.figure.ViewKind;
import io.ntkstudio.figure.ViewSettings;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A titled view of one {@link ViewKind}, showing its chart painted from the model's snapshot by
 * the {@link ChartRenderer}: the same inputs paint the same pixels. It asks for a new picture when
 * a snapshot arrives (or, for kernel views, when a kernel arrives) and when its size changes, never
 * otherwise. The per-view state (the heatmap's mode, the slice's x₀) lives here; the controls that
 * set it are added by {@link ViewControls}.
 */
final class PlotView extends BorderPane {
    final StudioModel model;
    private final ViewKind kind;
    /** What is set on this view (heatmap mode, slice anchor, chosen network, switches): one record, handed to the painter as is. */
    private ViewSettings settings = ViewSettings.DEFAULT;
    /** Run B, for an overlay view of compare mode; else null. */
    private StudioModel companion;
    private BiFunction<Double, Double, String> hover = (x, y) -> " ";
    final ImageView image = new ImageView();
    final HBox header;
    /** The title in the title bar: the full one or, when the bar is narrow, the short one. */
    final Label titleLabel;
    /** The view's own controls (the heatmap's mode, the slice's x₀) when the title bar has no room for them. */
    private final FlowPane controlsRow = new FlowPane(6, 3);
    private final List<Node> extraControls = new ArrayList<>();
    final Pane holder;
    private final Button maximise = new Button("⤢");
    private final String name;
    private long draws;
    private final ShownPicture picture = new ShownPicture();
    private long shownStep = -1;
    private boolean renderWanted;
    private PaintedLayout layout;
    private Image sharpRestore;

    PlotView(StudioModel model, ViewKind kind) {
        this.model = model;
        this.kind = kind;
        this.name = kind.id();
        String title = kind.title();
        boolean kernelOnly = kind.needsKernel();
        setId("view-" + name);
        getStyleClass().add("plot-view");
        titleLabel = new Label(title);
        titleLabel.getStyleClass().add("view-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        maximise.getStyleClass().add("view-button");
        maximise.setTooltip(new Tooltip("Maximise this view (or double-click the title bar; Esc restores)"));
        titleLabel.setTooltip(new Tooltip(title));
        header = new HBox(6, titleLabel, spacer, ViewActions.helpButton(this), ViewActions.menu(this), maximise) {
            @Override
            protected void layoutChildren() {
                fitTitle(this, titleLabel, spacer);
                super.layoutChildren();
            }
        };
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(3, 6, 3, 8));
        header.getStyleClass().add("view-header");
        holder = new Pane(image) {
            private double lastW;
            private double lastH;

            @Override
            protected void layoutChildren() {
                if (getWidth() != lastW || getHeight() != lastH || renderWanted) {
                    lastW = getWidth();
                    lastH = getHeight();
                    requestRender();
                }
            }
        };
        holder.setMinSize(120, 100);
        controlsRow.getStyleClass().add("view-header");
        controlsRow.setAlignment(Pos.CENTER_RIGHT);
        // wraps onto more rows rather than running past the view's edge
        controlsRow.prefWrapLengthProperty().bind(widthProperty().subtract(16));
        controlsRow.setPadding(new Insets(0, 6, 3, 8));
        controlsRow.setManaged(false);
        controlsRow.setVisible(false);
        VBox top = new VBox(header, controlsRow);
        // the title bar takes the view's width and never asks for more: were its wish to follow
        // where the controls sit, the grid would resize the column and the controls move back
        top.setMinWidth(0);
        top.setPrefWidth(0);
        setTop(top);
        setCenter(holder);
        // The grid gives each view its share of the window; a crowded title bar (large text, a
        // selector that keeps its width) is clipped within the view, never widens its column.
        setMinWidth(120);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(header.widthProperty());
        clip.heightProperty().bind(header.heightProperty());
        header.setClip(clip);
        // nor does a control whose preferred width stayed at a larger text size (a ComboBox keeps it)
        header.setMinWidth(0);
        (kernelOnly ? model.kernelSnapshotProperty() : model.snapshotProperty()).addListener((o, a, b) -> requestRender());
        // a click on a chart takes the keys away from any field, so Space, S and R act on the run
        holder.setOnMousePressed(e -> requestFocus());
        ViewControls.install(this);
    }

    ViewKind kind() {
        return kind;
    }

    /**
     * The full title when it fits beside the title bar's controls at the current text size, else
     * the short one ("Kernel heatmap" → "Kernel"); the full one is always in the tooltip. When
     * even the short title and the view's own controls (the heatmap's mode, the slice's x₀) do not
     * fit, those controls move to a row under the title bar, whole, rather than being squashed;
     * when the buttons do not fit beside the short title either, they move there too.
     */
    private void fitTitle(HBox bar, Label titleLabel, Region spacer) {
        List<Node> buttons = new ArrayList<>();
        for (Node n : List.copyOf(bar.getChildren())) {
            if (n != titleLabel && n != spacer && !extraControls.contains(n)) {
                buttons.add(n);
            }
        }
        for (Node n : controlsRow.getChildren()) {
            if (!extraControls.contains(n)) {
                buttons.add(n);
            }
        }
        double gap = bar.getSpacing();
        double insets = bar.snappedLeftInset() + bar.snappedRightInset();
        double fixed = widthOf(buttons, gap);
        double extras = widthOf(extraControls, gap);
        double full = textWidth(titleLabel, kind.title());
        double brief = textWidth(titleLabel, kind.shortTitle());
        double room = bar.getWidth() - insets - gap;
        // 1: everything in the bar; 2: the view's own controls below; 3: every control below
        int level = brief + fixed + extras <= room ? 1 : brief + fixed <= room ? 2 : 3;
        double used = level == 1 ? fixed + extras : level == 2 ? fixed : 0;
        String wanted = full + used <= room ? kind.title() : kind.shortTitle();
        if (!wanted.equals(titleLabel.getText())) {
            titleLabel.setText(wanted);
        }
        List<Node> inBar = level == 1 ? concat(extraControls, buttons) : level == 2 ? buttons : List.of();
        List<Node> below = level == 1 ? List.of() : level == 2 ? extraControls : concat(extraControls, buttons);
        List<Node> barNow = new ArrayList<>(List.of(titleLabel, spacer));
        barNow.addAll(inBar);
        if (!bar.getChildren().equals(barNow) || !controlsRow.getChildren().equals(below)) {
            bar.getChildren().setAll(barNow);
            controlsRow.getChildren().setAll(below);
            controlsRow.setManaged(!below.isEmpty());
            controlsRow.setVisible(!below.isEmpty());
        }
    }

    private static double widthOf(List<Node> nodes, double gap) {
        double w = 0;
        for (Node n : nodes) {
            w += n.prefWidth(-1) + gap;
        }
        return w;
    }

    /** The buttons (help, menu, maximise) with the view's own controls {@code a} before maximise, as added. */
    private static List<Node> concat(List<Node> a, List<Node> b) {
        List<Node> out = new ArrayList<>();
        out.addAll(b.subList(0, Math.max(0, b.size() - 1)));
        out.addAll(a);
        out.addAll(b.subList(Math.max(0, b.size() - 1), b.size()));
        return out;
    }

    private static double textWidth(Label label, String text) {
        Text probe = new Text(text);
        probe.setFont(label.getFont());
        return probe.getLayoutBounds().getWidth() + label.snappedLeftInset() + label.snappedRightInset() + 2;
    }

    /** The heatmap's mode (other views ignore it). */
    HeatmapMode mode() {
        return settings.heatmapMode();
    }

    void setMode(HeatmapMode m) {
        if (m != null && change(settings.with(m, settings.sliceAnchor()))) {
            ViewControls.modeChanged(this);
        }
    }

    ViewSettings settings() {
        return settings;
    }

    /** Takes {@code next} and repaints if it differs; true if it did. */
    private boolean change(ViewSettings next) {
        if (next.equals(settings)) {
            return false;
        }
        settings = next;
        requestRender();
        return true;
    }

    /**
     * Makes this an overlay view: it paints its model's run (A) with {@code b}'s beside it, and
     * repaints when either changes.
     */
    void overlay(StudioModel b) {
        companion = b;
        (kind.needsKernel() ? b.kernelSnapshotProperty() : b.snapshotProperty()).addListener((o, x, y) -> requestRender());
    }

    /** What this view paints now: its model's inputs, with the companion run's for an overlay; null before the first snapshot. */
    ChartInputs inputs() {
        ChartInputs in = model.chartInputs(this);
        if (companion == null || in == null) {
            return in;
        }
        ChartInputs other = companion.chartInputs(this);
        return other == null ? in : in.withCompanion(other);
    }

    /** Which of several networks the heatmap or spectrum shows (0: network 1). */
    int network() {
        return settings.network();
    }

    void setNetwork(int k) {
        change(settings.withNetwork(k));
    }

    /** Whether the kernel slice shows the kernels at t = 0 beside those now. */
    boolean sliceInit() {
        return settings.sliceWithInit();
    }

    void setSliceInit(boolean show) {
        change(settings.withSliceInit(show));
    }

    /** Whether the function view of several networks draws the NNGP posterior. */
    boolean nngp() {
        return settings.showNngp();
    }

    void setNngp(boolean show) {
        change(settings.withNngp(show));
    }

    /** Whether a two-panel view shows its second panel whatever its size (a lesson, presenter mode). */
    boolean bothPanels() {
        return settings.bothPanels();
    }

    void setBothPanels(boolean both) {
        change(settings.withBothPanels(both));
    }

    /** Whether the heatmap's difference maps use their own range rather than ±10 % of the reference kernel. */
    boolean ownRange() {
        return settings.heatmapOwnRange();
    }

    void setOwnRange(boolean own) {
        change(settings.withOwnRange(own));
    }

    /** What the spectrum view's first panel draws (other views ignore it). */
    SpectrumShows spectrumShows() {
        return settings.spectrum();
    }

    void setSpectrumShows(SpectrumShows shows) {
        if (shows != null) {
            change(settings.withSpectrum(shows));
        }
    }

    /** Whether the heatmap keeps class data in input order rather than in class bands. */
    boolean inputOrder() {
        return settings.heatmap().inputOrder();
    }

    void setInputOrder(boolean input) {
        change(settings.with(settings.heatmap().withInputOrder(input)));
    }

    /** The slice's x₀, a position among the train points in input order (other views ignore it). */
    int anchor() {
        return settings.sliceAnchor();
    }

    void setAnchor(int position) {
        if (change(settings.with(settings.heatmapMode(), position))) {
            ViewControls.anchorChanged(this);
        }
    }

    /** What is under the pointer at (x, y) in the picture, for views that read out values. */
    String describe(double x, double y) {
        return hover.apply(x, y);
    }

    void setHover(BiFunction<Double, Double, String> readout) {
        this.hover = readout;
    }

    /** Adds controls to the title bar, before the maximise button. */
    void addHeaderControls(Node... nodes) {
        extraControls.addAll(List.of(nodes));
        header.getChildren().addAll(header.getChildren().size() - 1, List.of(nodes));
    }

    void onMaximise(Runnable action) {
        maximise.setOnAction(e -> action.run());
        header.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                action.run();
            }
        });
    }

    /** How many pictures this view has shown, for tests and benchmarks. */
    long draws() {
        return draws;
    }

    /** The step of the snapshot on show, or −1 while none is. */
    long shownStep() {
        return shownStep;
    }

    /** What the last painting reported (e.g. the heatmap's cell layout), or null. */
    PaintedLayout layoutInfo() {
        return layout;
    }

    /** The view's key: function, heatmap, losses, spectrum, slice or modes. */
    String name() {
        return name;
    }

    /** The size of the picture in pixels. */
    double pictureWidth() {
        return Math.floor(holder.getWidth());
    }

    double pictureHeight() {
        return Math.floor(holder.getHeight());
    }

    /** Asks for a new picture of the current snapshot at the current size and text scale. */
    final void requestRender() {
        int w = (int) pictureWidth();
        int h = (int) pictureHeight();
        if (w < 2 || h < 2 || getScene() == null) {
            // Not laid out (e.g. just put back into the grid): paint at the next layout instead.
            renderWanted = true;
            holder.requestLayout();
            return;
        }
        renderWanted = false;
        model.renderer().request(this, inputs(), w, h, model.textScaleProperty().get(),
                model.themeProperty().get());
    }

    /**
     * Shows this view's chart repainted at {@code scale} × its size, drawn into its usual place,
     * until {@link #endSharp()}: a snapshot of the window at {@code scale} then has sharp charts.
     */
    void beginSharp(double scale) {
        int w = (int) pictureWidth();
        int h = (int) pictureHeight();
        if (w < 2 || h < 2 || getScene() == null) {
            return;
        }
        sharpRestore = image.getImage();
        ChartRenderer.Rendered r = ChartRenderer.paintNow(this, inputs(), (int) Math.round(w * scale),
                (int) Math.round(h * scale), model.textScaleProperty().get() * scale, model.themeProperty().get());
        image.setFitWidth(w);
        image.setFitHeight(h);
        image.setImage(r.toImage());
    }

    /** Back to the picture on screen after {@link #beginSharp}. */
    void endSharp() {
        if (sharpRestore != null) {
            image.setImage(sharpRestore);
            image.setFitWidth(0);
            image.setFitHeight(0);
            sharpRestore = null;
        }
    }

    final void install(ChartRenderer.Rendered r) {
        Image shown = picture.show(r.pixels(), r.width(), r.height());
        if (image.getImage() != shown) {
            image.setImage(shown);
        }
        layout = r.layout();
        shownStep = r.step();
        draws++;
    }

    /** Paints the chart on the renderer's thread; returns layout information or null. */
    PaintedLayout paint(Graphics2D g, double w, double h, ChartInputs in) {
        return kind.painter().paint(g, w, h, in);
    }
}
