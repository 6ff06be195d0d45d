package io.ntkstudio.data;

import io.ntkstudio.input.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The 1,797 handwritten digits of the UCI optical-recognition set (Alpaydin &amp; Kaynak 1998; the
 * copy scikit-learn ships, CC BY 4.0, see THIRD-PARTY-NOTICES): 8 × 8 images of pixels 0…16, one
 * class per digit. Each image is scaled to mean square 1 (‖x‖² = 64), so every input lies on one
 * sphere and the kernel sees only the angles between images. The train and test points are
 * disjoint, drawn from {@code data.seed} class by class in proportion to the classes' sizes
 * (stratified), then shuffled; {@code data.digits} keeps a subset, its classes 0…C−1 in the order
 * the digits are listed.
 */
final class DigitsData implements DataSource {
    static final int SIDE = 8;
    static final int COUNT = 1797;
    private static final String RESOURCE = "digits.csv.gz";
    private static volatile Table table;

    /** The whole file: pixels (COUNT × 64) and digits. */
    record Table(double[] pixels, int[] digits) {
    }

    @Override
    public String id() {
        return "digits";
    }

    @Override
    public DataSpec defaults() {
        return new DataSpec(id(), 300, 300, "", 0, 0, 0, null, null);
    }

    @Override
    public Dataset build(DataSpec s, Path baseDir) {
        List<Integer> chosen = s.classes().digits().isEmpty() ? List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9) : s.classes().digits();
        Table t = table();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int d : chosen) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < COUNT; i++) {
                if (t.digits()[i] == d) {
                    rows.add(i);
                }
            }
            byClass.add(rows);
        }
        int available = byClass.stream().mapToInt(List::size).sum();
        if (s.n() + s.testN() > available) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "data.n + data.testN is %d but the digits %s have only "
                    + "%d images; train and test on at most %d together", s.n() + s.testN(), digitNames(chosen), available, available));
        }
        Random r = new Random(s.seed());
        for (List<Integer> rows : byClass) {
            Collections.shuffle(rows, r);
        }
        int[] trainShare = shares(byClass, s.n(), available);
        int[] testShare = shares(byClass, s.testN(), available);
        List<int[]> train = new ArrayList<>();
        List<int[]> test = new ArrayList<>();
        for (int c = 0; c < byClass.size(); c++) {
            List<Integer> rows = byClass.get(c);
            if (trainShare[c] + testShare[c] > rows.size()) {
                throw new InvalidInputException("data.n + data.testN takes every image of digit " + chosen.get(c)
                        + " and more; train and test on fewer together (at most " + (available - byClass.size()) + ")");
            }
            for (int k = 0; k < trainShare[c]; k++) {
                train.add(new int[] {rows.get(k), c});
            }
            for (int k = 0; k < testShare[c]; k++) {
                test.add(new int[] {rows.get(trainShare[c] + k), c});
            }
        }
        Collections.shuffle(train, r);
        Collections.shuffle(test, r);
        List<String> names = chosen.stream().map(String::valueOf).toList();
        return new Dataset("digits " + digitNames(chosen) + " n=" + s.n() + ", 8×8 images scaled to mean square 1",
                samples(t, train, chosen.size()), samples(t, test, chosen.size()), Geometry.POINTS, null, names);
    }

    /** "0–9", or "3, 8". */
    private static String digitNames(List<Integer> chosen) {
        return chosen.size() == 10 && chosen.equals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)) ? "0–9"
                : String.join(", ", chosen.stream().map(String::valueOf).toList());
    }

    /** {@code total} points shared among the classes in proportion to their sizes, largest remainders first. */
    static int[] shares(List<List<Integer>> byClass, int total, int available) {
        int k = byClass.size();
        int[] share = new int[k];
        double[] rest = new double[k];
        int given = 0;
        for (int c = 0; c < k; c++) {
            double exact = (double) total * byClass.get(c).size() / available;
            share[c] = (int) Math.floor(exact);
            rest[c] = exact - share[c];
            given += share[c];
        }
        while (given < total) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (rest[c] > rest[best]) {
                    best = c;
                }
            }
            share[best]++;
            rest[best] = -1;
            given++;
        }
        return share;
    }

    private static Samples samples(Table t, List<int[]> picked, int classes) {
        int d = SIDE * SIDE;
        double[] x = new double[picked.size() * d];
        int[] labels = new int[picked.size()];
        for (int i = 0; i < picked.size(); i++) {
            int row = picked.get(i)[0];
            double sq = 0;
            for (int k = 0; k < d; k++) {
                double p = t.pixels()[row * d + k];
                sq += p * p;
            }
            double scale = 1 / Math.sqrt(sq / d);
            for (int k = 0; k < d; k++) {
                x[i * d + k] = scale * t.pixels()[row * d + k];
            }
            labels[i] = picked.get(i)[1];
        }
        return Samples.ofClasses(picked.size(), d, x, labels, classes);
    }

    /** The file shipped in the jar, read once. */
    static Table table() {
        Table t = table;
        if (t == null) {
            t = read();
            table = t;
        }
        return t;
    }

    private static Table read() {
        int d = SIDE * SIDE;
        double[] pixels = new double[COUNT * d];
        int[] digits = new int[COUNT];
        try (InputStream raw = DigitsData.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the digits file " + RESOURCE + " is missing from the program");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            String line;
            int row = 0;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (cells.length != d + 1 || row >= COUNT) {
                    throw new IllegalStateException("the digits file is damaged at line " + (row + 1));
                }
                for (int k = 0; k < d; k++) {
                    pixels[row * d + k] = Integer.parseInt(cells[k].strip());
                }
                digits[row] = Integer.parseInt(cells[d].strip());
                row++;
            }
            if (row != COUNT) {
                throw new IllegalStateException("the digits file has " + row + " images, expected " + COUNT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digits file", e);
        }
        return new Table(pixels, digits);
    }
}
