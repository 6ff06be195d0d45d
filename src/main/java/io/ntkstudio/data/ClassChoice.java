package io.ntkstudio.data;

import io.ntkstudio.input.InvalidInputException;
import java.util.List;
import java.util.TreeSet;

/**
 * Which classes a data set has: {@code count} C for a CSV file whose last column is a class
 * 0…C−1 ({@code data.classes}; 0: the last column is a real target), and for the digits the
 * subset to train on ({@code data.digits}, e.g. [3, 8]; empty: all ten).
 */
public record ClassChoice(int count, List<Integer> digits) {
    public static final ClassChoice NONE = new ClassChoice(0, List.of());
    /** The most classes a CSV file may have: each is an output of the network. */
    public static final int MAX_CLASSES = 100;

    public ClassChoice {
        digits = List.copyOf(digits);
        if (count != 0 && (count < 2 || count > MAX_CLASSES)) {
            throw new InvalidInputException("data.classes must be from 2 to " + MAX_CLASSES + " (or left out for a real target), got "
                    + count);
        }
        for (int d : digits) {
            if (d < 0 || d > 9) {
                throw new InvalidInputException("data.digits lists the digits to train on, each 0 to 9; got " + d);
            }
        }
        if (new TreeSet<>(digits).size() != digits.size()) {
            throw new InvalidInputException("data.digits lists a digit twice: " + digits + "; give each once, e.g. [3, 8]");
        }
        if (digits.size() == 1) {
            throw new InvalidInputException("data.digits needs at least two digits to tell apart, got " + digits + "; e.g. [3, 8]");
        }
    }

    /** A CSV file's C classes. */
    public static ClassChoice of(int count) {
        return new ClassChoice(count, List.of());
    }

    /** The digits to train on. */
    public static ClassChoice digits(List<Integer> digits) {
        return new ClassChoice(0, digits);
    }
}
