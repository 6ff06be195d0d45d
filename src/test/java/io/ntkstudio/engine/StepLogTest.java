package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepLogTest {
    private static double[] row(long step, int columns) {
        double[] r = new double[columns];
        for (int c = 0; c < columns; c++) {
            r[c] = step * 10.0 + c;
        }
        return r;
    }

    @Test
    void keepsEveryStepUntilFullThenEvenlySpreadRowsInConstantMemory() {
        StepLog log = new StepLog(2);
        int columns = 6;
        long steps = 3 * StepLog.CAPACITY + 5;
        StepLogView early = null;
        for (long t = 0; t < steps; t++) {
            log.record(t, row(t, columns));
            if (t == 99) {
                early = log.view();
            }
        }
        StepLogView v = log.view();
        assertTrue(v.size() <= StepLog.CAPACITY && v.size() > StepLog.CAPACITY / 2, "size " + v.size());
        long stride = (long) (v.step(1) - v.step(0));
        assertEquals(4, stride, "doubled twice over three capacities");
        for (int i = 0; i < v.size(); i++) {
            assertEquals(i * stride, v.step(i), 0.0, "row " + i);
            for (int c = 0; c < columns; c++) {
                assertEquals(v.step(i) * 10 + c, v.value(c, i), 0.0);
            }
        }
        assertTrue(v.step(v.size() - 1) > steps - 1 - stride, "reaches the newest steps");
        // A view handed out earlier still reads what it read then, decimations notwithstanding.
        assertEquals(100, early.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, early.step(i), 0.0);
            assertEquals(i * 10.0 + 3, early.value(3, i), 0.0);
        }
    }

    @Test
    void aStepIsRecordedOnceAndTheColumnsAreLaidOutPerMode() {
        StepLog log = new StepLog(3);
        log.record(0, row(0, 8));
        assertFalse(log.wants(0), "once");
        log.record(0, new double[8]);
        assertEquals(1, log.view().size());
        assertEquals(0.0, log.view().value(0, 0), 0.0);
        assertEquals(8, log.view().columns());
        assertEquals(2, StepLog.modeColumn(0));
        assertEquals(3, StepLog.regimeModeColumn(0));
        assertEquals(7, StepLog.regimeModeColumn(2));
    }
}
