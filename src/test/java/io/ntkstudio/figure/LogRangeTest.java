package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LogRangeTest {
    private static Series s(double... y) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = 10 * i;
        }
        return new Series(x, y);
    }

    @Test
    void onlyPositiveFiniteValuesCountAndTheLargestXIsKept() {
        assertArrayEquals(new double[] {0.5, 8, 30}, LogRange.of(new Series[] {s(0, 0.5, 8, Double.NaN), s(-1, 2)}), 0);
    }

    @Test
    void aDivergingPredictionStretchesTheAxisByThreeDecadesAtMost() {
        Series[] measured = {s(10, 1, 0.1)};
        assertArrayEquals(new double[] {0.1, 1e4, 20}, LogRange.withPredictions(measured, new Series[] {s(10, 1e9, 1e30)}), 0);
        assertArrayEquals(new double[] {1e-3, 50, 30}, LogRange.withPredictions(measured, new Series[] {s(50, 1, 1e-2, 1e-3)}), 0,
                "a prediction below the measured curves widens the bottom and a modest one the top");
        assertArrayEquals(new double[] {2, 3, 10}, LogRange.withPredictions(new Series[] {s(0, -1)}, new Series[] {s(2, 3)}), 0,
                "without measured values the prediction's own range");
    }
}
