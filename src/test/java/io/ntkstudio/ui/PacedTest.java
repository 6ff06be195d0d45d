package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacedTest {
    private static final long MS = 1_000_000L;

    /** Values are "kind:number"; a change of kind may not wait. */
    private final List<String> shown = new ArrayList<>();
    private final Paced<String> paced = new Paced<>(100 * MS, (a, b) -> !a.split(":")[0].equals(b.split(":")[0]), shown::add);

    @Test
    void showsAtMostOncePerIntervalAndTheNewestWins() {
        // a frame every 16 ms for one second, a new value at each
        for (int f = 0; f < 63; f++) {
            paced.offer("run:" + f, f * 16 * MS);
            paced.tick(f * 16 * MS);
        }
        // shown at 0, then at the first frame at least 100 ms after the last showing: every 7th
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < 63; f += 7) {
            expected.add("run:" + f);
        }
        assertEquals(expected, shown);
    }

    @Test
    void theLastValueOfferedIsShownAtMostOneIntervalLateWithoutAnotherOffer() {
        paced.offer("run:1", 0);
        paced.offer("run:2", 10 * MS);
        paced.tick(50 * MS);
        assertEquals(List.of("run:1"), shown);
        paced.tick(100 * MS);
        assertEquals(List.of("run:1", "run:2"), shown);
        paced.tick(500 * MS);
        assertEquals(2, shown.size(), "nothing shown twice");
    }

    @Test
    void aChangeOfKindIsShownAtOnce() {
        paced.offer("run:1", 0);
        paced.offer("run:2", 5 * MS);
        paced.offer("finished:3", 10 * MS);
        assertEquals(List.of("run:1", "finished:3"), shown);
        paced.tick(200 * MS);
        assertEquals(2, shown.size(), "the held value was replaced by the newer one shown");
    }

    @Test
    void droppedValuesNeverReplaceAMessageShownSince() {
        paced.offer("run:1", 0);
        paced.offer("run:2", 5 * MS);
        paced.drop();
        paced.tick(300 * MS);
        assertEquals(List.of("run:1"), shown);
        // after a drop the next value is shown at once, as the first of a new run
        paced.offer("run:0", 310 * MS);
        assertEquals(List.of("run:1", "run:0"), shown);
    }
}
