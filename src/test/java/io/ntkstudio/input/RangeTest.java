package io.ntkstudio.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RangeTest {
    @Test
    void bothEndsAreIncludedAndNaNIsNot() {
        Range r = Range.numbers("network.sigmaW", 1e-3, 100);
        assertTrue(r.contains(1e-3) && r.contains(100) && r.contains(1.5));
        assertFalse(r.contains(Math.nextDown(1e-3)) || r.contains(Math.nextUp(100.0)) || r.contains(Double.NaN)
                || r.contains(Double.POSITIVE_INFINITY));
    }

    @Test
    void integerRangesRefuseFractions() {
        Range r = Range.integers("network.width", 1, 8192);
        assertTrue(r.contains(8192));
        assertFalse(r.contains(2.5));
        assertEquals(7, r.check(7));
        assertEquals(7L, r.check(7L));
    }

    @Test
    void theMessageNamesTheKeyTheRangeAndTheValueInPlainNumbers() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Range.numbers("training.learningRate", 1e-6, 1e4).check(-1.0));
        assertEquals("training.learningRate must be a number from 0.000001 to 10000, got -1", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Range.integers("network.width", 1, 8192).as("--widths").check(0));
        assertEquals("--widths must be an integer from 1 to 8192, got 0", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Range.integers("network.seed", 0, 9_000_000_000_000_000L).check(-5L));
        assertEquals("network.seed must be an integer from 0 to 9000000000000000, got -5", e.getMessage());
        // past 1e18, digits give way to an exponent: 1e308 is not quoted as 309 digits
        e = assertThrows(InvalidInputException.class, () -> Range.numbers("training.learningRate", 1e-6, 1e4).check(1e308));
        assertEquals("training.learningRate must be a number from 0.000001 to 10000, got 1e308", e.getMessage());
    }

    @Test
    void textIsTheLabelsForm() {
        assertEquals("1–8192", Range.integers("w", 1, 8192).text());
        assertEquals("0.1–1000", Range.numbers("a", 0.1, 1000).text());
    }
}
