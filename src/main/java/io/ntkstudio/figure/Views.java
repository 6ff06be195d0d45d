package io.ntkstudio.figure;

import java.util.List;

/**
 * The views of the studio, in dashboard order (rows of three): the one list that the window, the
 * View menu, help, exports and {@code render} all read.
 */
public final class Views {
    public static final ViewKind FUNCTION = new ViewKind("function", "Learned function", "Function", """
                The network's output f(x) over the inputs (against the angle γ on the circle, x in 1-D; \
                a coloured map for 2-D data), with the target, the training points and the kernel-regime \
                prediction f_t(x) = f_0(x) + Θ(x,X)K⁻¹(I − (I − ηK/n)^t)(y − f_0(X)) from Θ_0 and from Θ_∞: \
                the linearised network after the same t steps of GD (gradient flow e^{−ηtK/n} as η → 0). \
                With several networks: each thin, their mean ± 2σ, the NTK Gaussian process (purple) and, \
                switched by NNGP, the NNGP posterior (green) for contrast. For class data (digits): the test                 set's confusion matrices, true class down, predicted (largest output) across, for the network                 and its kernel regime from Θ_0 and Θ_∞.
                Notice: the wider the network, the closer it follows the dashed prediction.
                Jacot, Gabriel & Hongler 2018; Lee et al. 2019.""",
            false, (g, w, h, in) -> {
                FunctionChart.paint(g, w, h, in);
                return null;
            }, ChartData::function);

    public static final ViewKind HEATMAP = new ViewKind("heatmap", "Kernel heatmap", "Kernel", """
                The kernel Θ(x_i, x_j) = ∇θf(x_i)·∇θf(x_j) on the train inputs, ordered by input. \
                Θ_t − Θ_0 shows how far it moved; Θ_t − Θ_∞ how far it is from the infinite-width kernel.                 Class data is ordered by class, the bands marked; with one output per class the map is the                 output-averaged kernel (1/C) Σ_c Θ_cc.
                Notice: under NTK parameterization a wide network's Θ_t − Θ_0 stays near 0 (white); \
                under μP it does not. Hover for values.
                Jacot et al. 2018; Novak et al. 2022 for the computation.""",
            true, HeatmapChart::paint, ChartData::heatmap);

    public static final ViewKind LOSSES = new ViewKind("losses", "Loss and kernel metrics", "Losses", """
                Train and test loss L = 1/(2n) Σ (f − y)² against step, with the kernel-regime prediction \
                dashed; below, ‖Θ_t − Θ_0‖/‖Θ_0‖, ‖Θ_t − Θ_∞‖/‖Θ_∞‖, the alignment yᵀΘy/(‖Θ‖‖y‖²) and \
                ‖θ_t − θ_0‖/‖θ_0‖; for class data the centred alignment (Cortes et al. 2012) and the test \
                accuracy of the network and of its kernel regime (dashed) in place of the last two.
                Notice: the kernel change falls with width under NTK parameterization.
                Lee et al. 2019; Cristianini et al. 2002 (alignment).""",
            false, (g, w, h, in) -> {
                LossChart.paint(g, w, h, in);
                return null;
            }, ChartData::losses);

    public static final ViewKind SPECTRUM = new ViewKind("spectrum", "Eigenspectrum", "Spectrum", """
                Eigenvalues λ_i of the train kernel, descending, for Θ_t, Θ_0 and Θ_∞; below, the top \
                eigenvalues over training. The residual along eigenvector v_i is multiplied by (1 − ηλ_i/n) \
                each step, so the kernel regime is stable only below η = 2n/λ_max. With several networks, \
                net # picks whose Θ_t and Θ_0 are drawn beside their mean kernel's.
                Notice: large eigenvalues (smooth functions) are learned first.
                Jacot et al. 2018; Lee et al. 2019.""",
            true, (g, w, h, in) -> {
                SpectrumChart.paint(g, w, h, in);
                return null;
            }, ChartData::spectrum);

