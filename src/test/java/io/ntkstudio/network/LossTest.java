package io.ntkstudio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.kernel.GdDecay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LossTest {
    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"MSE", "LOGISTIC"})
    void theSlopeIsTheDerivativeOfThePointLoss(Loss loss) {
        for (double y : new double[] {-1, 1}) {
            for (double f : new double[] {-30, -3, -0.4, 0, 0.7, 2, 25}) {
                double h = 1e-6;
                double numeric = (loss.pointLoss(f + h, y) - loss.pointLoss(f - h, y)) / (2 * h);
                assertEquals(numeric, loss.slope(f, y), 1e-7, loss + " at f = " + f + ", y = " + y);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void aRowsSlopesAreTheDerivativesOfItsLoss(Loss loss) {
        double[] f = {0.3, -1.2, 2.5, 0.0, -0.4};
        double[] y = loss.needsLabels() ? new double[] {1, -1, -1, 1, -1} : new double[] {0, 0, 1, 0, 0};
        double[] g = new double[5];
        loss.rowSlopes(f, 0, y, 0, 5, 0.5, g, 0);
        for (int c = 0; c < 5; c++) {
            double h = 1e-6;
            double[] up = f.clone();
            double[] down = f.clone();
            up[c] += h;
            down[c] -= h;
            double numeric = (loss.rowLoss(up, 0, y, 0, 5) - loss.rowLoss(down, 0, y, 0, 5)) / (2 * h);
            assertEquals(0.5 * numeric, g[c], 1e-8, loss + " output " + c);
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 0, 1", "1, 2, 3, 0", "800, -800, 0, 1", "-1e6, 1e6, 3, 1"})
    void theSoftmaxLossIsMinusTheLogOfTheTrueClasssProbability(double f0, double f1, double f2, int label) {
        double[] f = {f0, f1, f2};
        double[] y = new double[3];
        y[label] = 1;
        double top = Math.max(f0, Math.max(f1, f2));
        double z = Math.exp(f0 - top) + Math.exp(f1 - top) + Math.exp(f2 - top);
        double expected = -(f[label] - top - Math.log(z));
        double actual = Loss.SOFTMAX.rowLoss(f, 0, y, 0, 3);
        assertTrue(Double.isFinite(actual));
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)));
        // the mean over two points is the average of the two rows
        double[] two = {f0, f1, f2, 0, 0, 0};
        double[] ys = {y[0], y[1], y[2], 1, 0, 0};
        assertEquals((actual + Math.log(3)) / 2, Loss.SOFTMAX.mean(two, ys, 3), 1e-12 * Math.max(1, Math.abs(expected)));
    }

    @CsvSource({"800, 1", "-800, 1", "800, -1", "1e300, -1"})
    @ParameterizedTest
    void theLogisticLossStaysFiniteAndExactFarOut(double f, double y) {
        double l = Loss.LOGISTIC.pointLoss(f, y);
        assertTrue(Double.isFinite(l), "loss " + l);
        double z = -y * f;
        assertEquals(z > 0 ? z : Math.exp(z), l, 1e-12 * Math.max(1, Math.abs(z)));
        assertTrue(Math.abs(Loss.LOGISTIC.slope(f, y)) <= 1);
    }

    @ParameterizedTest
    @CsvSource({"0.0", "0.5", "0.9"})
    void aModeOfMomentumGdDecaysJustBelowTheRulesLimitAndGrowsJustAbove(double beta) {
        int n = 10;
        double lambda = 4;
        double limit = new TrainingRule(Loss.MSE, beta, 0).largestStableLearningRate(n, lambda);
        for (double factor : new double[] {0.98, 1.02}) {
            GdDecay d = new GdDecay(new double[] {lambda}, n, beta);
            for (int t = 0; t < 3000; t++) {
                d.step(factor * limit);
            }
            assertEquals(factor > 1, Math.abs(d.decay(0)) > 1, "β = " + beta + ", η = " + factor + " × limit: decay " + d.decay(0));
            assertEquals(factor > 1 ? 1 : 0, d.unstableModes(factor * limit));
        }
    }

    @ParameterizedTest
    @CsvSource({"0.5", "2", "-1.5"})
    void theLogisticLossRefusesTargetsThatAreNotLabels(double y) {
        TrainingRule r = new TrainingRule(Loss.LOGISTIC, 0, 0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> r.checkTargets(new double[] {1, -1, y}));
        assertTrue(e.getMessage().contains("train target 2 is " + y), e.getMessage());
        TrainingRule.GD.checkTargets(new double[] {y});
    }

    /** Captions name what sets a rule apart from plain GD, and nothing for plain GD. */
    @ParameterizedTest
    @CsvSource(value = {"mse|0|0|", "mse|0.9|4|β = 0.9, batch 4", "logistic|0|0|logistic loss", "logistic|0.5|0|logistic loss, β = 0.5"},
            delimiter = '|')
    void aRuleIsLabelledByWhatDiffersFromPlainGd(String loss, double beta, int batch, String label) {
        assertEquals(label == null ? "" : label, new TrainingRule(Loss.parse(loss), beta, batch).label());
    }
}
