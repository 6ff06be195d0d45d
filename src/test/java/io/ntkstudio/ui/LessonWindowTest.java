package io.ntkstudio.ui;

import static io.ntkstudio.ui.FxWait.fx;
import static io.ntkstudio.ui.FxWait.settle;
import static io.ntkstudio.ui.FxWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.figure.HeatmapMode;
import io.ntkstudio.figure.Lesson;
import io.ntkstudio.figure.LessonJson;
import io.ntkstudio.figure.PanelSplit;
import io.ntkstudio.figure.Staging;
import io.ntkstudio.figure.Views;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lessons in the window as a lecturer uses them, on a 1280 × 720 projector: each opens fresh, its
 * note sits above the views and never over them, it shows what its note names, compare mode
 * opens once, presenter mode, the keys, and lesson files opened, saved and refused.
 */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest {
    private StudioModel model;
    private StudioWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        Headless.quietJavaFxLogging();
        this.stage = stage;
        model = new StudioModel(StudioWindowTest.small(), Path.of("."));
        window = new StudioWindow(model);
        stage.setScene(new Scene(window, 1280, 720));
        stage.show();
        model.start();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.compares.close();
            model.shutdown();
        }).get(10, TimeUnit.SECONDS);
    }

    private void firstSnapshot() {
        waitFor("the first snapshot", () -> model.snapshotProperty().get() != null && model.setupProperty().get() == null);
    }

    private long step() throws Exception {
        return fx(() -> model.snapshotProperty().get() == null ? -1 : model.snapshotProperty().get().step());
    }

    private static Bounds inScene(Node n) throws Exception {
        return fx(() -> n.localToScene(n.getBoundsInLocal()));
    }

    @Test
    void openingALessonAlwaysStartsItFreshEvenOnTheSameNetwork(FxRobot robot) throws Exception {
        firstSnapshot();
        // the default experiment, then part 2 on the same network: a fresh start, not the old run continued
        fx(() -> window.lessons.open(Lesson.plain(ExperimentSpec.defaults()), null));
        firstSnapshot();
        fx(() -> model.play());
        waitFor("some steps of the default", () -> model.snapshotProperty().get().step() > 30);
        int generation = fx(() -> model.generationProperty().get());
        fx(() -> window.lessons.openBuiltIn("large-learning-rates-2.ntk"));
        waitFor("part 2 from step 0", () -> model.generationProperty().get() > generation && model.snapshotProperty().get() != null
                && model.snapshotProperty().get().context().spec().training().learningRate() == 2.34);
        assertEquals(0, step());
        assertFalse(fx(() -> model.playingProperty().get()), "a lesson opens paused: Press Play");
        // part 1 run to its end, then part 2: fresh, and Play plays
        fx(() -> window.lessons.openBuiltIn("large-learning-rates-1.ntk"));
        firstSnapshot();
        fx(() -> {
            model.setStepsPerSecond(0);
            model.play();
        });
        waitFor("part 1 at its end", 60, () -> model.engineStatus() == RunStatus.FINISHED && model.snapshotProperty().get().step() == 400);
        fx(() -> window.lessons.nextPart());
        waitFor("part 2 from step 0", () -> model.snapshotProperty().get().step() == 0
                && model.snapshotProperty().get().context().spec().training().learningRate() == 2.34);
        fx(() -> model.play());
        waitFor("Play plays part 2", () -> model.snapshotProperty().get().step() > 2);
        // and part 2 → part 3 starts part 3 at step 0, not part 2's run at η = 8
        fx(() -> window.lessons.nextPart());
        waitFor("part 3 from step 0", () -> model.snapshotProperty().get().context().spec().training().learningRate() == 8
                && model.snapshotProperty().get().step() == 0);
        assertNull(fx(() -> window.lessons.lesson().next()), "part 3 is the last");
    }

    @Test
    void theNoteSitsAboveTheViewsWholeAndReadableAtEveryTextSize() throws Exception {
        firstSnapshot();
        fx(() -> window.lessons.openBuiltIn("large-learning-rates-2.ntk"));
        firstSnapshot();
        for (double scale : new double[] {1.0, 2.0}) {
            fx(() -> model.textScaleProperty().set(scale));
            settle();
            Bounds bar = inScene(window.lessonBar);
            assertTrue(fx(() -> window.lessonBar.isVisible()), "the note shows");
            // nothing of the views under it: every title bar and the page bar start below the note
            for (PlotView v : fx(() -> window.dashboard.views().stream().filter(p -> p.getScene() != null).toList())) {
                Bounds header = inScene(v.header);
                assertTrue(header.getMinY() >= bar.getMaxY() - 0.5, v.name() + "'s title bar at " + header.getMinY()
                        + " under the note ending at " + bar.getMaxY() + ", text " + scale);
            }
            Bounds dash = inScene(window.dashboard);
            assertTrue(dash.getMinY() >= bar.getMaxY() - 0.5, "the dashboard starts below the note");
            // the note's first line is in view, and the rest can be scrolled to: nothing cut off
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) fx(() -> window.lessonBar.lookup("#lesson-note-scroll"));
            double noteHeight = fx(() -> window.lessonBar.note().getBoundsInLocal().getHeight());
            double viewport = fx(() -> scroll.getViewportBounds().getHeight());
            assertEquals(0, fx(scroll::getVvalue), 0.0, "the note starts at its top");
            assertTrue(viewport >= Math.min(noteHeight, 60) - 1, "at least its first lines are in view: " + viewport + " of " + noteHeight);
            assertTrue(bar.getMaxY() - bar.getMinY() <= fx(() -> window.getHeight()) / 3 + 40, "the note leaves the views most of the room");
            assertTrue(noteHeight <= viewport + 1 || fx(() -> scroll.getVmax() > 0), "a taller note scrolls");
        }
        // N hides it, N shows it again
        fx(() -> window.lessons.showNote(false));
        assertFalse(fx(() -> window.lessonBar.isVisible() || window.lessonBar.isManaged()));
        fx(() -> model.textScaleProperty().set(1.0));
    }

    /** Whether {@code v}'s chart, at its size on screen, draws its second panel. */
    private boolean drawsSecondPanel(PlotView v) throws Exception {
        return fx(() -> {
            double z = model.textScaleProperty().get();
            return PanelSplit.of(v.pictureWidth() / z, v.pictureHeight() / z, v.bothPanels()).both();
        });
    }

    @Test
    void theLargeRateLessonsShowTheTopEigenvaluesTheirNotesNameInTheGridMaximisedAndOnTheSlide() throws Exception {
        firstSnapshot();
        for (String part : List.of("large-learning-rates-1.ntk", "large-learning-rates-2.ntk", "large-learning-rates-3.ntk")) {
            fx(() -> window.lessons.openBuiltIn(part));
            firstSnapshot();
            PlotView spectrum = window.dashboard.view("spectrum");
            if (!part.endsWith("1.ntk")) {
                // η above 2n/λ_max: the panel's warning is red in the light theme (it was the hints' grey)
                waitFor("the warning", () -> window.config.stableLimit.getStyleClass().contains("warning"));
                settle();
                assertEquals(javafx.scene.paint.Color.web("#b00020"), fx(() -> window.config.stableLimit.getTextFill()));
            }
            for (double scale : new double[] {1.0, 2.0}) {
                fx(() -> model.textScaleProperty().set(scale));
                settle();
                assertTrue(fx(() -> spectrum.getScene() != null && spectrum.isVisible()), part + ": the spectrum is on show at " + scale);
                assertTrue(drawsSecondPanel(spectrum), part + ": the top eigenvalues against 2n/η in the grid at " + scale);
                fx(() -> window.dashboard.toggle(spectrum));
                settle();
                assertTrue(drawsSecondPanel(spectrum), part + ": and maximised at " + scale);
                fx(() -> window.dashboard.restore());
            }
        }
        fx(() -> model.textScaleProperty().set(1.0));
        // the six-view slide paints the spectrum as the view is set: with the 2n/η panel
        Path slide = dir.resolve("slide.png");
        fx(() -> {
            try {
                window.export.slidePng(slide, 1920, 1080);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(slide.toFile());
        io.ntkstudio.figure.ChartInputs in = fx(() -> model.chartInputs(window.dashboard.view("spectrum")));
        java.awt.image.BufferedImage without = io.ntkstudio.figure.FigureSet.dashboard(in.withBothPanels(false), k -> in.view().withBothPanels(false),
                model.themeProperty().get(), Views.ALL, 1920, 1080, 1.5);
        // the spectrum is the fourth view: the lower-left cell
        int differ = 0;
        for (int y = 560; y < 1080; y += 3) {
            for (int x = 0; x < 640; x += 3) {
                differ += img.getRGB(x, y) != without.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differ > 500, "the slide's spectrum has its second panel: " + differ + " pixels differ from one without");
    }

    @Test
    void compareLessonsReplaceTheCompareWindowAndItsViewsMaximise(FxRobot robot) throws Exception {
        firstSnapshot();
        CompareWindow first = fx(() -> window.lessons.openBuiltIn("lazy-by-scaling.ntk"));
        waitFor("A and B", () -> first.controller.a.snapshotProperty().get() != null && first.controller.b.snapshotProperty().get() != null);
        CompareWindow second = fx(() -> window.lessons.openBuiltIn("lazy-vs-feature.ntk"));
        assertNotNull(second);
        long compares = fx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene().getRoot() instanceof CompareWindow).count());
        assertEquals(1, compares, "one compare window, not one per lesson");
        assertTrue(fx(() -> first.getScene().getWindow() == null || !first.getScene().getWindow().isShowing()), "the first one closed");
        assertTrue(fx(first.controller::isShutDown), "its runs stopped");
        waitFor("A and B", () -> second.controller.a.snapshotProperty().get() != null && second.controller.b.snapshotProperty().get() != null);
        // maximise: ⤢ fills the window with the view, Esc brings the grid back; in the overlay too
        for (boolean overlaid : new boolean[] {false, true}) {
            fx(() -> second.bar.overlay.setSelected(overlaid));
            settle();
            PlotView v = overlaid ? second.overlayViews.get(0) : second.views.get(1);
            fx(() -> second.toggleMaximise(v));
            settle();
            assertEquals(v, fx(second::maximisedView));
            assertEquals(v, fx(second::centerContent), "the view alone fills the window");
            assertTrue(fx(() -> v.getWidth()) > 0.9 * fx(second::getWidth), "at the window's width");
            robot.clickOn(v.holder);
            robot.type(KeyCode.ESCAPE);
            settle();
            assertNull(fx(second::maximisedView), "Esc restores");
            assertTrue(fx(() -> v.getParent() != null && v.getWidth() < 0.8 * second.getWidth()), "back in its place");
        }
        fx(() -> second.bar.overlay.setSelected(false));
    }

    @Test
    void compareModeSaysWhenTheStepsDifferTakesBsOutputScaleAndConfirmsItsExport() throws Exception {
        firstSnapshot();
        ExperimentSpec a = StudioWindowTest.small().withTraining(new TrainingSpec(0.3, 30, 5));
        CompareWindow compare = fx(() -> window.compares.open(a, a.withNetwork(a.network().withWidth(96)), null));
        CompareController c = compare.controller;
        waitFor("A and B", () -> c.a.snapshotProperty().get() != null && c.b.snapshotProperty().get() != null);
        fx(c::togglePlay);
        waitFor("both at their budget", () -> CompareController.step(c.a) == 30 && CompareController.step(c.b) == 30);
        assertFalse(fx(() -> compare.bar.stepsDiffer.isVisible()), "no note while they are together");
        // B's width changed: B restarts alone, and the bar says so
        fx(() -> {
            compare.bar.widthB.field().setText("48");
            compare.bar.widthB.commit();
        });
        waitFor("B restarted", () -> c.b.specProperty().get().network().width() == 48 && CompareController.step(c.b) == 0);
        waitFor("the note", () -> compare.bar.stepsDiffer.isVisible());
        String said = fx(() -> compare.bar.stepsDiffer.getText());
        assertTrue(said.contains("A is at step 30") && said.contains("B at step 0") && said.contains("Reset both"), said);
        fx(c::reset);
        waitFor("the note goes", () -> !compare.bar.stepsDiffer.isVisible());
        // B's output scale α
        fx(() -> {
            compare.bar.scaleB.field().setText("10");
            compare.bar.scaleB.commit();
        });
        waitFor("B at α = 10", () -> c.b.specProperty().get().network().outputScale() == 10);
        // the export says where the slide went
        Path slide = dir.resolve("compare.png");
        fx(() -> compare.exportSlide(slide, 1280, 720));
        assertTrue(Files.size(slide) > 0);
        assertTrue(fx(() -> compare.bar.message.getText()).contains(slide.toString()), fx(() -> compare.bar.message.getText()));
    }

    @Test
    void theSpeedListStaysInOrderAndSelectorsShrinkBackAfterLargeText() throws Exception {
        firstSnapshot();
        double before = fx(() -> window.transport.speed.getWidth());
        double modeBefore = fx(() -> ((javafx.scene.layout.Region) window.lookup("#heatmap-mode")).getWidth());
        fx(() -> model.textScaleProperty().set(2.0));
        settle();
        fx(() -> model.textScaleProperty().set(1.0));
        settle();
        assertEquals(before, fx(() -> window.transport.speed.getWidth()), 4, "the speed box after 200 % and back");
        assertEquals(modeBefore, fx(() -> ((javafx.scene.layout.Region) window.lookup("#heatmap-mode")).getWidth()), 4,
                "the heatmap's mode after 200 % and back");
        fx(() -> window.lessons.openBuiltIn("large-learning-rates-2.ntk"));
        List<Double> speeds = fx(() -> window.transport.speed.getItems().stream().skip(1).map(TransportBar::parseSpeed).toList());
        for (int i = 1; i < speeds.size(); i++) {
            assertTrue(speeds.get(i) < speeds.get(i - 1), "fastest first: " + fx(() -> window.transport.speed.getItems()));
        }
        assertEquals("5 steps/s", fx(() -> window.transport.speed.getValue()));
    }

    @Test
    void presenterModeTheKeysAndTheCheatSheet(FxRobot robot) throws Exception {
        firstSnapshot();
        fx(() -> window.lessons.openBuiltIn("large-learning-rates-2.ntk"));
        firstSnapshot();
        // the lesson shows the spectrum's page when the grid is cramped: go to the function's page to click it
        PlotView function = window.dashboard.view("function");
        fx(() -> window.dashboard.reveal(function));
        settle();
        assertTrue(fx(() -> function.getScene() != null), "the function view on screen");
        robot.clickOn(function.holder);
        robot.type(KeyCode.F5);
        settle();
        assertTrue(fx(() -> window.presenter.on()));
        assertTrue(fx(() -> model.textScaleProperty().get()) >= Presenter.TEXT, "large text");
        assertFalse(fx(window::sidePanelShown), "the panel hidden");
        assertTrue(fx(() -> window.lessonBar.isVisible()), "the note as a caption");
        assertTrue(fx(() -> window.dashboard.paged()), "one view a page");
        PlotView spectrum = window.dashboard.view("spectrum");
        PlotView losses = window.dashboard.view("losses");
        for (PlotView v : List.of(spectrum, losses)) {
            fx(() -> window.dashboard.reveal(v));
            settle();
            assertTrue(fx(() -> v.getScene() != null), v.name() + " on its page");
            assertEquals(1, fx(() -> window.dashboard.views().stream().filter(p -> p.getScene() != null).count()), "one view a page");
            assertTrue(drawsSecondPanel(v), v.name() + " shows its second panel in presenter mode");
        }
        robot.type(KeyCode.N);
        assertFalse(fx(() -> window.lessonBar.isVisible()), "N hides the caption");
        robot.type(KeyCode.N);
        assertTrue(fx(() -> window.lessonBar.isVisible()), "N shows it");
        robot.type(KeyCode.ESCAPE);
        settle();
        assertFalse(fx(() -> window.presenter.on()), "Esc leaves presenter mode");
        assertEquals(1.0, fx(() -> model.textScaleProperty().get()), 0.0, "the text size as it was");
        assertTrue(fx(window::sidePanelShown), "the panel back");
        assertFalse(fx(() -> window.dashboard.paged()), "the grid back");
        robot.type(KeyCode.F9);
        assertFalse(fx(window::sidePanelShown), "F9 hides the panel");
        robot.type(KeyCode.F9);
        assertTrue(fx(window::sidePanelShown), "F9 shows it");
        robot.type(KeyCode.F11);
        waitFor("full screen", () -> stage.isFullScreen());
        robot.type(KeyCode.ESCAPE);
        waitFor("Esc leaves full screen", () -> !stage.isFullScreen());
        // ? shows the cheat-sheet: one row a key of the table
        fx(() -> window.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "?", "?", KeyCode.SLASH,
                true, false, false, false)));
        waitFor("the cheat-sheet", () -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null && w.getScene().lookup("#shortcuts") != null));
        javafx.scene.layout.GridPane table = fx(() -> (javafx.scene.layout.GridPane) Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#shortcuts") != null).findFirst().orElseThrow()
                .getScene().lookup("#shortcuts"));
        assertEquals(2 * Shortcuts.ALL.size(), fx(() -> table.getChildren().size()));
        fx(() -> Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().lookup("#shortcuts") != null)
                .toList().forEach(Window::hide));
    }

    @Test
    void theStartPageListsEveryLessonWithItsTimeTheSlowLastReadableOnAProjector() throws Exception {
        firstSnapshot();
        fx(() -> model.textScaleProperty().set(2.0));
        fx(window::showStartPage);
        settle();
        List<BuiltInLessons.Entry> all = BuiltInLessons.all();
        assertTrue(all.get(all.size() - 1).slow() && all.stream().dropWhile(e -> !e.slow()).allMatch(BuiltInLessons.Entry::slow),
                "the slow lessons come last");
        javafx.scene.control.ScrollPane list = (javafx.scene.control.ScrollPane) fx(() -> window.lookup("#start-lessons"));
        Bounds viewport = inScene(list);
        int whole = 0;
        for (BuiltInLessons.Entry e : all) {
            javafx.scene.control.Button b = (javafx.scene.control.Button) fx(() -> window.lookup("#start-lesson-" + e.file().replace(".ntk", "")));
            assertNotNull(b, e.file());
            assertTrue(fx(() -> b.getFont().getSize()) >= 13 * 2 - 0.5, "the page's text is the window's: " + fx(() -> b.getFont().getSize()));
            // never cut: a title wraps instead of ending in an ellipsis
            assertFalse(fx(() -> b.lookup(".text") instanceof javafx.scene.text.Text t && t.getText().endsWith("…")), e.file() + " cut");
            Bounds at = inScene(b);
            whole += at.getMinY() >= viewport.getMinY() - 0.5 && at.getMaxY() <= viewport.getMaxY() + 0.5 ? 1 : 0;
        }
        assertTrue(whole >= 3, "at least three whole lessons in view at 200 % on 1280 × 720: " + whole);
        fx(window::hideStartPage);
        fx(() -> model.textScaleProperty().set(1.0));
    }

    @Test
    void aSlowSetUpShowsItsProgressAndCancelGoesBack(FxRobot robot) throws Exception {
        firstSnapshot();
        ExperimentSpec before = fx(() -> model.specProperty().get());
        // ten networks 1024 wide: a set-up of several seconds on two cores
        ExperimentSpec slow = StudioWindowTest.small().withNetwork(StudioWindowTest.small().network().withWidth(1024).withDepth(3))
                .withTraining(new TrainingSpec(0.3, 100, 5).withMembers(10));
        fx(() -> window.lessons.open(Lesson.plain(slow), null));
        waitFor("the progress", () -> window.setup.isVisible());
        waitFor("a network counted", () -> model.setupProperty().get() != null && model.setupProperty().get().what().startsWith("network "));
        String line = fx(() -> ((javafx.scene.control.Label) window.setup.lookup("#setup-what-0")).getText());
        assertTrue(line.matches("network \\d+ of 10.*"), line);
        robot.clickOn("#setup-cancel");
        waitFor("back to the experiment before", () -> model.specProperty().get().equals(before) && model.snapshotProperty().get() != null
                && model.snapshotProperty().get().context().spec().equals(before) && !window.setup.isVisible());
    }

    @Test
    void lessonFilesOpenAndSaveWithTheirNextPartAndABadOneIsRefusedInOneLine() throws Exception {
        firstSnapshot();
        ExperimentSpec a = StudioWindowTest.small();
        Lesson two = new Lesson("Part two", "the second", a.withNetwork(a.network().withWidth(40)), null, Staging.DEFAULT, null);
        Lesson one = new Lesson("Part one", "watch Θ_t", a, null,
                new Staging(10, Views.SLICE, HeatmapMode.CHANGE, List.of(Views.SPECTRUM), false), "part-2.ntk");
        Files.writeString(dir.resolve("part-1.ntk"), LessonJson.format(one));
        Files.writeString(dir.resolve("part-2.ntk"), LessonJson.format(two));
        fx(() -> window.lessons.openFile(dir.resolve("part-1.ntk")));
        firstSnapshot();
        assertEquals(one, fx(window.lessons::lesson));
        assertEquals(Views.SLICE, fx(() -> window.dashboard.maximised().kind()), "the view it maximises");
        assertEquals(HeatmapMode.CHANGE, fx(() -> window.dashboard.view("heatmap").mode()));
        assertTrue(fx(() -> window.dashboard.view("spectrum").bothPanels()));
        assertEquals(10, fx(() -> model.speedProperty().get()), 0.0);
        // saved as it is now, it reads back as the same lesson
        Lesson saved = fx(() -> LessonSaver.lessonOf(window, "Part one", "watch Θ_t"));
        assertEquals(one, saved);
        Path again = dir.resolve("again.ntk");
        fx(() -> LessonSaver.save(window, saved, again));
        assertEquals(one, LessonJson.read(again));
        fx(() -> window.lessons.nextPart());
        firstSnapshot();
        assertEquals("Part two", fx(() -> window.lessons.lesson().title()));
        assertEquals(40, fx(() -> model.specProperty().get().network().width()));
        // a lesson from a newer program: one line, and what is on show stays
        Files.writeString(dir.resolve("newer.ntk"), "{\"ntkLesson\": 7, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}}");
        fx(() -> window.lessons.openFile(dir.resolve("newer.ntk")));
        String said = fx(() -> model.notificationProperty().get());
        assertTrue(said.contains("written by a newer NTK Studio") && !said.contains("\n"), said);
        assertEquals("Part two", fx(() -> window.lessons.lesson().title()), "the lesson on show stays");
        // a compare lesson saved with compare mode open holds B
        CompareWindow compare = fx(() -> window.compares.open(a, a.withNetwork(a.network().withWidth(80)), null));
        Lesson withB = fx(() -> LessonSaver.lessonOf(window, "A and B", "note"));
        assertEquals(80, withB.compare().network().width());
        assertEquals(withB, LessonJson.parse(LessonJson.format(withB), "again"));
        fx(() -> compare.getScene().getWindow().hide());
    }

    /** The views a note names, by the words it names them with. */
    private static List<io.ntkstudio.figure.ViewKind> named(String note) {
        List<io.ntkstudio.figure.ViewKind> kinds = new java.util.ArrayList<>();
        String n = note.toLowerCase(java.util.Locale.ROOT);
        if (n.contains("kernel slice")) {
            kinds.add(Views.SLICE);
        }
        if (n.contains("residual-modes view")) {
            kinds.add(Views.MODES);
        }
        if (n.contains("spectrum view") || n.contains("2n/η line")) {
            kinds.add(Views.SPECTRUM);
        }
        if (n.contains("loss")) {
            kinds.add(Views.LOSSES);
        }
        if (n.contains("kernel-regime line") || n.contains("thin lines") || n.contains("function") || n.contains("(dashed)")) {
            kinds.add(Views.FUNCTION);
        }
        return kinds;
    }

    static List<String> builtInLessons() {
        return BuiltInLessons.all().stream().map(BuiltInLessons.Entry::file).toList();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("builtInLessons")
    void everyBuiltInLessonShowsWhatItsNoteNames(String file) throws Exception {
        firstSnapshot();
        Lesson lesson = BuiltInLessons.load(file);
        CompareWindow compare = fx(() -> window.lessons.openBuiltIn(file));
        assertEquals(lesson.compares(), compare != null, file + " opens compare mode exactly when it compares");
        if (BuiltInLessons.entry(file).slow()) {
            // too slow to build in a test (minutes): what it shows first is its set-up's progress, which can be cancelled
            waitFor("the set-up's progress", () -> compare.setup.isVisible());
            assertTrue(fx(() -> compare.lessonBar.isVisible()), "its note");
            return;
        }
        List<PlotView> views = compare != null ? compare.views : window.dashboard.views();
        if (compare != null) {
            // on the projector's 1280 × 720, as the main window is
            fx(() -> {
                Stage st = (Stage) compare.getScene().getWindow();
                st.setWidth(1280);
                st.setHeight(720);
            });
        }
        waitFor(file + "'s first pictures", 120, () -> views.stream().allMatch(v -> v.draws() > 0 || v.getScene() == null)
                && (compare == null ? model.snapshotProperty().get() != null
                : compare.controller.a.snapshotProperty().get() != null && compare.controller.b.snapshotProperty().get() != null));
        settle();
        String note = lesson.note();
        if (note.contains("width sweep")) {
            assertTrue(fx(() -> window.lookup("#menu-bar") instanceof javafx.scene.control.MenuBar bar && bar.getMenus().stream()
                    .flatMap(m -> m.getItems().stream()).anyMatch(i -> i.getText() != null && i.getText().startsWith("Width sweep")
                            && !i.isDisable())), "the Run menu's width sweep, which the note names");
        }
        for (io.ntkstudio.figure.ViewKind kind : named(note)) {
            List<PlotView> shown = fx(() -> views.stream().filter(v -> v.kind() == kind && v.getScene() != null && v.isVisible()
                    && v.getWidth() > 100 && v.getHeight() > 100).toList());
            assertFalse(shown.isEmpty(), file + ": the note names the " + kind.id() + " view, and it is on show");
            for (PlotView v : shown) {
                assertTrue(fx(v::draws) > 0, file + ": " + kind.id() + " drawn");
                if (kind == Views.SPECTRUM && note.contains("2n/η line")) {
                    assertTrue(drawsSecondPanel(v), file + ": the top eigenvalues against 2n/η, which the note names");
                }
            }
        }
        if (compare != null) {
            assertTrue(fx(() -> compare.lessonBar.isVisible()), file + ": its note in compare mode");
        }
    }
}
