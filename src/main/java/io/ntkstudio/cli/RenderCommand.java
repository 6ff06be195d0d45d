package io.ntkstudio.cli;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunRecorder;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.FigureSet;
import io.ntkstudio.figure.HeatmapMode;
import io.ntkstudio.figure.RunHistory;
import io.ntkstudio.model.DatasetFactory;
import io.ntkstudio.model.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--scale", paramLabel = "K", description = "pixel scale: 1, 2 or 3 for slides (default: ${DEFAULT-VALUE})")
    double scale = 2;

    @Option(names = "--theme", paramLabel = "T", description = "light, high-contrast or dark (default: ${DEFAULT-VALUE})")
    String theme = "light";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (!(scale >= 1 && scale <= 4)) {
            throw new InvalidInputException("--scale must be from 1 to 4, got " + scale);
        }
        ChartTheme chartTheme;
        try {
            chartTheme = ChartTheme.parse(theme);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--theme: " + e.getMessage());
        }
        ExperimentSpec spec = ExperimentJson.read(specFile);
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new InvalidInputException("--out " + outDir + " is a file; give a folder");
        }
        TrainingRun run = TrainingRun.create(spec, DatasetFactory.build(spec.data(), specFile.toAbsolutePath().getParent()), true);
        RunHistory history = new RunHistory();
        TrainingSnapshot[] latest = new TrainingSnapshot[2];
        int steps = spec.training().steps();
        PrintWriter err = command.commandLine().getErr();
        long started = System.nanoTime();
        String diverged = RunRecorder.run(run, steps, spec.training().kernelEvery(), Math.max(1, steps / 400), s -> {
            history.add(s);
            latest[0] = s;
            if (s.hasKernel()) {
                latest[1] = s;
            }
        }, (step, total, loss) -> err.printf(Locale.ROOT, "render: step %,d of %,d%n", step, total));
        TrainingSnapshot last = latest[0];
        TrainingSnapshot lastKernel = latest[1];
        var inputs = history.inputs(last, lastKernel, HeatmapMode.CURRENT);
        FigureSet.writePng(FigureSet.dashboard(inputs, scale, chartTheme), outDir.resolve("dashboard.png"));
        for (String name : FigureSet.viewNames()) {
            FigureSet.writePng(FigureSet.view(name, inputs, scale, chartTheme), outDir.resolve(name + ".png"));
        }
        if (diverged != null) {
            err.println("render: " + diverged + "; the figures show step " + last.step());
            return Main.EXIT_DIVERGED;
        }
        command.commandLine().getOut().printf(Locale.ROOT, "rendered step %,d in %.1f s to %s%n", last.step(),
                (System.nanoTime() - started) / 1e9, outDir);
        return 0;
    }
}
