package io.ntkstudio.engine;

import io.ntkstudio.kernel.NtkGaussianProcess;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;
import java.util.List;

/**
 * What a snapshot shows of an ensemble run (training.members &gt; 1): every member's outputs on the
 * test inputs (member 0 is the snapshot's own network), their mean and standard deviation, the
 * NTK Gaussian process at this step with the NNGP posterior (empty without an analytic limit), and
 * every member's train kernel now and at initialisation (for Jacot et al.'s Figure 1: the kernels of
 * many random networks scatter when narrow and collapse onto Θ_∞ when wide), and the step logs of
 * members 1…K−1 (member 0's is the snapshot's own), whose train losses the loss view draws faintly,
 * and the eigenvalues of the members' mean kernel (descending; empty where no kernel was measured);
 * with a circle slice, every member's Θ(x₀, ·) on it now and at initialisation (else empty lists).
 */
public record EnsembleView(List<ReadOnlyVector> members, ReadOnlyVector mean, ReadOnlyVector std, ReadOnlyVector gpMean,
                           ReadOnlyVector gpStd, ReadOnlyVector nngpMean, ReadOnlyVector nngpStd, double meanGap,
                           double stdRatio, List<ReadOnlyMatrix> kernels, List<ReadOnlyMatrix> kernelsInit,
                           List<ReadOnlyVector> circleSlices, List<ReadOnlyVector> circleSlicesInit, List<StepLogView> memberSteps, ReadOnlyVector meanKernelEigenvalues) {
    public EnsembleView {
        members = List.copyOf(members);
        memberSteps = List.copyOf(memberSteps);
        kernels = List.copyOf(kernels);
        kernelsInit = List.copyOf(kernelsInit);
        circleSlices = List.copyOf(circleSlices);
        circleSlicesInit = List.copyOf(circleSlicesInit);
    }

    /**
     * The view of the members' test outputs {@code members} summarised in {@code st}, with the
     * Gaussian process ({@code withGp}) and the NNGP posterior ({@code nngp}, may be null), and the
     * rest as given (empty lists where they were not measured).
     */
    public static EnsembleView of(List<ReadOnlyVector> members, Ensemble.Stats st, boolean withGp, NtkGaussianProcess.Moments nngp,
                                  List<ReadOnlyMatrix> kernels, List<ReadOnlyMatrix> kernelsInit, List<ReadOnlyVector> circleSlices,
                                  List<ReadOnlyVector> circleSlicesInit, List<StepLogView> memberSteps, ReadOnlyVector meanKernelEigenvalues) {
        return new EnsembleView(members, ReadOnlyVector.copyOf(st.mean()), ReadOnlyVector.copyOf(st.std()),
                withGp ? ReadOnlyVector.copyOf(st.gpMean()) : ReadOnlyVector.empty(),
                withGp ? ReadOnlyVector.copyOf(st.gpStd()) : ReadOnlyVector.empty(),
                nngp == null ? ReadOnlyVector.empty() : ReadOnlyVector.copyOf(nngp.mean()),
                nngp == null ? ReadOnlyVector.empty() : ReadOnlyVector.adopt(nngp.std()), st.meanGap(), st.stdRatio(), kernels,
                kernelsInit, circleSlices, circleSlicesInit, memberSteps, meanKernelEigenvalues);
    }

    /** The networks' mean train kernel now, (1/K) Σ_k Θ_t^(k): what many random networks share. */
    public ReadOnlyMatrix meanKernel() {
        int n = kernels.get(0).rows();
        return ReadOnlyMatrix.copyOf(n, n, mean(kernels));
    }

    /** (1/K) Σ_k of n × n matrices, row-major, in a new array. */
    static double[] mean(List<ReadOnlyMatrix> matrices) {
        int n = matrices.get(0).rows();
        double[] sum = new double[n * n];
        for (ReadOnlyMatrix k : matrices) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sum[i * n + j] += k.get(i, j);
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= matrices.size();
        }
        return sum;
    }

    public boolean hasGaussianProcess() {
        return !gpMean.isEmpty();
    }
}
