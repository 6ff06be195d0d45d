package io.ntkstudio.engine;

import io.ntkstudio.data.CircleSlice;
import io.ntkstudio.kernel.ConvNtk;
import io.ntkstudio.kernel.CrossKernel;
import io.ntkstudio.kernel.EigenvalueSolver;
import io.ntkstudio.kernel.EmpiricalNtk;
import io.ntkstudio.kernel.KernelMetrics;
import io.ntkstudio.kernel.OutputsNtk;
import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.linalg.ReadOnlyVector;
import io.ntkstudio.network.BatchedPass;
import io.ntkstudio.network.ConvNetwork;
import io.ntkstudio.network.Pass;
import io.ntkstudio.network.Network;

/**
 * Measures the kernels of an {@link Ensemble}'s networks as they train, apart from training
 * itself: the empirical Θ_t on the train points from the shared forward pass, its eigenvalues and
 * metrics against Θ_0 and Θ_∞, Θ_t(x₀, ·) on the data's circle slice, and the network on the 2-D
 * function grid. Every kernel is that of f_α, α²Θ (docs/ntk-math.md, "Output scale"); with C
 * outputs the n × n kernel measured and shown is the output-averaged (1/C) Σ_c Θ_cc, and the full
 * (nC) × (nC) Θ_0 is computed once for the kernel regime ({@link #fullKernel}). Θ_t of the
 * shown network is measured into a scratch buffer and swapped in only when finite, so the last
 * finite measurement stays. Workspaces are allocated once.
 */
final class KernelMeter {
    private final int n;
    private final int outputs;
    private final double alpha;
    private final double[] yTrain;
    /** One output's kernel; null with C outputs, which {@link #outputsNtk} measures. */
    private final EmpiricalNtk ntk;
    private final OutputsNtk outputsNtk;
    /** The dense passes' train pass, which the dense kernels share; null for a conv network. */
    private final BatchedPass trainPass;
    /** A conv network's train inputs, its kernels' own passes' ({@link ConvNtk}); null for the others. */
    private final double[] convInputs;
    private final EigenvalueSolver eigenvalues;
    private double[] kernelNow;
    private double[] kernelScratch;
    /** C(k) of Θ_t as last measured; null above {@link RunContext.TaskAlignments#MEASURED_POINTS}. */
    private double[] alignmentNow;
    private final CrossKernel sliceKernel;
    private final double[] sliceAnchor;
    private final double[] slicePoints;
    private final double[] sliceNow;
    private final FunctionGrid grid;
    private final double[] gridPoints;
    private BatchedPass gridPass;
    private double[] gridAtZero;

    KernelMeter(Network shape, Pass trainPass, double[] xTrain, double[] yTrain, double alpha, CircleSlice slice, FunctionGrid grid) {
        this.outputs = shape.outputs();
        this.n = yTrain.length / outputs;
        this.alpha = alpha;
        this.yTrain = yTrain;
        BatchedPass dense = trainPass instanceof BatchedPass b ? b : null;
        this.trainPass = dense;
        this.convInputs = dense == null ? xTrain : null;
        this.ntk = outputs == 1 && dense != null ? EmpiricalNtk.sharing(dense) : null;
        this.outputsNtk = outputs == 1 || dense == null ? null : new OutputsNtk(shape, dense, dense, MatrixBackend.current());
        this.eigenvalues = new EigenvalueSolver(n);
        this.kernelNow = new double[n * n];
        this.kernelScratch = new double[n * n];
        this.sliceKernel = slice == null ? null : new CrossKernel(shape, 1, slice.count());
        this.sliceAnchor = slice == null ? null : slice.anchor();
        this.slicePoints = slice == null ? null : slice.points();
        this.sliceNow = slice == null ? null : new double[slice.count()];
        this.grid = grid;
        this.gridPoints = grid == null ? null : grid.points();
    }

    /** Θ of f_α is α²Θ: scales {@code k} in place (nothing at α = 1) and returns it. */
    double[] scale(double[] k) {
        if (alpha != 1) {
            double a2 = alpha * alpha;
            for (int i = 0; i < k.length; i++) {
                k[i] *= a2;
            }
        }
        return k;
    }

    /** Θ(x, x) of {@code net} (output-averaged) on the n train inputs {@code x}, fresh (its own forward pass). */
    double[] kernel(Network net, double[] x) {
        if (convInputs != null) {
            double[] k = new double[n * n];
            ConvNtk.averaged(ConvNetwork.viewOf(net), x, n, k);
            return scale(k);
        }
        trainPass.forward(net, x);
        return kernelFromForward(net);
    }

    /** Θ of {@code net} (output-averaged) from the shared train pass, which holds its forward pass, fresh. */
    double[] kernelFromForward(Network net) {
        double[] k = new double[n * n];
        into(net, k);
        return scale(k);
    }

