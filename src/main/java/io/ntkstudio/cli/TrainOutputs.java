package io.ntkstudio.cli;

import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.engine.KernelMetricsRow;
import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.model.ReadOnlyVector;
import io.ntkstudio.model.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The CSV files of {@code train}, from the snapshots recorded along a run. */
final class TrainOutputs {
    static final String METRICS_HEADER = "step,train_loss,test_loss,kernel_change,kernel_distance_to_limit,kernel_alignment,weight_change";

    private TrainOutputs() {
    }

    static void write(Path dir, TrainingRun run, List<TrainingSnapshot> records) throws IOException {
        RunContext ctx = run.context();
        int n = ctx.data().train().count();
        TrainingSnapshot last = records.get(records.size() - 1);
        AtomicFiles.write(dir.resolve("metrics.csv"), out -> {
            out.write(METRICS_HEADER + "\n");
            for (TrainingSnapshot s : records) {
                KernelMetricsRow m = s.metrics();
                out.write(s.step() + "," + s.trainLoss() + "," + s.testLoss() + "," + m.kernelChange() + ","
                        + m.distanceToLimit() + "," + m.alignment() + "," + m.weightChange() + "\n");
            }
        });
        AtomicFiles.write(dir.resolve("spectrum.csv"), out -> {
            StringBuilder header = new StringBuilder("step");
            for (int i = 1; i <= n; i++) {
                header.append(",lambda_").append(i);
            }
            out.write(header.append('\n').toString());
            for (TrainingSnapshot s : records) {
                out.write(s.step() + "," + join(s.eigenvalues()) + "\n");
            }
        });
        AtomicFiles.writeMatrix(dir.resolve("kernel_init.csv"), n, n, ctx.kernelInit().toArray());
        AtomicFiles.writeMatrix(dir.resolve("kernel_final.csv"), n, n, last.kernel().toArray());
        Samples test = ctx.data().test();
        AtomicFiles.write(dir.resolve("predictions.csv"), out -> {
            StringBuilder header = new StringBuilder();
            for (int k = 1; k <= test.dim(); k++) {
                header.append('x').append(k).append(',');
            }
            out.write(header.append("target,network,kernel_regime,kernel_regime_limit\n").toString());
            for (int i = 0; i < test.count(); i++) {
                StringBuilder line = new StringBuilder();
                for (int k = 0; k < test.dim(); k++) {
                    line.append(test.input(i, k)).append(',');
                }
                line.append(test.target(i)).append(',').append(last.testOutputs().get(i)).append(',')
                        .append(last.regimeTest().get(i)).append(',')
                        .append(last.limitRegimeTest().isEmpty() ? Double.NaN : last.limitRegimeTest().get(i)).append('\n');
                out.write(line.toString());
            }
        });
    }

    private static String join(ReadOnlyVector v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(v.get(i));
        }
        return b.toString();
    }
}
