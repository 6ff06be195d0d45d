package io.ntkstudio.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecimatedSeriesTest {
    @Test
    void keepsEverythingUntilFull() {
        DecimatedSeries s = new DecimatedSeries(8);
        for (int i = 0; i < 8; i++) {
            s.add(i, 10 * i);
        }
        assertEquals(8, s.size());
        assertEquals(70.0, s.y(7));
    }

    @Test
    void aMillionPointsStayWithinCapacityEvenlySpreadFromTheStart() {
        DecimatedSeries s = new DecimatedSeries(1024);
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            s.add(i, Math.sin(i));
        }
        assertTrue(s.size() <= 1024 && s.size() >= 512, "size " + s.size());
        assertEquals(0.0, s.x(0));
        double stride = s.x(1) - s.x(0);
        for (int i = 1; i < s.size(); i++) {
            assertEquals(stride, s.x(i) - s.x(i - 1), 0.0, "even spacing");
            assertEquals(Math.sin(s.x(i)), s.y(i), 0.0, "values stay paired with their x");
        }
        assertTrue(s.x(s.size() - 1) > n - 2 * stride, "covers the whole history");
    }

    @Test
    void clearStartsOverAndCapacityMustBeEven() {
        DecimatedSeries s = new DecimatedSeries(4);
        for (int i = 0; i < 100; i++) {
            s.add(i, i);
        }
        s.clear();
        s.add(5, 6);
        assertEquals(1, s.size());
        assertEquals(5.0, s.x(0));
        assertThrows(IllegalArgumentException.class, () -> new DecimatedSeries(5));
    }
}
