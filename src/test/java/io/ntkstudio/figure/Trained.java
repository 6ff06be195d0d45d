package io.ntkstudio.figure;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunRecorder;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import java.nio.file.Path;

/** What the charts of a run look like after some steps, as `render` records it: for the figure tests. */
final class Trained {
    private Trained() {
    }

    /** The chart inputs after {@code steps} steps (every step's loss logged, the kernel at its intervals). */
    static ChartInputs inputs(ExperimentSpec spec, Path baseDir, int steps) {
        TrainingRun run = TrainingRun.create(spec, baseDir, RunOptions.WITH_INFINITE_WIDTH);
        TrainingSnapshot[] latest = new TrainingSnapshot[2];
        RunRecorder.run(run, steps, spec.training().kernelEvery(), 1, s -> {
            latest[0] = s;
            if (s.hasKernel()) {
                latest[1] = s;
            }
        }, (step, total, loss) -> { });
        return RunHistory.inputs(latest[0], latest[1], HeatmapMode.CURRENT);
    }
}
