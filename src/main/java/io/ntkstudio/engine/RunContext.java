package io.ntkstudio.engine;

import io.ntkstudio.data.Dataset;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * What stays fixed over a run, shared by all its snapshots: the experiment, the data, the
 * empirical kernel at initialisation Θ_0 and the analytic Θ_∞ (null outside NTK parameterization)
 * on the train inputs with their eigenvalues (descending), the initial residual's energy
 * (vᵢᵀr₀)² along each eigenvector vᵢ of Θ_0, and the stable learning-rate limit 2n/λ_max(Θ_0).
 * {@code grid} is where 2-D data's function map is evaluated (null for other data);
 * {@code circleSlice} the kernel slice on the unit circle of data that asks for one (null otherwise);
 * {@code alignments} the task–model alignment of the train targets on Θ_0 and Θ_∞.
 */
public record RunContext(ExperimentSpec spec, Dataset data, ReadOnlyMatrix kernelInit, ReadOnlyVector eigenvaluesInit,
                         ReadOnlyVector modeEnergiesInit, ReadOnlyMatrix kernelLimit, ReadOnlyVector eigenvaluesLimit,
                         double largestStableLearningRate, long parameterCount, FunctionGrid grid,
                         SliceOnCircle circleSlice, TaskAlignments alignments) {
    /**
     * C(k) = Σ_{i≤k} (vᵢᵀ y)² / ‖y‖² on the eigenvectors of Θ_0 and of Θ_∞ (empty without a limit),
     * k = 1 … n (Canatar, Bordelon &amp; Pehlevan 2021): how much of the target the top k modes hold.
     */
    public record TaskAlignments(ReadOnlyVector init, ReadOnlyVector limit) {
        /**
         * Up to this many train points Θ_t's eigenvectors are found at each kernel measurement for its
         * C(k) too: at 300 points that is 55 ms against 20 ms for the eigenvalues alone.
         */
        public static final int MEASURED_POINTS = 500;
    }

    public boolean hasLimit() {
        return kernelLimit != null;
    }

    public boolean hasCircleSlice() {
        return circleSlice != null;
    }

    /** The directions a run's {@link StepLog} follows: {@link #dominantModes} of {@link StepLog#TRACKED_MODES}. */
    public int[] trackedModes() {
        return dominantModes(StepLog.TRACKED_MODES);
    }

    /**
     * The (at most) {@code k} eigen-directions of Θ_0 holding the most residual energy at
     * initialisation, in ascending index (descending λ): the modes whose decay is worth watching.
     */
    public int[] dominantModes(int k) {
        return IntStream.range(0, modeEnergiesInit.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -modeEnergiesInit.get(i)).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).sorted().toArray();
    }
}