    public static final ViewKind SLICE = new ViewKind("slice", "Kernel slice", "Slice", """
                One row of the kernel, Θ(x₀, x) against the input x, for Θ_0, Θ_t and Θ_∞: the picture of \
                Jacot et al. 2018, Figure 1 (on its data, over the unit circle from x₀ = (1, 0)). With several \
                networks, every one at t = 0 (grey; "t = 0" hides them) and now (blue). For class data: the                 kernel PCA, each train point at √λ v on the top two eigenvectors of the centred kernel HΘH,                 coloured by class, Θ_0 (or, with "t = 0" off, Θ_∞) beside Θ_t (Canatar, Bordelon & Pehlevan 2021).
                Notice: for a wide network Θ_t lies on Θ_0 and both near Θ_∞; a narrow one's moves.
                Jacot, Gabriel & Hongler 2018.""",
            true, (g, w, h, in) -> {
                SliceChart.paint(g, w, h, in);
                return null;
            }, ChartData::slice);

    public static final ViewKind MODES = new ViewKind("modes", "Residual modes", "Modes", """
                The residual's energy (v_iᵀ r)² along eigenvectors v_i of Θ_0: above, the five directions \
                holding most of it at the start, followed over training (network solid, kernel-regime \
                prediction (v_iᵀr₀)² (1 − ηλ_i/n)^{2t} dashed, the linearised network under the same GD); below, \
                every direction at the current step.
                Notice: the directions with the largest λ (lowest frequencies on the circle) are fitted \
                first — spectral bias — and a wide network follows its dashed line.
                Jacot et al. 2018; Rahaman et al. 2019; Bietti & Mairal 2019.""",
            false, (g, w, h, in) -> {
                ModesChart.paint(g, w, h, in);
                return null;
            }, ChartData::modes);

    public static final List<ViewKind> ALL = List.of(FUNCTION, HEATMAP, LOSSES, SPECTRUM, SLICE, MODES);
    /** The views with a second panel under the first (kernel metrics, top eigenvalues, every mode). */
    public static final List<ViewKind> TWO_PANELS = List.of(LOSSES, SPECTRUM, MODES);

    /** Compare mode's overlay: runs A and B in one chart each (not in the grid; see {@link OverlayChart}). */
    public static final ViewKind OVERLAY_SLICE = new ViewKind("overlay-slice", "Kernel slice, A and B", "Slice, A and B", """
                Θ(x₀, x) of run A (blue) and run B (orange) in one chart, at initialisation (dashed) and now \
                (solid), over Θ_∞ (green), every network of each with several: Jacot et al. 2018, Figure 1 \
                overlays widths this way.
                Notice: the wider run's Θ_t stays on its Θ_0, near Θ_∞; the narrow one's moves.""",
            true, OverlayChart::slice, in -> ChartData.overlay("slice", in));

    public static final ViewKind OVERLAY_FUNCTION = new ViewKind("overlay-function", "Learned function, A and B",
            "Function, A and B", """
                Both runs' outputs f(x) over the test inputs, A solid and B dashed, with the target and the \
                training points.""",
            false, OverlayChart::function, in -> ChartData.overlay("function", in));

    public static final ViewKind OVERLAY_LOSSES = new ViewKind("overlay-losses", "Losses, A and B", "Losses, A and B", """
                Train (solid) and test (dashed) loss of both runs against step, on a log scale.""",
            false, OverlayChart::losses, in -> ChartData.overlay("losses", in));

    /** The overlay's views, top to bottom. */
    public static final List<ViewKind> OVERLAY = List.of(OVERLAY_SLICE, OVERLAY_FUNCTION, OVERLAY_LOSSES);

    private Views() {
    }

    /** The view with that id among {@code views}; an unknown id is an error that lists the known ones. */
    public static ViewKind byId(List<ViewKind> views, String id) {
        for (ViewKind v : views) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no view named " + id + "; views: "
                + String.join(", ", views.stream().map(ViewKind::id).toList()));
    }

    public static ViewKind byId(String id) {
        return byId(ALL, id);
    }
}
