package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SliceChartTest {
    @Test
    void sliceAnglesAreMeasuredFromTheAnchorInMinusPiToPi() {
        assertEquals(0, SliceChart.centred(0), 0.0);
        assertEquals(Math.PI, SliceChart.centred(Math.PI), 1e-15);
        assertEquals(Math.PI, SliceChart.centred(-Math.PI), 1e-15, "−π folds onto π");
        assertEquals(-0.5, SliceChart.centred(2 * Math.PI - 0.5), 1e-12);
        assertEquals(0.5, SliceChart.centred(-2 * Math.PI + 0.5), 1e-12);
        assertEquals(-3, SliceChart.centred(0.1 - 3.1 - 2 * Math.PI * 3), 1e-9);
    }
}
