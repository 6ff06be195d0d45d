package io.ntkstudio.plotmath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorMapTest {
    private static double luminance(int argb) {
        return 0.2126 * ((argb >> 16) & 0xFF) + 0.7152 * ((argb >> 8) & 0xFF) + 0.0722 * (argb & 0xFF);
    }

    @Test
    void sequentialMapEndsAtViridisAndBrightensMonotonically() {
        assertEquals(0xFF440154, ColorMap.SEQUENTIAL.argb(0));
        assertEquals(0xFFFDE725, ColorMap.SEQUENTIAL.argb(1));
        double last = -1;
        for (int k = 0; k <= 100; k++) {
            double l = luminance(ColorMap.SEQUENTIAL.argb(k / 100.0));
            assertTrue(l >= last - 0.5, "luminance rises at " + k);
            last = l;
        }
    }

    @Test
    void divergingMapIsWhiteAtZeroAndSymmetric() {
        assertEquals(0.5, ColorMap.DIVERGING.normalise(0, -1, 3), 0.0, "0 is the centre whatever the range");
        assertEquals(0xFFF7F7F7, ColorMap.DIVERGING.argb(ColorMap.DIVERGING.normalise(0, -2, 5)));
        assertEquals(1.0, ColorMap.DIVERGING.normalise(5, -2, 5), 1e-15);
        assertEquals(0.3, ColorMap.DIVERGING.normalise(-2, -2, 5), 1e-15);
        assertTrue(((ColorMap.DIVERGING.argb(0) >> 16) & 0xFF) < (ColorMap.DIVERGING.argb(0) & 0xFF), "negative is blue");
        assertTrue(((ColorMap.DIVERGING.argb(1) >> 16) & 0xFF) > (ColorMap.DIVERGING.argb(1) & 0xFF), "positive is red");
    }

    @Test
    void outOfRangeClampsAndNanIsGrey() {
        assertEquals(ColorMap.SEQUENTIAL.argb(1), ColorMap.SEQUENTIAL.argb(7));
        assertEquals(ColorMap.SEQUENTIAL.argb(0), ColorMap.SEQUENTIAL.argb(-1));
        assertEquals(0xFF808080, ColorMap.SEQUENTIAL.argb(Double.NaN));
        assertEquals(0.5, ColorMap.SEQUENTIAL.normalise(3, 3, 3), 0.0);
    }
}
