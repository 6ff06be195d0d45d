package io.ntkstudio.ui;

import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The studio's keys ({@link Shortcuts} lists them): function keys always, letters and the rest
 * unless the person is typing in a field.
 */
final class WindowKeys {
    private WindowKeys() {
    }

    static void install(StudioWindow w) {
        w.addEventFilter(KeyEvent.KEY_PRESSED, e -> handle(w, e));
    }

    private static void handle(StudioWindow w, KeyEvent e) {
        // function keys act even from a field: nobody types them
        boolean function = switch (e.getCode()) {
            case F5 -> {
                w.presenter.toggle();
                yield true;
            }
            case F9 -> {
                w.showSidePanel(!w.sidePanelShown());
                yield true;
            }
            case F11 -> {
                w.fullScreen(!w.fullScreen());
                yield true;
            }
            default -> false;
        };
        if (function) {
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown() || w.getScene() != null && w.getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if ("?".equals(e.getText())) {
            Shortcuts.show(w.getScene() == null ? null : w.getScene().getWindow());
            e.consume();
            return;
        }
        if (letter(w, e.getCode())) {
            e.consume();
        }
    }

    /** Acts on {@code key}; false if it is not one of the window's. */
    private static boolean letter(StudioWindow w, KeyCode key) {
        switch (key) {
            case SPACE -> w.model.togglePlay();
            case S -> w.model.step();
            case R -> w.model.reset();
            case LEFT -> w.timeline.move(-1);
            case RIGHT -> w.timeline.move(1);
            case HOME -> w.timeline.first();
            case PAGE_DOWN -> w.dashboard.turnPage(1);
            case PAGE_UP -> w.dashboard.turnPage(-1);
            case END -> w.model.showLive();
            case N -> w.lessons.toggleNote();
            case ESCAPE -> {
                // one thing at a time: out of full screen, out of presenter mode, then the start page or a maximised view
                if (w.fullScreen()) {
                    w.fullScreen(false);
                } else if (w.presenter.on()) {
                    w.presenter.toggle();
                } else {
                    w.hideStartPage();
                    w.dashboard.restore();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