    /** The full (nC) × (nC) Θ(x, x) of {@code net}, cross-output blocks included, fresh; Θ itself for one output. */
    double[] fullKernel(Network net, double[] x) {
        if (outputs == 1) {
            return kernel(net, x);
        }
        if (convInputs != null) {
            return scale(ConvNtk.full(ConvNetwork.viewOf(net), x, n, x, n));
        }
        trainPass.forward(net, x);
        double[] k = new double[n * outputs * n * outputs];
        outputsNtk.full(net, k);
        return scale(k);
    }

    /**
     * The full Θ(X1, X2) of {@code net} between n1 and n2 inputs, (n1·C) × (n2·C) with (i, c) at
     * i·C + c (n1 × n2 for one output), fresh, with its own passes.
     */
    double[] cross(Network net, double[] x1, int n1, double[] x2, int n2) {
        if (convInputs != null) {
            return scale(ConvNtk.full(ConvNetwork.viewOf(net), x1, n1, x2, n2));
        }
        return scale(outputs == 1 ? EmpiricalNtk.cross(net, x1, n1, x2, n2) : OutputsNtk.full(net, x1, n1, x2, n2));
    }

    private void into(Network net, double[] out) {
        if (convInputs != null) {
            ConvNtk.averaged(ConvNetwork.viewOf(net), convInputs, n, out);
        } else if (ntk != null) {
            ntk.computeFromForward(net, out);
        } else {
            outputsNtk.averaged(net, out);
        }
    }

    /**
     * Θ_t of {@code net} from the shared train pass, which holds its forward pass, and its
     * eigenvalues (descending). Null, Θ_t left as it was, when it is not finite or its eigenvalues
     * cannot be found (finite but so large or ill-scaled that the QR iterations fail).
     */
    double[] measure(Network net) {
        into(net, kernelScratch);
        scale(kernelScratch);
        if (!Double.isFinite(KernelMetrics.frobenius(kernelScratch))) {
            return null;
        }
        double[] values;
        double[] alignment = n <= RunContext.TaskAlignments.MEASURED_POINTS ? new double[n] : null;
        try {
            values = alignment == null ? eigenvalues.descending(kernelScratch)
                    : eigenvalues.descending(kernelScratch, yTrain, outputs, alignment);
        } catch (IllegalStateException e) {
            return null;
        }
        alignmentNow = alignment;
        double[] t = kernelNow;
        kernelNow = kernelScratch;
        kernelScratch = t;
        return values;
    }

    /** The task–model alignment C(k) of Θ_t as last measured (the caller may keep it); null above {@link RunContext.TaskAlignments#MEASURED_POINTS} points. */
    double[] alignment() {
        return alignmentNow;
    }

    /** Θ_t as last measured (not a copy: read it before the next measurement). */
    double[] now() {
        return kernelNow;
    }

    /** The metrics of Θ_t with eigenvalues {@code values} against Θ_0 and Θ_∞ (null: none), at weight change {@code dw}. */
    KernelMetricsRow metrics(double[] values, double[] init, double[] limit, double dw) {
        return new KernelMetricsRow(
                KernelMetrics.relativeDistance(kernelNow, init),
                limit == null ? Double.NaN : KernelMetrics.relativeDistance(kernelNow, limit),
                KernelMetrics.alignment(kernelNow, yTrain, outputs),
                KernelMetrics.centredAlignment(kernelNow, yTrain, outputs),
                KernelMetrics.kernelDistance(kernelNow, init),
                dw,
                values[n - 1] > 0 ? values[0] / values[n - 1] : Double.POSITIVE_INFINITY);
    }

    /** The eigenvalues of a symmetric n × n kernel, descending. */
    double[] eigenvalues(double[] k) {
        return eigenvalues.descending(k);
    }

    boolean hasSlice() {
        return sliceKernel != null;
    }

    /** Θ(x₀, ·) of {@code net} on the circle slice, fresh. */
    double[] slice(Network net) {
        sliceKernel.compute(net, sliceAnchor, slicePoints, sliceNow);
        return scale(sliceNow).clone();
    }

    /** f_α of {@code net} (initially {@code initial}) on the 2-D grid, fresh; empty without a grid. */
    ReadOnlyVector grid(Network net, Network initial, MatrixBackend backend) {
        if (grid == null) {
            return ReadOnlyVector.empty();
        }
        if (gridPass == null) {
            gridPass = new BatchedPass(net, grid.size() * grid.size(), backend);
        }
        double[] points = gridPoints;
        if (gridAtZero == null) {
            gridPass.forward(initial, points);
            gridAtZero = gridPass.outputs().clone();
        }
        gridPass.forward(net, points);
        return ReadOnlyVector.copyOf(Member.scaled(alpha, gridPass.outputs(), gridAtZero, new double[gridAtZero.length]));
    }
}
