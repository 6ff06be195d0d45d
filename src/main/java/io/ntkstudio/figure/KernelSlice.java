package io.ntkstudio.figure;

import io.ntkstudio.data.Geometry;
import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.EnsembleView;
import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.SliceOnCircle;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;
import io.ntkstudio.plotmath.Scale;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The numbers of a kernel slice Θ(x₀, ·), the picture of Jacot, Gabriel &amp; Hongler 2018,
 * Figure 1: at initialisation, now and in the limit (NaN where there is none), and for an
 * ensemble every drawn network's at initialisation and now, along {@code x}. Over the train points
 * (x₀ the train point at the view's anchor; on the circle x is the angle from x₀ in (−π, π], so
 * that the peak sits whole in the middle; {@code trainIndex} says which point each x is), or, for
 * data with a circle slice, over the unit circle from x₀ = (1, 0) ({@code trainIndex} null).
 * The one source of the slice view, the compare overlay and the exported numbers.
 */
record KernelSlice(String anchor, String xLabel, double[] xRange, double[] x, int[] trainIndex, double[] init, double[] now,
                   double[] limit, double[][] membersInit, double[][] membersNow) {
    /** Networks of an ensemble drawn, at most. */
    static final int MAX_DRAWN = 16;

    static KernelSlice of(ChartInputs in) {
        RunContext ctx = in.snapshot().context();
        TrainingSnapshot ks = in.kernelSnapshot() != null && in.kernelSnapshot().hasKernel() ? in.kernelSnapshot() : null;
        EnsembleView ens = ks != null ? ks.ensemble() : null;
        return ctx.hasCircleSlice() ? onCircle(ctx.circleSlice(), ks, ens) : overTrain(ctx, in.sliceAnchor(), ks, ens);
    }

    private static KernelSlice onCircle(SliceOnCircle s, TrainingSnapshot ks, EnsembleView ens) {
        int drawn = ens == null ? 0 : Math.min(MAX_DRAWN, ens.circleSlices().size());
        double[][] membersInit = new double[drawn][];
        double[][] membersNow = new double[drawn][];
        for (int j = 0; j < drawn; j++) {
            membersInit[j] = ens.circleSlicesInit().get(j).toArray();
            membersNow[j] = ens.circleSlices().get(j).toArray();
        }
        ReadOnlyVector now = ks != null && !ks.circleSliceNow().isEmpty() ? ks.circleSliceNow() : s.init();
        double[] limit = s.hasLimit() ? s.limit().toArray() : nan(s.angles().size());
        return new KernelSlice("x₀ = (1, 0)", "angle γ of x = (cos γ, sin γ)", new double[] {-Math.PI, Math.PI}, s.angles().toArray(),
                null, s.init().toArray(), now.toArray(), limit, membersInit, membersNow);
    }

    private static KernelSlice overTrain(RunContext ctx, int anchor, TrainingSnapshot ks, EnsembleView ens) {
        Samples train = ctx.data().train();
        int[] order = HeatmapChart.order(train);
        int n = order.length;
        int x0 = order[Math.floorMod(anchor, n)];
        boolean circle = ctx.data().geometry() == Geometry.CIRCLE;
        if (circle) {
            double g0 = HeatmapChart.sortKey(train, x0);
            order = Arrays.stream(order).boxed()
                    .sorted(Comparator.comparingDouble(j -> SliceChart.centred(HeatmapChart.sortKey(train, j) - g0)))
                    .mapToInt(Integer::intValue).toArray();
        }
        boolean ordered = train.dim() <= 2;
        ReadOnlyMatrix now = ks != null ? ks.kernel() : ctx.kernelInit();
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            int j = order[k];
            x[k] = circle ? SliceChart.centred(HeatmapChart.sortKey(train, j) - HeatmapChart.sortKey(train, x0))
                    : ordered ? HeatmapChart.sortKey(train, j) : k;
        }
        int drawn = ens == null ? 0 : Math.min(MAX_DRAWN, ens.kernels().size());
        double[][] membersInit = new double[drawn][];
        double[][] membersNow = new double[drawn][];
        for (int j = 0; j < drawn; j++) {
            membersInit[j] = row(ens.kernelsInit().get(j), x0, order);
            membersNow[j] = row(ens.kernels().get(j), x0, order);
        }
        String xLabel = circle ? "angle γ − γ₀ from x₀" : train.dim() == 1 ? "x" : ordered ? "angle of x" : "train point";
        double[] xr = circle ? new double[] {-Math.PI, Math.PI} : Scale.padded(x[0], x[n - 1], false);
        return new KernelSlice("x₀ = train point " + x0, xLabel, xr, x, order, row(ctx.kernelInit(), x0, order), row(now, x0, order),
                ctx.hasLimit() ? row(ctx.kernelLimit(), x0, order) : nan(n), membersInit, membersNow);
    }

    private static double[] row(ReadOnlyMatrix k, int x0, int[] order) {
        double[] r = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            r[i] = k.get(x0, order[i]);
        }
        return r;
    }

    private static double[] nan(int n) {
        double[] r = new double[n];
        Arrays.fill(r, Double.NaN);
        return r;
    }

    boolean hasLimit() {
        return Arrays.stream(limit).anyMatch(Double::isFinite);
    }

    int drawn() {
        return membersNow.length;
    }

    /** {lo, hi} over every finite value of the slice, the networks' included; {+∞, −∞} when none is. */
    double[] valueRange() {
        return finiteRange(new double[][] {init, now, limit}, membersInit, membersNow);
    }

    /** {lo, hi} over every finite value of the rows of every group; {+∞, −∞} when none is. */
    static double[] finiteRange(double[][]... groups) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] rows : groups) {
            for (double[] r : rows) {
                for (double v : r) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return new double[] {lo, hi};
    }
}
