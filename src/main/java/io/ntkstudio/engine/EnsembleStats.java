package io.ntkstudio.engine;

import io.ntkstudio.kernel.NtkGaussianProcess;
import java.util.Arrays;

/** The statistics of an ensemble's test outputs against the NTK Gaussian process at one step. */
final class EnsembleStats {
    private EnsembleStats() {
    }

    /**
     * Mean and standard deviation (divisor K − 1) of member outputs {@code f} (one row per member)
     * against GP moments {@code gp} (null: none): the relative L2 gap ‖mean − μ_t‖/‖μ_t‖ (the RMS of
     * the mean where μ_t = 0) and the ratio of RMS standard deviations, ensemble over GP.
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
            double den = 0;
            double ens = 0;
            double theory = 0;
            for (int a = 0; a < m; a++) {
                gpMean[a] = gp.mean()[a];
                gpStd[a] = Math.sqrt(gp.variance()[a]);
                num += (mean[a] - gpMean[a]) * (mean[a] - gpMean[a]);
                den += gpMean[a] * gpMean[a];
                ens += std[a] * std[a];
                theory += gp.variance()[a];
            }
            gap = den > 0 ? Math.sqrt(num / den) : Math.sqrt(num / m);
            ratio = theory > 0 ? Math.sqrt(ens / theory) : Double.NaN;
        } else {
            Arrays.fill(gpMean, Double.NaN);
            Arrays.fill(gpStd, Double.NaN);
        }
        return new Ensemble.Stats(step, mean, std, gpMean, gpStd, gap, ratio, trainLossMean);
    }
}
