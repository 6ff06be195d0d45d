package io.ntkstudio.engine;

import io.ntkstudio.model.ReadOnlyVector;
import java.util.List;

/**
 * What a snapshot shows of an ensemble run (training.members &gt; 1): every member's outputs on the
 * test inputs (member 0 is the snapshot's own network), their mean and standard deviation, and the
 * NTK Gaussian process at this step with the NNGP posterior (empty without an analytic limit).
 */
public record EnsembleView(List<ReadOnlyVector> members, ReadOnlyVector mean, ReadOnlyVector std, ReadOnlyVector gpMean,
                           ReadOnlyVector gpStd, ReadOnlyVector nngpMean, ReadOnlyVector nngpStd, double meanGap,
                           double stdRatio) {
    public EnsembleView {
        members = List.copyOf(members);
    }

    public boolean hasGaussianProcess() {
        return !gpMean.isEmpty();
    }
}
