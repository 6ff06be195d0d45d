package io.ntkstudio.cli;

import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.KernelMetricsRow;
import io.ntkstudio.engine.KernelSample;
import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.RunRecorder;
import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;
import io.ntkstudio.network.BatchSchedule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CSV files of {@code train}, streamed into the staging folder as the run produces them:
 * a row per step in {@code losses.csv} and a row per kernel snapshot in {@code metrics.csv} and
 * {@code spectrum.csv}. Only the last kernel interval's numbers are kept in memory, so a run of
 * millions of steps writes at flat memory (the staging folder is the atomic unit, so the files need no
 * temporaries of their own).
 */
final class TrainOutputs implements RunRecorder.Samples, RunRecorder.Steps, AutoCloseable {
    static final String METRICS_HEADER = "step,train_loss,test_loss,kernel_change,kernel_distance_to_limit,kernel_alignment,weight_change,"
            + "kernel_alignment_centred";
    static final String LOSSES_HEADER = "step,train_loss,kernel_regime_train_loss";
    /** metrics.csv's last columns for labelled data (every target ±1, or classes). */
    static final String ACCURACY_COLUMNS = ",train_accuracy,test_accuracy,kernel_regime_test_accuracy";
    static final String BATCHES_HEADER = "step,indices";

    private final Path dir;
    private final RunContext context;
    private final Writer metrics;
    private final Writer spectrum;
    private final Writer losses;
    /** batches.csv with minibatches set in the spec, else null; the schedule the run draws from. */
    private final Writer batchFile;
    private final BatchSchedule batches;
    private final boolean labelled;
    private KernelSample last;
    private long lastLossStep = -1;
    private final StringBuilder row = new StringBuilder(96);
    private char[] chars = new char[96];
    private boolean closed;

    /** {@code batches}: the run's schedule when the spec sets training.batchSize (batches.csv is written), else null. */
    TrainOutputs(Path dir, RunContext context, BatchSchedule batches) throws IOException {
        this.dir = dir;
        this.context = context;
        this.metrics = open("metrics.csv");
        this.spectrum = open("spectrum.csv");
        this.losses = open("losses.csv");
        this.batches = batches;
        this.batchFile = batches == null ? null : open("batches.csv");
        if (batchFile != null) {
            batchFile.write(BATCHES_HEADER + "\n");
        }
        this.labelled = context.data().train().labelled() && context.data().test().labelled();
        metrics.write(METRICS_HEADER + (labelled ? ACCURACY_COLUMNS : "") + "\n");
        StringBuilder header = new StringBuilder("step");
        for (int i = 1; i <= context.data().train().count(); i++) {
            header.append(",lambda_").append(i);
        }
        spectrum.write(header.append('\n').toString());
        losses.write(LOSSES_HEADER + "\n");
    }

    private Writer open(String name) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void sampled(KernelSample s) {
        last = s;
        KernelMetricsRow m = s.metrics();
        try {
            metrics.write(s.step() + "," + s.trainLoss() + "," + s.testLoss() + "," + m.kernelChange() + ","
                    + m.distanceToLimit() + "," + m.alignment() + "," + m.weightChange() + "," + m.alignmentCentred()
                    + (labelled ? "," + context.data().train().accuracy(s.trainOutputs().toArray()) + ","
                            + context.data().test().accuracy(s.testOutputs().toArray()) + ","
                            + context.data().test().accuracy(s.regimeTest().toArray()) : "") + "\n");
            spectrum.write(s.step() + "," + join(s.eigenvalues()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void at(long step, double trainLoss, double regimeTrainLoss) {
        lossRow(step, trainLoss, regimeTrainLoss);
        if (batchFile != null) {
            try {
                writeBatch(step);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** losses.csv's row of {@code step}. */
    private void lossRow(long step, double trainLoss, double regimeTrainLoss) {
        try {
            // one row per step for millions of steps: format into reused buffers, allocating nothing per row
            row.setLength(0);
            row.append(step).append(',').append(trainLoss).append(',').append(regimeTrainLoss).append('\n');
            writeRow(losses);
            lastLossStep = step;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Step {@code step}'s train indices, space-separated, from reused buffers. */
    private void writeBatch(long step) throws IOException {
        int[] idx = batches.indices(step);
        int count = batches.count(step);
        row.setLength(0);
        row.append(step).append(',');
        for (int k = 0; k < count; k++) {
            row.append(k == 0 ? "" : " ").append(idx[k]);
        }
        row.append('\n');
        writeRow(batchFile);
    }

    /** Writes the row built in {@code row} through the reused character buffer. */
    private void writeRow(Writer to) throws IOException {
        if (chars.length < row.length()) {
            chars = new char[2 * row.length()];
        }
        row.getChars(0, row.length(), chars, 0);
        to.write(chars, 0, row.length());
    }

    /** The last kernel interval written. */
    KernelSample last() {
        return last;
    }

    /**
     * Completes the set: the final loss row, the kernels at both ends and the predictions, at the
     * last interval written; {@code kernelFinal} is Θ_t at that interval.
     */
    void finish(ReadOnlyMatrix kernelFinal) throws IOException {
        if (last.step() > lastLossStep) {
            lossRow(last.step(), last.trainLoss(), last.regimeTrainLoss());
        }
        close();
        int n = context.data().train().count();
        AtomicFiles.writeMatrix(dir.resolve("kernel_init.csv"), n, n, context.kernelInit().toArray());
        AtomicFiles.writeMatrix(dir.resolve("kernel_final.csv"), n, n, kernelFinal.toArray());
        Samples test = context.data().test();
        if (test.classes() > 0) {
            writeClassPredictions(test);
            return;
        }
        AtomicFiles.write(dir.resolve("predictions.csv"), out -> {
            out.write(test.inputHeader() + "target,network,kernel_regime,kernel_regime_limit\n");
            for (int i = 0; i < test.count(); i++) {
                StringBuilder line = new StringBuilder(test.inputCells(i));
                line.append(test.target(i)).append(',').append(last.testOutputs().get(i)).append(',')
                        .append(last.regimeTest().get(i)).append(',')
                        .append(last.limitRegimeTest().isEmpty() ? Double.NaN : last.limitRegimeTest().get(i)).append('\n');
                out.write(line.toString());
            }
        });
    }

    /** predictions.csv for C outputs: the inputs, the class, then network_c, kernel_regime_c and kernel_regime_limit_c. */
    private void writeClassPredictions(Samples test) throws IOException {
        int c = test.classes();
        StringBuilder header = new StringBuilder(test.inputHeader()).append("target");
        for (String column : new String[] {"network_", "kernel_regime_", "kernel_regime_limit_"}) {
            for (int o = 0; o < c; o++) {
                header.append(',').append(column).append(o);
            }
        }
        ReadOnlyVector limit = last.limitRegimeTest();
        AtomicFiles.write(dir.resolve("predictions.csv"), out -> {
            out.write(header.append('\n').toString());
            for (int i = 0; i < test.count(); i++) {
                StringBuilder line = new StringBuilder(test.inputCells(i)).append(test.label(i));
                for (ReadOnlyVector v : new ReadOnlyVector[] {last.testOutputs(), last.regimeTest(), limit}) {
                    for (int o = 0; o < c; o++) {
                        line.append(',').append(v.isEmpty() ? Double.NaN : v.get(i * c + o));
                    }
                }
                out.write(line.append('\n').toString());
            }
        });
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (Writer a = metrics; Writer b = spectrum; Writer c = losses; Writer d = batchFile) {
            a.flush();
            b.flush();
            c.flush();
            if (d != null) {
                d.flush();
            }
        }
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
