package io.ntkstudio.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.input.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    @TempDir
    Path dir;

    @Test
    void circlePointsAreEvenlySpacedOnTheUnitCircle() {
        Dataset d = DataSources.build(DataSpec.circle(12, 24, "sin", 3), dir);
        Samples s = d.train();
        assertEquals(12, s.count());
        for (int i = 0; i < 12; i++) {
            double g = Math.atan2(s.input(i, 1), s.input(i, 0));
            assertEquals(1.0, Math.hypot(s.input(i, 0), s.input(i, 1)), 1e-15);
            assertEquals(Math.sin(3 * g), s.target(i), 1e-12);
            assertEquals(0.0, Math.sin(6 * g * 12 / 12 - 6 * 2 * Math.PI * i / 12), 1e-12);
        }
        assertEquals(24, d.test().count());
        assertEquals(Math.PI / 24, Math.atan2(d.test().input(0, 1), d.test().input(0, 0)), 1e-12);
    }

    @Test
    void normalProductIsJacotsTaskWithItsSliceOnTheUnitCircle() {
        DataSpec spec = DataSpec.defaults("normal-product");
        assertEquals(20, spec.n(), "the paper gives no count: 20 is the documented choice");
        Dataset d = DataSources.build(new DataSpec("normal-product", 400, 300, "", 0, 0, 4, null, null), dir);
        assertArrayEquals(d.train().copyInputs(), DataSources.build(new DataSpec("normal-product", 400, 300, "", 0, 0, 4, null, null), dir)
                .train().copyInputs(), 0.0, "seeded");
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < 400; i++) {
            assertEquals(d.train().input(i, 0) * d.train().input(i, 1), d.train().target(i), 0.0, "f*(x) = x₁x₂");
            for (int c = 0; c < 2; c++) {
                sum += d.train().input(i, c);
                squares += d.train().input(i, c) * d.train().input(i, c);
            }
        }
        // 800 draws of N(0, 1): the mean within 4 standard errors of 0, the variance within 15 %
        assertEquals(0, sum / 800, 4 / Math.sqrt(800));
        assertEquals(1, squares / 800, 0.15);
        assertTrue(d.test().input(0, 0) != d.train().input(0, 0), "test points are another draw");
        assertEquals(Geometry.PLANE, d.geometry());
        assertEquals(CircleSlice.FIGURE_1, d.slice());
        assertEquals(null, DataSources.build(DataSpec.circle(8, 8, "sin", 1), dir).slice(), "others slice over their train points");
    }

    @Test
    void theCircleSliceRunsFromMinusPiToPiOnTheUnitCircleFromOneZero() {
        CircleSlice s = CircleSlice.FIGURE_1;
        double[] g = s.angles();
        double[] x = s.points();
        assertEquals(-Math.PI, g[0], 0.0);
        assertEquals(Math.PI, g[g.length - 1], 0.0);
        assertEquals(0, g[(g.length - 1) / 2], 1e-15, "an odd count puts x₀ itself in the middle");
        for (int k = 0; k < s.count(); k++) {
            assertEquals(Math.cos(g[k]), x[2 * k], 0.0);
            assertEquals(Math.sin(g[k]), x[2 * k + 1], 0.0);
            assertTrue(k == 0 || g[k] > g[k - 1]);
        }
        assertArrayEquals(new double[] {1, 0}, s.anchor(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new CircleSlice(1));
    }

    @Test
    void intervalSpansMinusOneToOneWithNoiseOnlyOnTrain() {
        Dataset d = DataSources.build(new DataSpec("interval", 21, 50, "polynomial", 1, 0.1, 3, null, null), dir);
        assertEquals(-1.0, d.train().input(0, 0));
        assertEquals(1.0, d.train().input(20, 0));
        double x = d.test().input(10, 0);
        assertEquals(4 * x * x * x - 3 * x, d.test().target(10), 1e-15);
        double noise = d.train().target(5) - IntervalData.target("polynomial", 1, d.train().input(5, 0));
        assertTrue(Math.abs(noise) > 0 && Math.abs(noise) < 0.6);
    }

    @Test
    void toySetsHaveLabelsPlusMinusOneAndAreSeeded() {
        for (String kind : new String[] {"xor", "circles", "spirals", "gaussians"}) {
            DataSpec spec = new DataSpec(kind, 60, 40, "", 0, 0.05, 9, null, null);
            Dataset a = DataSources.build(spec, dir);
            Dataset b = DataSources.build(spec, dir);
            assertArrayEquals(a.train().copyInputs(), b.train().copyInputs(), 0.0);
            int plus = 0;
            for (int i = 0; i < 60; i++) {
                double y = a.train().target(i);
                assertTrue(y == 1 || y == -1, kind);
                plus += y > 0 ? 1 : 0;
            }
            assertTrue(plus > 10 && plus < 50, kind + " has both classes");
            assertEquals(2, a.inputDim());
        }
    }

    @Test
    void xorLabelIsTheSignOfTheProduct() {
        Dataset d = DataSources.build(new DataSpec("xor", 50, 10, "", 0, 0, 1, null, null), dir);
        for (int i = 0; i < 50; i++) {
            assertEquals(Math.signum(d.train().input(i, 0) * d.train().input(i, 1)), d.train().target(i));
        }
    }

    @Test
    void csvTrainAndTestAreRead() throws Exception {
        Files.writeString(dir.resolve("tr.csv"), "0.1,0.2,1\n0.3,0.4,2\n\n");
        Files.writeString(dir.resolve("te.csv"), "0.5,0.6,3\n");
        Dataset d = DataSources.build(new DataSpec("csv", 0, 0, "", 0, 0, 0, "tr.csv", "te.csv"), dir);
        assertEquals(2, d.train().count());
        assertEquals(2, d.inputDim());
        assertEquals(2.0, d.train().target(1));
        assertEquals(0.6, d.test().input(0, 1));
    }

    @Test
    void csvErrorsNameFileLineAndProblem() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "1,2,3\n4,x,6\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CsvData.readLabelled(dir.resolve("bad.csv")));
        assertTrue(e.getMessage().contains("line 2 column 2") && e.getMessage().contains("'x'"), e.getMessage());
        Files.writeString(dir.resolve("ragged.csv"), "1,2,3\n4,5\n");
        e = assertThrows(InvalidInputException.class, () -> CsvData.readLabelled(dir.resolve("ragged.csv")));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("columns"), e.getMessage());
        Files.writeString(dir.resolve("one.csv"), "1\n2\n");
        e = assertThrows(InvalidInputException.class, () -> CsvData.readLabelled(dir.resolve("one.csv")));
        assertTrue(e.getMessage().contains("two columns"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> CsvData.readLabelled(dir.resolve("missing.csv")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        Files.writeString(dir.resolve("empty.csv"), "\n");
        assertThrows(InvalidInputException.class, () -> CsvData.readLabelled(dir.resolve("empty.csv")));
        Files.writeString(dir.resolve("nan.csv"), "1,NaN\n");
        assertThrows(InvalidInputException.class, () -> CsvData.readLabelled(dir.resolve("nan.csv")));
    }

    @Test
    void specRejectsUnknownSourceAndTarget() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DataSpec.defaults("moons"));
        assertTrue(e.getMessage().contains("circle, interval"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> DataSpec.circle(10, 10, "sine", 1));
        assertTrue(e.getMessage().contains("sin, cos, mix, square"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> DataSpec.circle(0, 10, "sin", 1));
        assertThrows(InvalidInputException.class, () -> new DataSpec("circle", 10, 10, "sin", 1, -1, 0, null, null));
    }

    @Test
    void everySourceHasOneKeyDefaultsThatValidateAndTheGeometryItsPicturesNeed() {
        assertEquals(DataSources.ALL.size(), new java.util.HashSet<>(DataSources.ids()).size(), "keys are unique");
        java.util.Map<String, Geometry> expected = java.util.Map.of("circle", Geometry.CIRCLE, "interval", Geometry.LINE,
                "xor", Geometry.PLANE, "circles", Geometry.PLANE, "spirals", Geometry.PLANE, "gaussians", Geometry.PLANE,
                "four-points", Geometry.CIRCLE, "normal-product", Geometry.PLANE, "digits", Geometry.POINTS);
        for (DataSource source : DataSources.ALL) {
            DataSpec d = source.defaults();
            assertEquals(source.id(), d.source());
            assertEquals(source, DataSources.of(d.source()));
            if (source.readsFiles()) {
                continue;
            }
            Dataset data = DataSources.build(d, dir);
            assertEquals(expected.get(source.id()), data.geometry(), source.id());
            assertEquals(d.n(), data.train().count());
            assertEquals(d.testN(), data.test().count());
            if (data.geometry() == Geometry.CIRCLE) {
                for (int i = 0; i < d.n(); i++) {
                    assertEquals(1.0, Math.hypot(data.train().input(i, 0), data.train().input(i, 1)), 1e-12);
                }
            }
        }
    }

    @Test
    void csvGeometryFollowsItsColumns() throws Exception {
        Files.writeString(dir.resolve("one.csv"), "0.5,1\n-0.5,2\n");
        Files.writeString(dir.resolve("two.csv"), "0.5,0.1,1\n-0.5,0.2,2\n");
        Files.writeString(dir.resolve("three.csv"), "0.5,0.1,0,1\n-0.5,0.2,0,2\n");
        assertEquals(Geometry.LINE, DataSources.build(new DataSpec("csv", 0, 0, "", 0, 0, 0, "one.csv", null), dir).geometry());
        assertEquals(Geometry.PLANE, DataSources.build(new DataSpec("csv", 0, 0, "", 0, 0, 0, "two.csv", null), dir).geometry());
        assertEquals(Geometry.POINTS, DataSources.build(new DataSpec("csv", 0, 0, "", 0, 0, 0, "three.csv", null), dir).geometry());
    }

    @Test
    void filePathsResolveAgainstTheExperimentsFolderAndGeneratedDataIsUntouched() {
        DataSpec csv = new DataSpec("csv", 0, 0, "", 0, 0, 0, "tr.csv", "sub/te.csv");
        DataSpec moved = csv.withFilesFrom(dir);
        assertEquals(dir.resolve("tr.csv").toString(), moved.train());
        assertEquals(dir.resolve("sub/te.csv").toString(), moved.test());
        assertEquals(null, new DataSpec("csv", 0, 0, "", 0, 0, 0, "tr.csv", null).withFilesFrom(dir).test());
        DataSpec circle = DataSpec.circle(8, 8, "sin", 1);
        assertEquals(circle, circle.withFilesFrom(dir));
    }

    @Test
    void theFourPointsTestLineJoinsThePointsAroundTheCircle() {
        for (int k = 0; k < 4; k++) {
            assertEquals(FourPointsData.TARGETS[k], FourPointsData.throughThePoints(FourPointsData.ANGLES[k]), 1e-15);
        }
        assertEquals((-0.4 - 0.2) / 2, FourPointsData.throughThePoints(-1.6), 1e-12, "half way from γ = −2.2 to −1");
        // across ±π: from γ = 2.2 (0.3) to γ = −2.2 + 2π (−0.4), π is (π − 2.2)/(2π − 4.4) of the way
        double f = (Math.PI - 2.2) / (2 * Math.PI - 4.4);
        assertEquals(0.3 + f * (-0.7), FourPointsData.throughThePoints(Math.PI), 1e-12);
        assertEquals(0.3 + f * (-0.7), FourPointsData.throughThePoints(-Math.PI), 1e-12);
    }
}
