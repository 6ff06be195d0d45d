package io.ntkstudio.cli;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunRecorder;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.FigureSet;
import io.ntkstudio.figure.HeatmapMode;
import io.ntkstudio.figure.RunHistory;
import io.ntkstudio.figure.Views;
import io.ntkstudio.files.OutputDirectory;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.plotmath.PixelSize;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code render}: trains an experiment and writes slide-ready PNGs of every view, no display needed. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Trains the experiment in --spec and writes to --out: dashboard.png and one PNG per view",
                "(function, heatmap, losses, spectrum, slice, modes), drawn by the window's chart code.",
                "Exit status 3 if training diverges; the figures then show the last finite step."})
final class RenderCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "experiment file (JSON)")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the PNGs (created if missing)")
    Path outDir;

    @Mixin
    FigureOptions figure;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        double scale = figure.scale();
        ChartTheme chartTheme = figure.theme();
        int[] dimensions = figure.size();
        ExperimentSpec spec = ExperimentJson.read(specFile);
        Set<String> names = new HashSet<>();
        names.add("dashboard.png");
        for (String name : FigureSet.viewNames()) {
            names.add(name + ".png");
        }
        TrainingRun run;
        TrainingSnapshot last;
        RunRecorder.Outcome outcome;
        long started = System.nanoTime();
        try (OutputDirectory out = OutputFolder.open(outDir, names)) {
            run = TrainingRun.create(spec, specFile.toAbsolutePath().getParent(), RunOptions.WITH_INFINITE_WIDTH);
            TrainingSnapshot[] latest = new TrainingSnapshot[2];
            int steps = spec.training().steps();
            PrintWriter err = command.commandLine().getErr();
            outcome = RunRecorder.run(run, steps, spec.training().kernelEvery(), Math.max(1, steps / 400), s -> {
                latest[0] = s;
                if (s.hasKernel()) {
                    latest[1] = s;
                }
            }, (step, total, loss) -> err.printf(Locale.ROOT, "render: step %,d of %,d%n", step, total), StopSignals::requested);
            last = latest[0];
            TrainingSnapshot lastKernel = latest[1];
            var inputs = RunHistory.inputs(last, lastKernel, HeatmapMode.CURRENT);
            FigureSet.writePng(dimensions == null ? FigureSet.dashboard(inputs, scale, chartTheme)
                    : FigureSet.dashboard(inputs, chartTheme, Views.ALL, dimensions[0], dimensions[1], scale),
                    out.file("dashboard.png"));
            for (String name : FigureSet.viewNames()) {
                FigureSet.writePng(FigureSet.view(name, inputs, scale, chartTheme), out.file(name + ".png"));
            }
            OutputFolder.writeStatus(out, "render", OutputFolder.status(outcome.diverged() != null, outcome.stopped()),
                    last.step(), steps);
            out.commit();
        }
        PrintWriter err = command.commandLine().getErr();
        if (outcome.diverged() != null) {
            err.println("render: " + outcome.diverged() + "; the figures show step " + last.step());
            return Main.EXIT_DIVERGED;
        }
        if (outcome.stopped()) {
            err.println("render: interrupted; the figures in " + outDir + " show step " + last.step()
                    + " (status.json says interrupted)");
            return StopSignals.exitStatus();
        }
        command.commandLine().getOut().printf(Locale.ROOT, "rendered step %,d in %.1f s to %s%n", last.step(),
                (System.nanoTime() - started) / 1e9, outDir);
        return 0;
    }

    /** "WxH" as pixels ({@link PixelSize}), or a one-line refusal. */
    static int[] parseSize(String text) {
        PixelSize size = PixelSize.parse(text);
        if (size == null) {
            throw new InvalidInputException("--size must be " + PixelSize.RANGE + ", got " + InvalidInputException.quote(text));
        }
        return new int[] {size.width(), size.height()};
    }
}
