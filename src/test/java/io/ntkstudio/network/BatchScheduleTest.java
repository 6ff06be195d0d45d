package io.ntkstudio.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchScheduleTest {
    @ParameterizedTest
    @CsvSource({"10, 3", "10, 5", "7, 7", "1, 1", "100, 32"})
    void everyEpochUsesEveryPointOnceInAscendingBatchesTheLastSmaller(int n, int b) {
        BatchSchedule s = new BatchSchedule(n, b, 42);
        int perEpoch = (n + b - 1) / b;
        int[][] epochs = new int[3][];
        for (int e = 0; e < 3; e++) {
            int[] seen = new int[n];
            int[] order = new int[n];
            int at = 0;
            for (int k = 0; k < perEpoch; k++) {
                long t = (long) e * perEpoch + k;
                int[] idx = s.indices(t);
                int count = s.count(t);
                assertEquals(k < perEpoch - 1 ? b : n - (perEpoch - 1) * b, count, "batch " + k + " of epoch " + e);
                for (int q = 0; q < count; q++) {
                    seen[idx[q]]++;
                    order[at++] = idx[q];
                    if (q > 0) {
                        assertTrue(idx[q] > idx[q - 1], "ascending");
                    }
                }
            }
            int[] ones = new int[n];
            Arrays.fill(ones, 1);
            assertArrayEquals(ones, seen, "each point once in epoch " + e);
            epochs[e] = order;
        }
        if (b < n && n > 3) {
            assertNotEquals(Arrays.toString(epochs[0]), Arrays.toString(epochs[1]), "a new permutation each epoch");
        }
        // any step can be asked for again, in any order, and gives the same batch
        BatchSchedule again = new BatchSchedule(n, b, 42);
        int[] late = again.indices(2L * perEpoch).clone();
        int[] early = again.indices(0).clone();
        assertArrayEquals(Arrays.copyOf(s.indices(0), s.count(0)), Arrays.copyOf(early, again.count(0)));
        assertArrayEquals(Arrays.copyOf(s.indices(2L * perEpoch), s.count(0)), Arrays.copyOf(late, again.count(0)));
    }

    @ParameterizedTest
    @CsvSource({"10", "1", "33"})
    void fullBatchIsEveryPointInOrder(int n) {
        BatchSchedule s = new BatchSchedule(n, n, 5);
        assertTrue(s.fullBatch());
        for (long t : new long[] {0, 1, 999}) {
            assertEquals(n, s.count(t));
            for (int i = 0; i < n; i++) {
                assertEquals(i, s.indices(t)[i]);
            }
        }
    }
}
