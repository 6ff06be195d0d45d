package io.ntkstudio.engine;

import io.ntkstudio.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Laziness by output scaling (Chizat, Oyallon &amp; Bach 2019): for each output scale α and seed,
 * the model f_α = f_0 + α (f − f_0) trained at η/α² for the experiment's steps, and its relative
 * kernel change ‖Θ_T − Θ_0‖_F/‖Θ_0‖_F and weight change ‖θ_T − θ_0‖/‖θ_0‖. Both fall like 1/α at
 * any width: the function-space dynamics are the same for every α while the parameters move
 * 1/α as far.
 */
public final class ScaleSweep {
    /** One trained model. */
    public record Point(double outputScale, long seed, double kernelChange, double weightChange) {
    }

    /** Reports progress: points done out of the total. */
    public interface Progress {
        void done(int finished, int total, Point last);
    }

    private ScaleSweep() {
    }

    public static List<Point> run(ExperimentSpec base, Dataset data, double[] scales, int seeds, Progress progress,
                                  BooleanSupplier cancelled) {
        List<Point> points = new ArrayList<>();
        int total = scales.length * seeds;
        for (double alpha : scales) {
            for (int s = 0; s < seeds; s++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("the sweep was cancelled");
                }
                ExperimentSpec spec = base.withNetwork(base.network().withOutputScale(alpha).withSeed(base.network().seed() + s));
                TrainingRun run = TrainingRun.create(spec, data, RunOptions.NETWORK_ONLY.cancelledWhen(cancelled));
                for (int t = 0; t < spec.training().steps(); t++) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("the sweep was cancelled");
                    }
                    if (!run.advance()) {
                        throw new IllegalStateException(run.divergenceMessage() + " (output scale " + alpha + ")");
                    }
                }
                TrainingSnapshot end = run.snapshot(true, RunStatus.FINISHED, null);
                if (end == null) {
                    throw new IllegalStateException(run.divergenceMessage() + " (output scale " + alpha + ")");
                }
                Point point = new Point(alpha, spec.network().seed(), end.metrics().kernelChange(), end.metrics().weightChange());
                points.add(point);
                progress.done(points.size(), total, point);
            }
        }
        return points;
    }

    /** Least-squares slope of log(mean kernel change over seeds) against log α (theory: −1). */
    public static double slope(List<Point> points) {
        double[] scales = points.stream().mapToDouble(Point::outputScale).distinct().sorted().toArray();
        double[] x = new double[scales.length];
        double[] y = new double[scales.length];
        for (int i = 0; i < scales.length; i++) {
            x[i] = Math.log(scales[i]);
            y[i] = Math.log(mean(points, scales[i]));
        }
        return LogSlope.fit(x, y);
    }

    /** The mean kernel change over the seeds at output scale {@code alpha}. */
    public static double mean(List<Point> points, double alpha) {
        return points.stream().filter(p -> p.outputScale() == alpha).mapToDouble(Point::kernelChange).average().orElse(Double.NaN);
    }
}
