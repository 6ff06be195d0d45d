package io.ntkstudio.ui;

import io.ntkstudio.input.Range;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * A text field checked as it is typed: a value that does not parse or is out of range shows the
 * reason under the field and is never applied; a valid one is applied on Enter or when the
 * field loses focus.
 */
final class ValidatedField<T> extends VBox {
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final Function<String, T> parser;
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private Consumer<T> onCommit = v -> { };
    private T value;
    private String shownText = "";

    /** @param parser returns the value or throws IllegalArgumentException with the reason */
    ValidatedField(String id, Function<String, T> parser) {
        super(2);
        this.parser = parser;
        field.setId(id);
        error.setId(id + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        getChildren().addAll(field, error);
        field.textProperty().addListener((o, a, b) -> check(b));
        field.setOnAction(e -> {
            commit();
            leave();
        });
        // Esc puts back what the field showed and, like Enter, hands the keys back to the views
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.setText(shownText);
                leave();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit();
            }
        });
    }

    void setOnCommit(Consumer<T> action) {
        onCommit = action;
    }

    /** Shows a value without committing it; the text may round it (it stays exact until the text is edited). */
    void show(T v, String text) {
        value = v;
        shownText = text;
        field.setText(text);
    }

    /** Gives the focus back to the window, so that Space, S and R act on the run again. */
    private void leave() {
        if (field.getScene() != null && field.getScene().getRoot() != null) {
            field.getScene().getRoot().requestFocus();
        }
    }

    T value() {
        return value;
    }

    TextField field() {
        return field;
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    String errorText() {
        return error.isVisible() ? error.getText() : null;
    }

    private T check(String text) {
        try {
            T v = parser.apply(text.trim());
            error.setVisible(false);
            error.setManaged(false);
            field.getStyleClass().remove("invalid");
            valid.set(true);
            return v;
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
            error.setManaged(true);
            if (!field.getStyleClass().contains("invalid")) {
                field.getStyleClass().add("invalid");
            }
            valid.set(false);
            return null;
        }
    }

    void commit() {
        if (field.getText().equals(shownText)) {
            return;
        }
        T v = check(field.getText());
        if (v != null) {
            shownText = field.getText();
        }
        if (v != null && !v.equals(value)) {
            value = v;
            onCommit.accept(v);
        }
    }

    /** A parser for whole numbers of {@code range}. */
    static Function<String, Long> integer(String name, Range range) {
        return integer(name, (long) range.min(), (long) range.max());
    }

    /** A parser for numbers of {@code range}. */
    static Function<String, Double> number(String name, Range range) {
        return number(name, range.min(), range.max());
    }

    /** A parser for numbers in [lo, hi] with a message naming the field and the range. */
    static Function<String, Double> number(String name, double lo, double hi) {
        return s -> {
            double v;
            try {
                String t = s.strip();
                v = t.startsWith("√") ? Math.sqrt(Double.parseDouble(t.substring(1).strip())) : Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, e.g. " + Math.max(lo, Math.min(hi, 1)));
            }
            if (!(v >= lo && v <= hi)) {
                throw new IllegalArgumentException(name + " must be from " + Range.plain(lo) + " to " + Range.plain(hi));
            }
            return v;
        };
    }

    /** A parser for whole numbers in [lo, hi]. */
    static Function<String, Long> integer(String name, long lo, long hi) {
        return s -> {
            long v;
            try {
                v = Long.parseLong(s.replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number from " + lo + " to " + hi);
            }
            if (v < lo || v > hi) {
                throw new IllegalArgumentException(name + " must be from " + lo + " to " + hi);
            }
            return v;
        };
    }

    /**
     * A number as a person reads it: √k for the square roots of 2, 3, 5, 6 and 7 (σ_w = √2 is the
     * ReLU default), otherwise the shortest exact form, or six significant digits when that is long.
     */
    static String display(double v) {
        for (int k : new int[] {2, 3, 5, 6, 7}) {
            if (v == Math.sqrt(k)) {
                return "√" + k;
            }
        }
        String exact = plain(v);
        if (exact.length() <= 10) {
            return exact;
        }
        String six = String.format(Locale.ROOT, "%.6g", v);
        return six.contains("e") ? six : six.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
