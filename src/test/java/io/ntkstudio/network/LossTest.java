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
    @EnumSource(Loss.class)
    void theSlopeIsTheDerivativeOfThePointLoss(Loss loss) {
        for (double y : new double[] {-1, 1}) {
            for (double f : new double[] {-30, -3, -0.4, 0, 0.7, 2, 25}) {
                double h = 1e-6;
                double numeric = (loss.pointLoss(f + h, y) - loss.pointLoss(f - h, y)) / (2 * h);
                assertEquals(numeric, loss.slope(f, y), 1e-7, loss + " at f = " + f + ", y = " + y);
            }
        }
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
