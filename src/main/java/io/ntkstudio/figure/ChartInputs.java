package io.ntkstudio.figure;

import io.ntkstudio.engine.TrainingSnapshot;

/**
 * Everything a chart draws from, immutable: the newest snapshot, the newest one carrying Θ_t
 * (null before the first), copies of the histories against step (including the residual's energy
 * along a few eigen-directions of Θ_0), the heatmap's mode and the
 * kernel slice's anchor x₀ (a position in input order). While a recorded step is replayed,
 * {@code cursorStep} is that step (the curves then run to the latest step, with a cursor at it);
 * −1 when live. {@code heatmapOwnRange}: difference maps coloured to their own largest |Δ|
 * rather than the fixed ±10 % of the kernel they are measured from. {@code companion}: in compare
 * mode's overlay, run B's inputs beside these (run A's); else null. {@code heatmapNetwork}: with
 * several networks, which one the heatmap shows (0 is network 1, the run's own).
 */
public record ChartInputs(TrainingSnapshot snapshot, TrainingSnapshot kernelSnapshot,
                          Series trainLoss, Series testLoss, Series regimeTrainLoss, Series regimeTestLoss,
                          Series kernelChange, Series distanceToLimit, Series alignment, Series weightChange,
                          Series[] topEigenvalues, ModeTrajectories modeTrajectories,
                          HeatmapMode heatmapMode, int sliceAnchor, long cursorStep, boolean heatmapOwnRange,
                          ChartInputs companion, int heatmapNetwork) {
    /** The same inputs for another heatmap mode and slice anchor (the series are shared, being immutable). */
    public ChartInputs with(HeatmapMode mode, int anchor) {
        if (mode == heatmapMode && anchor == sliceAnchor) {
            return this;
        }
        return new ChartInputs(snapshot, kernelSnapshot, trainLoss, testLoss, regimeTrainLoss, regimeTestLoss, kernelChange,
                distanceToLimit, alignment, weightChange, topEigenvalues, modeTrajectories, mode, anchor, cursorStep, heatmapOwnRange, companion,
                heatmapNetwork);
    }

    /** The same inputs with difference maps on their own range (true) or the fixed relative one. */
    public ChartInputs withOwnRange(boolean own) {
        if (own == heatmapOwnRange) {
            return this;
        }
        return new ChartInputs(snapshot, kernelSnapshot, trainLoss, testLoss, regimeTrainLoss, regimeTestLoss, kernelChange,
                distanceToLimit, alignment, weightChange, topEigenvalues, modeTrajectories, heatmapMode, sliceAnchor, cursorStep, own, companion,
                heatmapNetwork);
    }

    /** The same inputs with another run's beside them, for an overlay. */
    public ChartInputs withCompanion(ChartInputs other) {
        return new ChartInputs(snapshot, kernelSnapshot, trainLoss, testLoss, regimeTrainLoss, regimeTestLoss, kernelChange,
                distanceToLimit, alignment, weightChange, topEigenvalues, modeTrajectories, heatmapMode, sliceAnchor, cursorStep,
                heatmapOwnRange, other, heatmapNetwork);
    }

    /** The same inputs with the heatmap showing network {@code k} (0: network 1) of several. */
    public ChartInputs withHeatmapNetwork(int k) {
        if (k == heatmapNetwork) {
            return this;
        }
        return new ChartInputs(snapshot, kernelSnapshot, trainLoss, testLoss, regimeTrainLoss, regimeTestLoss, kernelChange,
                distanceToLimit, alignment, weightChange, topEigenvalues, modeTrajectories, heatmapMode, sliceAnchor, cursorStep,
                heatmapOwnRange, companion, k);
    }

    /** Whether a recorded step is being replayed: the curves' charts draw a cursor at {@link #cursorStep()}. */
    public boolean replaying() {
        return cursorStep >= 0;
    }
}
