package io.ntkstudio.engine;

import io.ntkstudio.data.Dataset;
import io.ntkstudio.kernel.KernelMetrics;
import io.ntkstudio.network.Parameterization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Kernel movement against width (Lee et al. 2019): for each parameterization, width and seed,
 * the relative kernel change ‖Θ_T − Θ_0‖_F/‖Θ_0‖_F after the experiment's T steps, and the
 * distance to the limit at initialisation ‖Θ_0 − Θ_∞‖_F/‖Θ_∞‖_F (NTK parameterization only), and
 * the relative weight change ‖θ_T − θ_0‖/‖θ_0‖ (Lee et al. 2019, Figure 1, plots both changes).
 * Under NTK parameterization they fall like width^(−1/2); under μP the kernel keeps moving.
 */
public final class WidthSweep {
    /** One trained network. */
    public record Point(Parameterization parameterization, int width, long seed, double kernelChange,
                        double distanceToLimitAtInit, double weightChange) {
    }

    /** Reports progress: points done out of the total. */
    public interface Progress {
        void done(int finished, int total, Point last);
    }

    private WidthSweep() {
    }

    public static List<Point> run(ExperimentSpec base, Dataset data, List<Parameterization> parameterizations,
                                  int[] widths, int seeds, Progress progress, BooleanSupplier cancelled) {
        List<Point> points = new ArrayList<>();
        int total = parameterizations.size() * widths.length * seeds;
        for (Parameterization p : parameterizations) {
            for (int width : widths) {
                for (int s = 0; s < seeds; s++) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("the sweep was cancelled");
                    }
                    ExperimentSpec spec = base.withNetwork(base.network().withParameterization(p).withWidth(width)
                            .withSeed(base.network().seed() + s));
                    TrainingRun run = TrainingRun.create(spec, data, (p == Parameterization.NTK ? RunOptions.WITH_INFINITE_WIDTH : RunOptions.NETWORK_ONLY).cancelledWhen(cancelled));
                    for (int t = 0; t < spec.training().steps(); t++) {
                        if (cancelled.getAsBoolean()) {
                            throw new CancellationException("the sweep was cancelled");
                        }
                        if (!run.advance()) {
                            throw new IllegalStateException(run.divergenceMessage() + " (width " + width + ", " + p.id() + ")");
                        }
                    }
                    TrainingSnapshot end = run.snapshot(true, RunStatus.FINISHED, null);
                    if (end == null) {
                        throw new IllegalStateException(run.divergenceMessage() + " (width " + width + ", " + p.id() + ")");
                    }
                    RunContext ctx = run.context();
                    double toLimit = ctx.hasLimit()
                            ? KernelMetrics.relativeDistance(ctx.kernelInit().toArray(), ctx.kernelLimit().toArray()) : Double.NaN;
                    Point point = new Point(p, width, spec.network().seed(), end.metrics().kernelChange(), toLimit,
                            end.metrics().weightChange());
                    points.add(point);
                    progress.done(points.size(), total, point);
                }
            }
        }
        return points;
    }

    /** Least-squares slope of log(mean kernel change over seeds) against log width. */
    public static double slope(List<Point> points, Parameterization p) {
        return logSlope(points, p, Point::kernelChange);
    }

    /** Least-squares slope of log(mean weight change over seeds) against log width. */
    public static double weightSlope(List<Point> points, Parameterization p) {
        return logSlope(points, p, Point::weightChange);
    }

    /** Least-squares slope of log(mean distance to Θ_∞ at init) against log width. */
    public static double limitSlope(List<Point> points, Parameterization p) {
        return logSlope(points, p, Point::distanceToLimitAtInit);
    }

    private static double logSlope(List<Point> points, Parameterization p, ToDoubleFunction<Point> f) {
        double[] widths = points.stream().filter(q -> q.parameterization() == p).mapToInt(Point::width).distinct().sorted()
                .asDoubleStream().toArray();
        double[] x = new double[widths.length];
        double[] y = new double[widths.length];
        for (int i = 0; i < widths.length; i++) {
            double w = widths[i];
            double mean = points.stream().filter(q -> q.parameterization() == p && q.width() == w).mapToDouble(f).average().orElse(Double.NaN);
            x[i] = Math.log(w);
            y[i] = mean > 0 ? Math.log(mean) : Double.NaN;
        }
        return LogSlope.fit(x, y);
    }
}
