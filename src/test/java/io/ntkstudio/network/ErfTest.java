package io.ntkstudio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErfTest {
    @Test
    void matchesReferenceValues() {
        // Reference values (mpmath, 16 digits), held to two units in the last place.
        assertEquals(0.5204998778130465, Erf.erf(0.5), 2 * Math.ulp(0.5204998778130465));
        assertEquals(0.8427007929497149, Erf.erf(1.0), 2 * Math.ulp(0.8427007929497149));
        assertEquals(0.9953222650189527, Erf.erf(2.0), 2 * Math.ulp(0.9953222650189527));
        assertEquals(0.9999779095030014, Erf.erf(3.0), 2 * Math.ulp(0.9999779095030014));
        assertEquals(2.209049699858544e-05, Erf.erfc(3.0), 2 * Math.ulp(2.209049699858544e-05));
        assertEquals(1.5374597944280349e-12, Erf.erfc(5.0), 2 * Math.ulp(1.5374597944280349e-12));
        assertEquals(0.0, Erf.erf(0.0));
    }

    @Test
    void isOddAndErfcComplementsIt() {
        for (double x = -6; x <= 6; x += 0.37) {
            assertEquals(-Erf.erf(x), Erf.erf(-x), 0.0);
            assertEquals(1.0, Erf.erf(x) + Erf.erfc(x), 2e-16);
        }
    }

    @Test
    void derivativeIsTheGaussian() {
        double h = 1e-5;
        for (double x = -3; x <= 3; x += 0.25) {
            double fd = (Erf.erf(x + h) - Erf.erf(x - h)) / (2 * h);
            assertEquals(2 / Math.sqrt(Math.PI) * Math.exp(-x * x), fd, 1e-9);
        }
    }
}
