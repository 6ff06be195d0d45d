package io.ntkstudio.ui;

import io.ntkstudio.figure.MathText;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The window's text with real subscripts and superscripts, from the markup the charts use
 * ({@link MathText}: {@code σ_w}, {@code Θ_t}, {@code 2n/λ_max}, {@code (1 − ηλ_i/n)^(2t)}), so
 * that no label, menu entry or note shows a literal underscore. Scripts are 70 % of the size,
 * lowered or raised by a fraction of it, and take the label's font and colour, so they follow
 * the theme and the text size. A label keeps the plain text for screen readers.
 */
final class MathFlow {
    private MathFlow() {
    }

    /** A label showing {@code markup} typeset. */
    static Label label(String markup) {
        Label l = new Label();
        set(l, markup);
        return l;
    }

    /** Shows {@code markup} typeset in {@code l} (replacing what it showed). */
    static void set(Label l, String markup) {
        if (markup.indexOf('_') < 0 && markup.indexOf('^') < 0) {
            l.setGraphic(null);
            l.getProperties().remove(MathFlow.class);
            l.setText(markup);
            return;
        }
        if (l.getGraphic() != null && markup.equals(l.getProperties().get(MathFlow.class))) {
            // the same text again (a label refreshed with every kernel snapshot): new nodes would
            // cost a style pass, a layout and a repaint for nothing
            return;
        }
        // the label's own font and colour, which its style class sets (so no .math-text here)
        TextFlow flow = new TextFlow();
        for (MathText.Run r : MathText.runs(markup)) {
            Text t = new Text(r.text());
            t.fillProperty().bind(l.textFillProperty());
            t.fontProperty().bind(Bindings.createObjectBinding(() -> scaled(l.getFont(), r.script()), l.fontProperty()));
            if (r.script() != 0) {
                offBaseline(t, r.script());
            }
            flow.getChildren().add(t);
        }
        if (l.isWrapText()) {
            // the flow wraps at the label's width like the label's own text would
            flow.maxWidthProperty().bind(l.widthProperty());
        }
        l.setText(null);
        l.setGraphic(flow);
        l.setAccessibleText(plain(markup));
        l.getProperties().put(MathFlow.class, markup);
    }

    /** What {@code l} shows, as markup (its text when it shows no scripts). */
    static String markupOf(Label l) {
        Object m = l.getProperties().get(MathFlow.class);
        return l.getGraphic() instanceof TextFlow && m != null ? (String) m : l.getText();
    }

    /**
     * A paragraph of {@code markup} that wraps at its width (help, scenario notes). Its colour and
     * size come from the stylesheet ({@code .math-text}: the theme's text colour; scripts at
     * 0.7 em), so it follows the theme and the text size wherever it is shown.
     */
    static TextFlow paragraph(String markup) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("math-paragraph");
        for (MathText.Run r : MathText.runs(markup)) {
            Text t = new Text(r.text());
            t.getStyleClass().add("math-text");
            if (r.script() != 0) {
                t.getStyleClass().add("math-script");
                offBaseline(t, r.script());
            }
            flow.getChildren().add(t);
        }
        flow.setAccessibleText(plain(markup));
        flow.getProperties().put(MathFlow.class, markup);
        return flow;
    }

    /** A list cell that shows its item's text typeset, for choice boxes of Θ_t, Θ_0, … */
    static <T> ListCell<T> cell(Function<T, String> markup) {
        return new ListCell<>() {
            private final Label shown = new Label();

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    shown.textFillProperty().bind(textFillProperty());
                    set(shown, markup.apply(item));
                    setGraphic(shown);
                    setAccessibleText(plain(markup.apply(item)));
                }
            }
        };
    }

    /**
     * Moves a script (already at 70 % of the surrounding size) below or above the baseline by 0.25
     * or 0.38 of the surrounding size, as the charts do; it follows the script's own font.
     */
    private static void offBaseline(Text t, int script) {
        double shift = script < 0 ? 0.25 / 0.7 : -0.38 / 0.7;
        t.translateYProperty().bind(Bindings.createDoubleBinding(() -> shift * t.getFont().getSize(), t.fontProperty()));
    }

    /** {@code base} for normal text, at 70 % for a script. */
    private static Font scaled(Font base, int script) {
        if (script == 0 || base == null) {
            return base;
        }
        return Font.font(base.getFamily(), base.getStyle().contains("Bold") ? FontWeight.BOLD : FontWeight.NORMAL, 0.7 * base.getSize());
    }

    /** The markup without its markers, for screen readers and tooltips: "σ_w" → "σw". */
    static String plain(String markup) {
        StringBuilder b = new StringBuilder();
        for (MathText.Run r : MathText.runs(markup)) {
            b.append(r.text());
        }
        return b.toString();
    }
}
