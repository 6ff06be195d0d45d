package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartTheme;
import java.util.Locale;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The studio's menu bar: File, Run, View (one item per view, from the window's list), Lessons
 * and Help, each item with its shortcut, acting on the window.
 */
final class StudioMenus {
    private StudioMenus() {
    }

    static MenuBar build(StudioWindow w) {
        StudioModel model = w.model;
        Dashboard dashboard = w.dashboard;
        MenuItem open = item("Open lesson or experiment…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), w::open);
        MenuItem save = item("Save experiment as…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), w::save);
        MenuItem saveLesson = item("Save as lesson…", null, () -> LessonSaver.ask(w));
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            Window win = w.getScene() == null ? null : w.getScene().getWindow();
            if (win != null) {
                win.hide();
            }
        });
        Menu exportWindow = new Menu("Export window as PNG");
        for (int k = 1; k <= 3; k++) {
            int scale = k;
            exportWindow.getItems().add(item("at " + k + "×…", k == 2 ? new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN) : null,
                    () -> w.export.askWindow(scale)));
        }
        exportWindow.getItems().add(new SeparatorMenuItem());
        for (int[] size : ViewActions.SLIDES) {
            // the six views as one slide, painted at the slide's resolution, as `render --size` does
            exportWindow.getItems().add(item(String.format(Locale.ROOT, "the views as a %d × %d slide (%s)…", size[0], size[1],
                    size[0] * 9 == size[1] * 16 ? "16:9" : "4:3"), null, () -> w.export.askSlide(size[0], size[1])));
        }
        exportWindow.getItems().add(item("the views at a size you type…", null, () -> ViewActions.askSize(
                w.getScene() == null ? null : w.getScene().getWindow(), model::notify).ifPresent(s -> w.export.askSlide(s[0], s[1]))));
        exportWindow.getItems().addAll(new SeparatorMenuItem(), w.export.caption);
        w.recentMenu.setOnShowing(e -> w.fillRecent());
        Menu file = new Menu("File", null, open, w.recentMenu, save, saveLesson, new SeparatorMenuItem(),
                w.sharing.copyItem(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
                w.sharing.pasteItem(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
                new SeparatorMenuItem(), exportWindow, new SeparatorMenuItem(), quit);
        MenuItem cancelSweep = item("Cancel the width sweep", null, w.sweeps::cancel);
        cancelSweep.disableProperty().bind(w.sweeps.runningProperty().not());
        MenuItem startSweep = item("Width sweep: kernel change against width, ntk and μP", null, w::sweep);
        startSweep.disableProperty().bind(w.sweeps.runningProperty());
        Menu run = new Menu("Run", null,
                item("Play / Pause   (Space)", null, model::togglePlay),
                item("Step   (S)", null, model::step),
                item("Reset   (R)", null, model::reset),
                new SeparatorMenuItem(), startSweep, cancelSweep);
        Menu view = new Menu("View");
        for (int i = 0; i < dashboard.views().size(); i++) {
            PlotView v = dashboard.views().get(i);
            view.getItems().add(item("Maximise " + v.kind().title(), i < 9 ? new KeyCodeCombination(
                    KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN) : null, () -> dashboard.toggle(v)));
        }
        view.getItems().add(item("Show all views   (Esc)", null, dashboard::restore));
        view.getItems().add(new SeparatorMenuItem());
        view.getItems().add(item("Larger text", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> w.scaleText(0.25)));
        view.getItems().add(item("Smaller text", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> w.scaleText(-0.25)));
        view.getItems().add(item("Text at 100 %", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                () -> model.textScaleProperty().set(1.0)));
        // F9, F11 and F5 are the window's own keys (an accelerator does not toggle a check item):
        // the items act on click and show the state when the menu opens
        CheckMenuItem hide = new CheckMenuItem("Hide the configuration panel   (F9)");
        hide.setOnAction(e -> w.showSidePanel(!hide.isSelected()));
        CheckMenuItem full = new CheckMenuItem("Full screen   (F11)");
        full.setOnAction(e -> w.fullScreen(full.isSelected()));
        CheckMenuItem present = new CheckMenuItem("Presenter mode   (F5)");
        present.setOnAction(e -> {
            if (present.isSelected() != w.presenter.on()) {
                w.presenter.toggle();
            }
        });
        view.setOnShowing(e -> {
            hide.setSelected(!w.sidePanelShown());
            full.setSelected(w.fullScreen());
            present.setSelected(w.presenter.on());
        });
        view.getItems().addAll(hide, full, present);
        Menu themes = new Menu("Theme");
        ToggleGroup group = new ToggleGroup();
        for (ChartTheme t : ChartTheme.values()) {
            RadioMenuItem item = new RadioMenuItem(
                    switch (t) {
                        case LIGHT -> "Light";
                        case HIGH_CONTRAST -> "High contrast (projectors)";
                        case DARK -> "Dark";
                    });
            item.setToggleGroup(group);
            item.setSelected(t == model.themeProperty().get());
            item.setOnAction(e -> model.themeProperty().set(t));
            themes.getItems().add(item);
        }
        view.getItems().add(themes);
        view.getItems().addAll(new SeparatorMenuItem(), item("Compare two runs side by side…",
                new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> w.compares.open()));
        Menu lessons = new Menu("Lessons");
        lessons.getItems().addAll(item("Start page…", null, w::showStartPage), new SeparatorMenuItem());
        for (BuiltInLessons.Entry entry : BuiltInLessons.all()) {
            lessons.getItems().add(item(entry.lesson().title() + "   (" + entry.runningTime() + ")", null,
                    () -> w.lessons.open(entry.lesson(), null)));
        }
        MenuItem next = item("Next part of the lesson", null, w.lessons::nextPart);
        MenuItem note = item("Show or hide the note   (N)", null, () -> w.lessons.showNote(!w.lessons.noteShown()));
        lessons.setOnShowing(e -> {
            next.setDisable(w.lessons.lesson() == null || w.lessons.lesson().next() == null);
            note.setDisable(w.lessons.lesson() == null);
        });
        lessons.getItems().addAll(new SeparatorMenuItem(), next, note);
        Menu help = new Menu("Help", null,
                item("Keyboard shortcuts   (?)", null, () -> Shortcuts.show(w.getScene() == null ? null : w.getScene().getWindow())),
                item("About NTK Studio", null, () -> ExperimentSharing.showAbout(w.getScene() == null ? null : w.getScene().getWindow())));
        MenuBar bar = new MenuBar(file, run, view, lessons, help);
        bar.setId("menu-bar");
        return bar;
    }

    static MenuItem item(String text, KeyCombination accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accel != null) {
            m.setAccelerator(accel);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

}
