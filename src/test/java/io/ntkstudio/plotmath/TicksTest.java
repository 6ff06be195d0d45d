package io.ntkstudio.plotmath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void linearTicksAreNiceNumbersInsideTheRange() {
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Ticks.linear(0, 1, 5));
        List<Double> t = Ticks.linear(-3.7, 12.2, 5);
        assertTrue(t.contains(0.0) && t.contains(5.0) && t.contains(10.0), t.toString());
        for (double v : t) {
            assertTrue(v >= -3.7 && v <= 12.2);
            double m = v / Ticks.niceStep(16.0 / 5);
            assertEquals(Math.rint(m), m, 1e-9, "multiple of the step: " + v);
        }
        assertEquals(List.of(0.0), Ticks.linear(0, 0, 5), "an empty range gives its one value");
    }

    @Test
    void aLinearAxisAlwaysGetsAtLeastTwoTicks() {
        // 466 steps over a plot that asks for two ticks (200 % text): a step of 500 gave "0" alone
        assertEquals(List.of(0.0, 200.0, 400.0), Ticks.linear(0, 466, 2));
        java.util.Random r = new java.util.Random(7);
        for (int trial = 0; trial < 20_000; trial++) {
            double lo = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(9) - 4);
            double hi = lo + r.nextDouble() * Math.pow(10, r.nextInt(9) - 4) + 1e-12;
            int target = 2 + r.nextInt(6);
            List<Double> t = Ticks.linear(lo, hi, target);
            assertTrue(t.size() >= 2, "[" + lo + ", " + hi + "] target " + target + ": " + t);
            double step = t.get(1) - t.get(0);
            // the difference of two ticks far from 0 carries their rounding: nice to 1e-6
            assertEquals(1, step / Ticks.niceStep(step * (1 - 1e-6)), 1e-6, "a nice step: " + step);
            for (double v : t) {
                assertTrue(v >= lo - 1e-9 * step && v <= hi + 1e-9 * step, v + " inside [" + lo + ", " + hi + "]");
            }
        }
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.2, Ticks.niceStep(0.13), 1e-15);
        assertEquals(5.0, Ticks.niceStep(3.2), 1e-15);
        assertEquals(10.0, Ticks.niceStep(7), 1e-15);
        assertEquals(1e-4, Ticks.niceStep(1e-4), 1e-19);
    }

    @Test
    void logTicksArePowersOfTenOrFinerForNarrowRanges() {
        assertEquals(List.of(0.001, 0.01, 0.1, 1.0, 10.0), Ticks.log(5e-4, 20, 6));
        assertEquals(List.of(1e-8, 1e-5, 1e-2), Ticks.log(1e-8, 1, 3), "every third power when nine would crowd");
        assertEquals(List.of(10.0, 20.0, 50.0), Ticks.log(8, 60, 6), "less than a decade: 1-2-5 multiples");
        assertTrue(Ticks.log(21, 24, 6).size() >= 2, "inside one 1-2-5 step: linear ticks");
    }

    @Test
    void degenerateRangesNeverLoopForever() {
        assertTrue(Ticks.log(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 6).isEmpty());
        assertTrue(Ticks.log(0, 1, 6).isEmpty());
        assertTrue(Ticks.linear(Double.NaN, 1, 5).isEmpty());
        assertTrue(Ticks.linear(0, 1e300, 5).size() <= 6);
        assertTrue(Ticks.linear(1, 1 + 1e-13, 5).size() <= 1001);
    }

    @Test
    void paddedRangesAreFiniteAndPositiveOnLogAxes() {
        for (double[] mm : new double[][] {{Double.POSITIVE_INFINITY, 0}, {0, 0}, {1, 1}, {Double.NaN, Double.NaN}, {1e-3, 1e308}}) {
            double[] r = Scale.padded(mm[0], mm[1], true);
            assertTrue(r[0] > 0 && Double.isFinite(r[1]) && r[1] > r[0], mm[0] + ", " + mm[1] + " -> " + r[0] + ", " + r[1]);
            double[] l = Scale.padded(mm[0], mm[1], false);
            assertTrue(Double.isFinite(l[0]) && Double.isFinite(l[1]) && l[1] > l[0]);
        }
        double[] r = Scale.padded(0, 10, false);
        assertTrue(r[0] < 0 && r[1] > 10);
    }

    @Test
    void labelsAreShort() {
        assertEquals("0.5", Ticks.label(0.5));
        assertEquals("1e-4", Ticks.label(1e-4));
        assertEquals("1e6", Ticks.label(1e6));
        assertEquals("0", Ticks.label(0));
        assertEquals("20", Ticks.label(20));
        assertFalse(Ticks.label(-2.5).isEmpty());
    }

    @Test
    void oneLabelStylePerAxis() {
        assertEquals(java.util.List.of("10^{−4}", "10^{−3}", "10^{−2}"), Ticks.labels(java.util.List.of(1e-4, 1e-3, 1e-2), true));
        assertEquals(java.util.List.of("0", "5·10^{4}", "10^{5}", "1.5·10^{5}"), Ticks.labels(java.util.List.of(0.0, 5e4, 1e5, 1.5e5), false));
        assertEquals(java.util.List.of("0", "0.5", "1"), Ticks.labels(java.util.List.of(0.0, 0.5, 1.0), false));
    }
}
