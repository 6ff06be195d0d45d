package io.ntkstudio.data;

import io.ntkstudio.input.InvalidInputException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The user's own data: {@code data.train} and optionally {@code data.test}, CSV files of input
 * columns then the target ({@link CsvData}); without a test file the train set is the test set.
 * Relative paths resolve against the experiment file's folder.
 */
final class CsvFiles implements DataSource {
    @Override
    public String id() {
        return "csv";
    }

    @Override
    public boolean readsFiles() {
        return true;
    }

    @Override
    public DataSpec defaults() {
        return new DataSpec(id(), 0, 0, "", 0, 0, 0, "train.csv", null);
    }

    @Override
    public Dataset build(DataSpec s, Path baseDir) {
        Path trainPath = resolve(baseDir, s.train(), "data.train");
        int classes = s.classes().count();
        Samples train = CsvData.readLabelled(trainPath, classes);
        Samples test = s.test() == null || s.test().isBlank() ? train
                : CsvData.readLabelled(resolve(baseDir, s.test(), "data.test"), classes);
        return new Dataset("csv " + trainPath.getFileName(), train, test, Geometry.ofDimension(train.dim()));
    }

    /** A data path relative to the experiment file's folder; a path the system cannot name is bad input. */
    private static Path resolve(Path baseDir, String path, String field) {
        try {
            return baseDir.resolve(path);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(field + " '" + InvalidInputException.quote(path) + "' is not a valid path ("
                    + e.getReason() + "); give the CSV file's name");
        }
    }
}
