package io.ntkstudio.figure;

import io.ntkstudio.engine.TrainingSnapshot;

/**
 * Everything a chart draws from, immutable: the newest snapshot, the newest one carrying Θ_t
 * (null before the first), copies of the histories against step (including the residual's energy
 * along a few eigen-directions of Θ_0), the heatmap's mode and the
 * kernel slice's anchor x₀ (a position in input order).
 */
public record ChartInputs(TrainingSnapshot snapshot, TrainingSnapshot kernelSnapshot,
                          Series trainLoss, Series testLoss, Series regimeTrainLoss, Series regimeTestLoss,
                          Series kernelChange, Series distanceToLimit, Series alignment, Series weightChange,
                          Series[] topEigenvalues, ModeTrajectories modeTrajectories,
                          HeatmapMode heatmapMode, int sliceAnchor) {
    /** The same inputs for another heatmap mode and slice anchor (the series are shared, being immutable). */
    public ChartInputs with(HeatmapMode mode, int anchor) {
        if (mode == heatmapMode && anchor == sliceAnchor) {
            return this;
        }
        return new ChartInputs(snapshot, kernelSnapshot, trainLoss, testLoss, regimeTrainLoss, regimeTestLoss, kernelChange,
                distanceToLimit, alignment, weightChange, topEigenvalues, modeTrajectories, mode, anchor);
    }
}
