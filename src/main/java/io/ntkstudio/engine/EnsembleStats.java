package io.ntkstudio.engine;

import io.ntkstudio.kernel.NtkGaussianProcess;
import java.util.Arrays;

/** The statistics of an ensemble's test outputs against the NTK Gaussian process at one step. */
final class EnsembleStats {
    private EnsembleStats() {
    }

    /**
     * Mean and standard deviation (divisor K − 1) of member outputs {@code f} (one row per member)
     * against GP moments {@code gp} (null: none): the gap ‖mean − μ_t‖ relative to the GP's
     * {@link #scale} and the ratio of RMS standard deviations, ensemble over GP.
     */
    static Ensemble.Stats of(long step, double[][] f, double trainLossMean, NtkGaussianProcess.Moments gp) {
        int count = f.length;
        int m = f[0].length;
        double[] mean = new double[m];
        double[] std = new double[m];
        for (int a = 0; a < m; a++) {
            double s = 0;
            for (double[] member : f) {
                s += member[a];
            }
            mean[a] = s / count;
            double v = 0;
            for (double[] member : f) {
                v += (member[a] - mean[a]) * (member[a] - mean[a]);
            }
            std[a] = count > 1 ? Math.sqrt(v / (count - 1)) : Double.NaN;
        }
        double[] gpMean = new double[m];
        double[] gpStd = new double[m];
        double gap = Double.NaN;
        double ratio = Double.NaN;
        if (gp != null) {
            double num = 0;
            double ens = 0;
            double theory = 0;
            for (int a = 0; a < m; a++) {
                gpMean[a] = gp.mean()[a];
                gpStd[a] = Math.sqrt(gp.variance()[a]);
                num += (mean[a] - gpMean[a]) * (mean[a] - gpMean[a]);
                ens += std[a] * std[a];
                theory += gp.variance()[a];
            }
            gap = Math.sqrt(num) / scale(gpMean, gpStd);
            ratio = theory > 0 ? Math.sqrt(ens / theory) : Double.NaN;
        } else {
            Arrays.fill(gpMean, Double.NaN);
            Arrays.fill(gpStd, Double.NaN);
        }
        return new Ensemble.Stats(step, mean, std, gpMean, gpStd, gap, ratio, trainLossMean);
    }

    /**
     * What the ensemble's gap is measured against: √Σ(μ_i² + σ_i²), the root of the GP's mean square
     * output at the test points, which does not vanish where its mean does (at step 0, or for
     * targets that average out) as long as it has a spread; √m where it has neither.
     */
    static double scale(double[] gpMean, double[] gpStd) {
        double s = 0;
        for (int i = 0; i < gpMean.length; i++) {
            s += gpMean[i] * gpMean[i] + gpStd[i] * gpStd[i];
        }
        return s > 0 ? Math.sqrt(s) : Math.sqrt(gpMean.length);
    }
}
