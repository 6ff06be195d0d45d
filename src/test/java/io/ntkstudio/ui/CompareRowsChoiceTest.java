package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.figure.Lesson;
import io.ntkstudio.figure.LessonJson;
import io.ntkstudio.figure.ViewKind;
import io.ntkstudio.figure.Views;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compare mode shows what a lesson's note asks to watch: the view it maximises is one of the rows. */
class CompareRowsChoiceTest {
    @ParameterizedTest
    @ValueSource(strings = {"momentum-rings.ntk", "minibatch-noise.ntk", "lazy-by-scaling.ntk", "lazy-vs-feature.ntk",
        "jacot-figure2.ntk", "many-random-networks.ntk"})
    void theLessonsViewIsAmongTheRows(String file) {
        Lesson lesson = LessonJson.read(Path.of("assets/lessons", file));
        List<ViewKind> rows = CompareWindow.rows(lesson);
        assertEquals(3, rows.size());
        assertTrue(rows.contains(Views.FUNCTION) && rows.contains(Views.LOSSES), rows.toString());
        ViewKind watched = lesson.staging().maximise();
        assertTrue(watched == null || rows.contains(watched), file + " maximises " + watched + " but compare shows " + rows);
    }
}
