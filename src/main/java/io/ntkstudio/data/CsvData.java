package io.ntkstudio.data;

import io.ntkstudio.input.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads numeric CSV: one row per line, no header, comma-separated, blank lines skipped, UTF-8
 * with or without a byte-order mark. A cell is a plain decimal number (Java's parser would also
 * take "1.5f", "2d", hex floats and NaN; a data file with those is more likely broken than meant).
 * Only regular files up to 1 GB are read, so a device such as /dev/zero is refused, not read until
 * memory runs out. Every error names the file, the line and what was expected.
 */
public final class CsvData {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final long MAX_BYTES = 1L << 30;
    /** The longest line read: 50,000 or so numbers, far past any input dimension a network here can take. */
    static final int MAX_LINE = 1 << 20;

    private CsvData() {
    }

    /** All rows of a file, each with the same number of columns. */
    public static List<double[]> readRows(Path file) {
        List<double[]> rows = new ArrayList<>();
        int columns = -1;
        requireReadable(file);
        long held = 0;
        Runtime rt = Runtime.getRuntime();
        long room = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = boundedLine(in, file, lineNo + 1)) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (columns >= 0 && cells.length != columns) {
                    throw new InvalidInputException(file + " line " + lineNo + ": has " + cells.length
                            + " columns, earlier lines have " + columns + "; every line needs the same number");
                }
                columns = cells.length;
                double[] row = new double[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    row[c] = parseCell(file, lineNo, c, cells[c]);
                }
                rows.add(row);
                // each row's array and its place in the list: refused while reading, not by running out of memory
                held += 8L * cells.length + 24;
                if (held > room / 2) {
                    throw new InvalidInputException(String.format(java.util.Locale.ROOT, "%s: its first %,d rows already take %d MiB, "
                            + "half the memory the JVM has left; use fewer points, or give Java more memory (java -Xmx%dg -jar ...)",
                            file, rows.size(), held >> 20, Math.max(2, 4 * (rt.maxMemory() >> 30) + 1)));
                }
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new InvalidInputException(file + ": is not UTF-8 text; save it as plain CSV (UTF-8)");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(file + ": has no rows; expected one point per line, numbers separated by commas");
        }
        return rows;
    }

    /** The next line, or null at the end; a line longer than {@link #MAX_LINE} is refused before it is held. */
    private static String boundedLine(BufferedReader in, Path file, int lineNo) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return b.toString();
            }
            if (b.length() >= MAX_LINE) {
                throw new InvalidInputException(file + " line " + lineNo + ": is longer than 1 MiB; expected one point per line, "
                        + "numbers separated by commas");
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** The rows of a file as a row-major matrix of inputs (every column an input). */
    public static Samples readInputs(Path file) {
        List<double[]> rows = readRows(file);
        int dim = rows.get(0).length;
        double[] x = new double[rows.size() * dim];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * dim, dim);
        }
        return new Samples(rows.size(), dim, x, new double[rows.size()]);
    }

    /** Input columns then the target in the last column. */
    public static Samples readLabelled(Path file) {
        return readLabelled(file, 0);
    }

    /**
     * Input columns then, in the last column, the target, or with {@code classes} C ≥ 2 the class
     * 0…C−1 of each row.
     */
    public static Samples readLabelled(Path file, int classes) {
        List<double[]> rows = readRows(file);
        int cols = rows.get(0).length;
        if (cols < 2) {
            throw new InvalidInputException(file + ": needs at least two columns (inputs, then the target last), found " + cols);
        }
        int dim = cols - 1;
        double[] x = new double[rows.size() * dim];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * dim, dim);
            y[i] = rows.get(i)[dim];
        }
        if (classes == 0) {
            return new Samples(rows.size(), dim, x, y);
        }
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] != Math.rint(y[i]) || y[i] < 0 || y[i] >= classes) {
                throw new InvalidInputException(file + " row " + (i + 1) + ": the last column is " + y[i] + ", not a class 0 to "
                        + (classes - 1) + " (data.classes is " + classes + "); give each row's class as a whole number");
            }
            labels[i] = (int) y[i];
        }
        return Samples.ofClasses(rows.size(), dim, x, labels, classes);
    }

    /** Formats a number so that it parses back to exactly the same double. */
    public static String format(double v) {
        return Double.toString(v);
    }

    private static void requireReadable(Path file) {
        try {
            if (!Files.exists(file)) {
                throw new InvalidInputException(file + ": no such file");
            }
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(file + ": is a folder; give a CSV file");
            }
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(file + ": is not a regular file (a device or a pipe); give a CSV file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(file + ": is larger than 1 GB; use fewer points");
            }
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static double parseCell(Path file, int lineNo, int column, String cell) {
        String s = cell.strip();
        try {
            if (!NUMBER.matcher(s).matches()) {
                throw new NumberFormatException();
            }
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + " line " + lineNo + " column " + (column + 1) + ": '" + InvalidInputException.quote(s)
                    + "' is not a finite number");
        }
    }
}
