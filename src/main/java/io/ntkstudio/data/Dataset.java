package io.ntkstudio.data;

import io.ntkstudio.input.InvalidInputException;

/**
 * A data set with its train part and its test part, inputs of the same dimension.
 * {@code description} says in words what it is, for captions and reports.
 */
public record Dataset(String description, Samples train, Samples test) {
    public Dataset {
        if (train.dim() != test.dim()) {
            throw new InvalidInputException("train inputs have " + train.dim() + " columns but test inputs have "
                    + test.dim() + "; both need the same input columns");
        }
        if (train.count() < 1) {
            throw new InvalidInputException("the training set is empty");
        }
    }

    public int inputDim() {
        return train.dim();
    }
}
