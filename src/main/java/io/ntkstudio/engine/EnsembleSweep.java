package io.ntkstudio.engine;

import io.ntkstudio.data.Dataset;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.Parameterization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Many networks against the NTK Gaussian process as width grows (Lee et al. 2019, Sec. 2.3): for
 * each width, K networks (the experiment's training.members) trained for the experiment's steps;
 * the relative gap ‖mean − μ_t‖/‖μ_t‖ between their mean and the GP mean, and the ratio of their
 * spread to the GP's, on the test inputs. The gap has a part that width does not lower: K exact
 * samples of the GP miss its mean by √(Σ_i σ_i²/K)/‖μ_t‖ in root mean square
 * ({@code samplingFloor}, the sampling error), a particular set of K by more or less than that; what
 * lies above it on average is the finite-width part, which falls with width.
 */
public final class EnsembleSweep {
    /** One width's ensemble at the last step. */
    public record Point(int width, int members, long step, double meanGap, double stdRatio, double samplingFloor,
                        double trainLossMean) {
    }

    /** Reports progress: widths done out of the total. */
    public interface Progress {
        void done(int finished, int total, Point last);
    }

    private EnsembleSweep() {
    }

    public static List<Point> run(ExperimentSpec base, Dataset data, int[] widths, Progress progress, BooleanSupplier cancelled) {
        if (base.network().parameterization() != Parameterization.NTK) {
            throw new InvalidInputException("the Gaussian process that an ensemble sweep compares with is the NTK "
                    + "parameterization's; set network.parameterization to ntk");
        }
        int members = base.training().members();
        int steps = base.training().steps();
        List<Point> points = new ArrayList<>();
        for (int width : widths) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the sweep was cancelled");
            }
            Ensemble e = Ensemble.create(base.withNetwork(base.network().withWidth(width)), data, members, cancelled);
            while (e.step() < steps) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("the sweep was cancelled");
                }
                int bad = e.advance();
                if (bad >= 0) {
                    throw new InvalidInputException(String.format(java.util.Locale.ROOT,
                            "at width %d, network %d diverged at step %d; lower training.learningRate", width, bad + 1, e.step()));
                }
            }
            Ensemble.Stats s = e.stats();
            Point p = new Point(width, members, s.step(), s.meanGap(), s.stdRatio(), samplingFloor(s, members), s.trainLossMean());
            points.add(p);
            progress.done(points.size(), widths.length, p);
        }
        return points;
    }

    /** √(Σ_i σ_i²/K) over the gap's {@link EnsembleStats#scale}: how far the mean of K draws of the GP lies from its mean (RMS). */
    static double samplingFloor(Ensemble.Stats s, int members) {
        double var = 0;
        for (int i = 0; i < s.gpMean().length; i++) {
            var += s.gpStd()[i] * s.gpStd()[i];
        }
        return Math.sqrt(var / members) / EnsembleStats.scale(s.gpMean(), s.gpStd());
    }
}
