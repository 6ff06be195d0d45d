package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntkstudio.engine.TrainingSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartDataTest {
    @Test
    void modesCsvHoldsEachFollowedModeOverTimeAndEveryModeNow() {
        List<TrainingSnapshot> snaps = RunHistoryTest.record(0, 12);
        RunHistory h = new RunHistory();
        snaps.forEach(h::add);
        TrainingSnapshot last = snaps.get(snaps.size() - 1);
        ChartInputs in = h.inputs(last, last, HeatmapMode.CURRENT);
        String[] lines = ChartData.csv("modes", in).split("\n");
        assertEquals("step,i,lambda_0,energy,kernel_regime_energy", lines[0]);
        int n = last.modeEnergies().size();
        int tracked = in.modeTrajectories().size();
        assertEquals(1 + tracked * (snaps.size() - 1) + n, lines.length, "one row per (step, direction), none twice");
        int row = 1;
        for (int k = 0; k < tracked; k++) {
            int mode = in.modeTrajectories().modes()[k];
            for (int j = 0; j < snaps.size() - 1; j++) {
                double[] v = parse(lines[row++]);
                TrainingSnapshot s = snaps.get(j);
                assertEquals(s.step(), v[0], 0.0);
                assertEquals(mode + 1, v[1], 0.0);
                assertEquals(last.context().eigenvaluesInit().get(mode), v[2], 0.0);
                assertEquals(s.modeEnergies().get(mode), v[3], 0.0, "exact numbers");
                assertEquals(s.regimeModeEnergies().get(mode), v[4], 0.0);
            }
        }
        for (int i = 0; i < n; i++) {
            double[] v = parse(lines[row++]);
            assertEquals(last.step(), v[0], 0.0);
            assertEquals(i + 1, v[1], 0.0);
            assertEquals(last.modeEnergies().get(i), v[3], 0.0);
            assertEquals(last.regimeModeEnergies().get(i), v[4], 0.0);
        }
    }

    private static double[] parse(String line) {
        String[] c = line.split(",");
        double[] v = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            v[i] = Double.parseDouble(c[i]);
        }
        return v;
    }
}
