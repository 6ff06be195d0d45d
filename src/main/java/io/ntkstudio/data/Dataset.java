package io.ntkstudio.data;

import io.ntkstudio.input.InvalidInputException;
import java.util.List;

/**
 * A data set with its train part and its test part, inputs of the same dimension, and how the
 * inputs lie ({@link Geometry}), which decides how the pictures draw it. {@code description}
 * says in words what it is, for captions and reports. {@code slice} is where its kernel slice is
 * drawn when not over the train points (null: over them).
 */
public record Dataset(String description, Samples train, Samples test, Geometry geometry, CircleSlice slice, List<String> classNames) {
    /** A data set without named classes. */
    public Dataset(String description, Samples train, Samples test, Geometry geometry, CircleSlice slice) {
        this(description, train, test, geometry, slice, List.of());
    }

    public Dataset {
        classNames = List.copyOf(classNames);
        if (train.classes() != test.classes()) {
            throw new InvalidInputException("the train set has " + train.classes() + " classes but the test set has " + test.classes()
                    + "; both need the same classes");
        }
        if (!classNames.isEmpty() && classNames.size() != train.classes()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + train.classes() + " classes");
        }
        if (train.dim() != test.dim()) {
            throw new InvalidInputException("train inputs have " + train.dim() + " columns but test inputs have "
                    + test.dim() + "; both need the same input columns");
        }
        if (train.count() < 1) {
            throw new InvalidInputException("the training set is empty");
        }
        if (slice != null && train.dim() != 2) {
            throw new IllegalArgumentException("a slice on the unit circle needs 2-D inputs, got " + train.dim());
        }
    }

    public boolean hasCircleSlice() {
        return slice != null;
    }

    /** A data set whose kernel slice is drawn over its train points. */
    public Dataset(String description, Samples train, Samples test, Geometry geometry) {
        this(description, train, test, geometry, null);
    }

    /** A data set whose geometry follows from its dimension alone (as for CSV files). */
    public Dataset(String description, Samples train, Samples test) {
        this(description, train, test, Geometry.ofDimension(train.dim()));
    }

    public int inputDim() {
        return train.dim();
    }

    /** C for class data, 0 for scalar targets. */
    public int classes() {
        return train.classes();
    }

    /** The name of class c as the views label it: the digit, or the class number. */
    public String className(int c) {
        return classNames.isEmpty() ? Integer.toString(c) : classNames.get(c);
    }
}
