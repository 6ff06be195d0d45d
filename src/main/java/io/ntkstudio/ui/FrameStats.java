package io.ntkstudio.ui;

import java.util.Arrays;

/** Gaps between consecutive frames and views drawn, for bench-ui and the status bar. */
final class FrameStats {
    private static final int MAX = 1 << 16;
    private final double[] gapsMs = new double[MAX];
    private int count;
    private long last;
    private long views;

    void frame(long nanos) {
        if (last != 0 && count < MAX) {
            gapsMs[count++] = (nanos - last) / 1e6;
        }
        last = nanos;
    }

    void viewDrawn() {
        views++;
    }

    long views() {
        return views;
    }

    int frames() {
        return count;
    }

    void reset() {
        count = 0;
        last = 0;
        views = 0;
    }

    /** How many gaps were longer than {@code ms}: frames missed outright, not merely late. */
    int gapsOver(double ms) {
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (gapsMs[i] > ms) {
                k++;
            }
        }
        return k;
    }

    /** The q-quantile (0..1) of the frame gaps in milliseconds; NaN before two frames. */
    double gapQuantile(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(gapsMs, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) Math.ceil(q * count) - 1)];
    }
}
