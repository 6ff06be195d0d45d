package io.ntkstudio.plotmath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void threeSignificantDigitsPlainInTheMiddleScientificAtTheEnds() {
        assertEquals("0.449", Numbers.readable(0.4493));
        assertEquals("12.5", Numbers.readable(12.51));
        assertEquals("3,210", Numbers.readable(3210.4));
        assertEquals("0.002", Numbers.readable(0.002));
        assertEquals("1.41", Numbers.readable(Math.sqrt(2)));
        assertEquals("2.40e-05", Numbers.readable(2.4e-5));
        assertEquals("1.50e+07", Numbers.readable(1.5e7));
        assertEquals("-0.449", Numbers.readable(-0.4493));
        assertEquals("0", Numbers.readable(0));
        assertEquals("—", Numbers.readable(Double.NaN));
    }
}
