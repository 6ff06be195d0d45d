package io.ntkstudio.model;

/**
 * Bad input from a person: a field out of range, a malformed file, a size that will not fit.
 * The message names what is wrong and what is allowed, in one line fit to show as it is.
 */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
