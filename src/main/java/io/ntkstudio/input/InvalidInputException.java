package io.ntkstudio.input;

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

    /** At most 80 characters of what a person wrote, on one line, for quoting in a message. */
    public static String quote(String text) {
        String one = String.valueOf(text).replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
                .replace("\0", "\\0");
        return one.length() <= 80 ? one : one.substring(0, 79) + "…";
    }
}
