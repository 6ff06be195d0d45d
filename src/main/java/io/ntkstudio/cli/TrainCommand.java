package io.ntkstudio.cli;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.figure.LessonJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.KernelSample;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunRecorder;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.files.OutputDirectory;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: runs an experiment file and writes its metrics, spectra, kernels and predictions. */
@Command(name = "train", mixinStandardHelpOptions = true,
        header = "Trains an experiment and writes its losses, metrics, spectra, kernels and predictions.",
        description = {"Trains the experiment in --spec and writes to --out metrics.csv, spectrum.csv, losses.csv, kernel_init.csv, kernel_final.csv and predictions.csv (and params_init.json and params_final.json with --dump-params).",
                "Exit status 3 if training diverges; the outputs up to the last finite step are kept. Ctrl+C or SIGTERM stops after the current step and writes the outputs so far (exit status 130 or 143).",
                "The folder is replaced as one unit; status.json says complete, interrupted or diverged."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "experiment file (JSON), or a lesson (.ntk: its experiment, A)")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the outputs (created if missing)")
    Path outDir;

    @Option(names = "--dump-params", description = "also write the stored parameters at init and at the end")
    boolean dumpParams;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    private static final Set<String> OUTPUTS = Set.of("metrics.csv", "spectrum.csv", "losses.csv", "kernel_init.csv", "kernel_final.csv",
            "predictions.csv", "params_init.json", "params_final.json", "batches.csv");

    @Override
    public Integer call() throws Exception {
        ExperimentSpec spec = LessonJson.experiment(specFile);
        Path base = specFile.toAbsolutePath().getParent();
        Dataset data = DataSources.build(spec.data(), base);
        try (OutputDirectory out = OutputFolder.open(outDir, OUTPUTS)) {
            return train(spec, data, out);
        }
    }

    private int train(ExperimentSpec spec, Dataset data, OutputDirectory out) throws Exception {
        StopSignals.duringSetUp("train", out::discard);
        TrainingRun run;
        try {
            run = TrainingRun.create(spec, data, RunOptions.WITH_INFINITE_WIDTH);
        } finally {
            StopSignals.settled();
        }
        if (dumpParams) {
            ParamsJson.write(out.file("params_init.json"), run.initialNetwork());
        }
        long started = System.nanoTime();
        PrintWriter err = command.commandLine().getErr();
        RunRecorder.Outcome outcome;
        KernelSample last;
        try (TrainOutputs files = new TrainOutputs(out.folder(), run.context(),
                spec.training().rule().fullBatch() ? null : run.batches())) {
            outcome = RunRecorder.stream(run, spec.training().steps(), spec.training().kernelEvery(), files, files,
                    (step, steps, loss) -> {
                        if (System.console() != null) {
                            err.printf(Locale.ROOT, "step %d of %d, train loss %.4g%n", step, steps, loss);
                        }
                        // every five seconds: what the JIT compiler freed goes back, so memory stays flat
                        NativeHeap.trim();
                    }, StopSignals::requested);
            files.finish(run.lastKernel());
            last = files.last();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        String diverged = outcome.diverged();
        if (dumpParams && diverged == null) {
            ParamsJson.write(out.file("params_final.json"), run.network());
        }
        OutputFolder.commit(out, "train", OutputFolder.status(diverged != null, outcome.stopped()), last.step(),
                spec.training().steps(), err);
        if (diverged != null) {
            err.println("train: " + diverged + "; the steps before it are in " + outDir + (dumpParams ? " (params_final.json is not written: the parameters are no longer finite)" : ""));
            return Main.EXIT_DIVERGED;
        }
        if (outcome.stopped()) {
            err.println("train: interrupted at step " + last.step() + " of " + spec.training().steps()
                    + "; the outputs up to it are in " + outDir + " (status.json says interrupted)");
            return StopSignals.exitStatus();
        }
        command.commandLine().getOut().printf(Locale.ROOT,
                "trained %d steps in %.1f s: train loss %.6g, test loss %.6g, kernel change %.4g; wrote %s%n",
                last.step(), (System.nanoTime() - started) / 1e9, last.trainLoss(), last.testLoss(),
                last.metrics().kernelChange(), outDir);
        return 0;
    }
}
