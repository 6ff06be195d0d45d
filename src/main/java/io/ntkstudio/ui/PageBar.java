package io.ntkstudio.ui;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/**
 * A bar of pages, one toggle button each, the page on show selected: the dashboard's pages of two
 * views and compare mode's rows, when the text is too large for all at once. Button i has the id
 * {@code idPrefix + i}; choosing it calls {@code onChoose} with i.
 */
final class PageBar extends HBox {
    private final ToggleGroup pages = new ToggleGroup();

    PageBar(String id, String idPrefix, List<String> names, Insets padding, IntConsumer onChoose) {
        super(6);
        setId(id);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(padding);
        for (int p = 0; p < names.size(); p++) {
            ToggleButton b = new ToggleButton(names.get(p));
            b.setToggleGroup(pages);
            b.setId(idPrefix + p);
            int shown = p;
            b.setOnAction(e -> onChoose.accept(shown));
            getChildren().add(b);
        }
    }

    /** Shows page {@code p} as the one on show. */
    void select(int p) {
        pages.selectToggle((ToggleButton) getChildren().get(p));
    }
}
