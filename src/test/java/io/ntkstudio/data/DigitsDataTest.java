package io.ntkstudio.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.input.InvalidInputException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitsDataTest {
    private static DataSpec digits(int n, int testN, long seed, List<Integer> chosen) {
        return new DataSpec("digits", n, testN, "", 0, 0, seed, null, null, ClassChoice.digits(chosen));
    }

    @Test
    void theFileHoldsTheUciTestSetCountedByClass() {
        DigitsData.Table t = DigitsData.table();
        int[] counts = new int[10];
        for (int d : t.digits()) {
            counts[d]++;
        }
        // the class distribution of optdigits.tes as the UCI page gives it
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts);
        for (double p : t.pixels()) {
            assertTrue(p >= 0 && p <= 16 && p == Math.rint(p), "pixel " + p);
        }
    }

    @Test
    void theTrainAndTestSetsAreDisjointStratifiedAndScaledToMeanSquareOne() {
        Dataset d = DataSources.build(digits(300, 200, 7, List.of()), Path.of("."));
        assertEquals(10, d.classes());
        assertEquals(64, d.inputDim());
        assertEquals(Geometry.POINTS, d.geometry());
        for (int c : d.train().classCounts()) {
            assertTrue(c == 29 || c == 30 || c == 31, "train per class " + c);
        }
        for (int c : d.test().classCounts()) {
            assertTrue(c == 19 || c == 20 || c == 21, "test per class " + c);
        }
        Set<String> seen = new HashSet<>();
        for (Samples s : new Samples[] {d.train(), d.test()}) {
            for (int i = 0; i < s.count(); i++) {
                double sq = 0;
                for (int k = 0; k < 64; k++) {
                    sq += s.input(i, k) * s.input(i, k);
                }
                assertEquals(64, sq, 1e-9);
                assertTrue(seen.add(java.util.Arrays.toString(s.row(i))) || duplicateInFile(s.row(i)), "point in both sets");
            }
        }
        // the one-hot targets, C per point
        double[] y = d.train().copyTargets();
        assertEquals(300 * 10, y.length);
        assertEquals(1.0, y[d.train().label(0)]);
    }

    /** Whether an image occurs twice in the file itself (then it may rightly appear in both sets). */
    private static boolean duplicateInFile(double[] scaled) {
        DigitsData.Table t = DigitsData.table();
        int found = 0;
        for (int r = 0; r < DigitsData.COUNT; r++) {
            double sq = 0;
            for (int k = 0; k < 64; k++) {
                sq += t.pixels()[r * 64 + k] * t.pixels()[r * 64 + k];
            }
            double s = Math.sqrt(64 / sq);
            boolean same = true;
            for (int k = 0; k < 64 && same; k++) {
                same = Math.abs(s * t.pixels()[r * 64 + k] - scaled[k]) < 1e-12;
            }
            found += same ? 1 : 0;
        }
        return found > 1;
    }

    @Test
    void aSubsetsClassesFollowTheOrderOfItsDigitsAndTheSeedDecides() {
        Dataset a = DataSources.build(digits(40, 20, 3, List.of(8, 3)), Path.of("."));
        assertEquals(2, a.classes());
        assertEquals("8", a.className(0));
        assertEquals("3", a.className(1));
        Dataset b = DataSources.build(digits(40, 20, 3, List.of(8, 3)), Path.of("."));
        assertArrayEquals(a.train().copyInputs(), b.train().copyInputs());
        Dataset c = DataSources.build(digits(40, 20, 4, List.of(8, 3)), Path.of("."));
        assertTrue(!java.util.Arrays.equals(a.train().copyInputs(), c.train().copyInputs()));
        assertEquals(20, a.train().classCounts()[0], 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "300; 200; 3,8; have only 357 images",
            "10; 10; 3; at least two digits",
            "10; 10; 3,3; a digit twice",
            "10; 10; 3,12; each 0 to 9"})
    void badChoicesAreRefusedInOneLine(int n, int testN, String chosen, String expected) {
        List<Integer> list = java.util.Arrays.stream(chosen.split(",")).map(Integer::valueOf).toList();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DataSources.build(digits(n, testN, 0, list), Path.of(".")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void theAttributionTheLicenceAsksForIsInTheNoticesTheReadmeAndAbout() throws Exception {
        String notices;
        try (InputStream in = DigitsDataTest.class.getResourceAsStream("/META-INF/THIRD-PARTY-NOTICES.md")) {
            notices = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String text : new String[] {notices, Files.readString(Path.of("README.md")), io.ntkstudio.ui.AboutInfo.DIGITS_ATTRIBUTION}) {
            assertTrue(text.contains("Alpaydin") && text.contains("CC BY 4.0"), "attribution in " + text.substring(0, 40));
        }
    }

    @Test
    void csvClassesAreTheLastColumnAsWholeNumbers(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("train.csv"), "0.1,0.2,0\n0.3,0.1,2\n0.5,0.5,1\n");
        Samples s = CsvData.readLabelled(dir.resolve("train.csv"), 3);
        assertEquals(3, s.classes());
        assertEquals(2, s.label(1));
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 1, 0, 1, 0}, s.copyTargets());
        Files.writeString(dir.resolve("bad.csv"), "0.1,0.2,0\n0.3,0.1,1.5\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CsvData.readLabelled(dir.resolve("bad.csv"), 3));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("not a class 0 to 2"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> CsvData.readLabelled(dir.resolve("train.csv"), 2));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    }
}
