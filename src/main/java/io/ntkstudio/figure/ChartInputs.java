package io.ntkstudio.figure;

import io.ntkstudio.engine.TrainingSnapshot;

/**
 * Everything a chart draws from, immutable: the newest snapshot, the newest one carrying Θ_t
 * (null before the first), copies of the histories against step (including the residual's energy
 * along a few eigen-directions of Θ_0), and what is set on the view being painted
 * ({@link ViewSettings}). While a recorded step is replayed, {@code cursorStep} is that step (the
 * curves then run to the latest step, with a cursor at it); −1 when live. {@code companion}: in
 * compare mode's overlay, run B's inputs beside these (run A's); else null.
 */
public record ChartInputs(TrainingSnapshot snapshot, TrainingSnapshot kernelSnapshot, Series trainLoss, Series regimeTrainLoss,
                          KernelCurves kernel, ModeTrajectories modeTrajectories, ViewSettings view, long cursorStep,
                          ChartInputs companion) {
    /** The same inputs for a view with these settings (the series are shared, being immutable). */
    public ChartInputs with(ViewSettings settings) {
        if (settings.equals(view)) {
            return this;
        }
        return new ChartInputs(snapshot, kernelSnapshot, trainLoss, regimeTrainLoss, kernel, modeTrajectories, settings, cursorStep,
                companion);
    }

    /** The same inputs for another heatmap mode and slice anchor. */
    public ChartInputs with(HeatmapMode mode, int anchor) {
        return with(view.with(mode, anchor));
    }

    /** The same inputs with difference maps on their own range (true) or the fixed relative one. */
    public ChartInputs withOwnRange(boolean own) {
        return with(view.withOwnRange(own));
    }

    /** The same inputs with the spectrum view drawing {@code shows}. */
    public ChartInputs withSpectrum(SpectrumShows shows) {
        return with(view.withSpectrum(shows));
    }

    /** The same inputs with the heatmap's class data in input order (true) or in class bands. */
    public ChartInputs withInputOrder(boolean input) {
        return with(view.with(view.heatmap().withInputOrder(input)));
    }

    /** The same inputs with the heatmap or spectrum showing network {@code k} (0: network 1) of several. */
    public ChartInputs withNetwork(int k) {
        return with(view.withNetwork(k));
    }

    /** The same inputs with the function view drawing the NNGP posterior of several networks, or not. */
    public ChartInputs withNngp(boolean show) {
        return with(view.withNngp(show));
    }

    /** The same inputs with a two-panel view's second panel shown whatever its size (true) or by size. */
    public ChartInputs withBothPanels(boolean both) {
        return with(view.withBothPanels(both));
    }

    /** The same inputs with the kernel slice showing the kernels at t = 0 beside those now, or not. */
    public ChartInputs withSliceInit(boolean show) {
        return with(view.withSliceInit(show));
    }

    /** The same inputs with another run's beside them, for an overlay. */
    public ChartInputs withCompanion(ChartInputs other) {
        return new ChartInputs(snapshot, kernelSnapshot, trainLoss, regimeTrainLoss, kernel, modeTrajectories, view, cursorStep, other);
    }

    public Series testLoss() {
        return kernel.testLoss();
    }

    public Series regimeTestLoss() {
        return kernel.regimeTestLoss();
    }

    public Series kernelChange() {
        return kernel.kernelChange();
    }

    public Series distanceToLimit() {
        return kernel.distanceToLimit();
    }

    public Series alignment() {
        return kernel.alignment();
    }

    public Series weightChange() {
        return kernel.weightChange();
    }

    public Series[] topEigenvalues() {
        return kernel.top();
    }

    public HeatmapMode heatmapMode() {
        return view.heatmapMode();
    }

    public int sliceAnchor() {
        return view.sliceAnchor();
    }

    public boolean heatmapOwnRange() {
        return view.heatmapOwnRange();
    }

    /** Whether the heatmap keeps class data in input order rather than in class bands. */
    public boolean heatmapInputOrder() {
        return view.heatmap().inputOrder();
    }

    public int network() {
        return view.network();
    }

    public boolean showNngp() {
        return view.showNngp();
    }

    public boolean sliceWithInit() {
        return view.sliceWithInit();
    }

    /** Whether a recorded step is being replayed: the curves' charts draw a cursor at {@link #cursorStep()}. */
    public boolean replaying() {
        return cursorStep >= 0;
    }
}
