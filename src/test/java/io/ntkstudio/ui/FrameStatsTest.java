package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameStatsTest {
    @Test
    void quantilesAndMissedFramesAreThoseOfTheGapsFed() {
        Random r = new Random(3);
        FrameStats stats = new FrameStats();
        double[] gaps = new double[600];
        long t = 1_000_000_000L;
        stats.frame(t);
        for (int i = 0; i < gaps.length; i++) {
            // mostly on time, a few late, some missed outright
            double ms = 16 + (r.nextInt(50) == 0 ? 10 + 20 * r.nextDouble() : r.nextDouble());
            long nanos = Math.round(ms * 1e6);
            gaps[i] = nanos / 1e6;
            t += nanos;
            stats.frame(t);
        }
        assertEquals(gaps.length, stats.frames());
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        // the q-quantile as the smallest gap with at least a q share of the gaps at or below it
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            int k = 0;
            while ((k + 1) < q * gaps.length) {
                k++;
            }
            assertEquals(sorted[k], stats.gapQuantile(q), 1e-9, "q = " + q);
        }
        long missed = Arrays.stream(gaps).filter(g -> g > 24).count();
        assertTrue(missed > 0, "the sample has missed frames");
        assertEquals(missed, stats.gapsOver(24));
        stats.reset();
        assertEquals(0, stats.frames());
        assertTrue(Double.isNaN(stats.gapQuantile(0.99)));
        assertEquals(0, stats.gapsOver(24));
    }
}
