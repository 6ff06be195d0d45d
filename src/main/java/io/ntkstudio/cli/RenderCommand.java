package io.ntkstudio.cli;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunRecorder;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.FigureSet;
import io.ntkstudio.figure.HeatmapMode;
import io.ntkstudio.figure.Lesson;
import io.ntkstudio.figure.LessonJson;
import io.ntkstudio.figure.Staging;
import io.ntkstudio.figure.ViewKind;
import io.ntkstudio.figure.RunHistory;
import io.ntkstudio.figure.Views;
import io.ntkstudio.files.OutputDirectory;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.plotmath.PixelSize;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code render}: trains an experiment and writes slide-ready PNGs of every view, no display needed. */
@Command(name = "render", mixinStandardHelpOptions = true,
        header = "Trains an experiment or lesson and writes slide-ready pictures of every view.",
        description = {"Trains the experiment or lesson in --spec and writes to --out dashboard.png and one PNG per view (function, heatmap, losses, spectrum, slice, modes), drawn by the window's chart code and shown as the lesson sets them.",
                "A lesson that compares two runs writes every file for each, as dashboard-A.png and dashboard-B.png.",
                "Exit status 3 if training diverges; the figures then show the last finite step."})
final class RenderCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "experiment or lesson file (.json, .ntk)")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the PNGs (created if missing)")
    Path outDir;

    @Mixin
    FigureOptions figure;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        Lesson lesson = LessonJson.read(specFile);
        Staging staging = lesson.isPlain() ? Staging.DEFAULT : lesson.staging();
        // a comparison renders both runs: every file once for A and once for B, named so
        List<ExperimentSpec> runs = lesson.compares() ? List.of(lesson.experiment(), lesson.compare()) : List.of(lesson.experiment());
        List<String> suffixes = lesson.compares() ? List.of("-A", "-B") : List.of("");
        Set<String> names = new HashSet<>();
        for (String suffix : suffixes) {
            names.add("dashboard" + suffix + ".png");
            for (String name : FigureSet.viewNames()) {
                names.add(name + suffix + ".png");
            }
        }
        long started = System.nanoTime();
        PrintWriter err = command.commandLine().getErr();
        String diverged = null;
        boolean stopped = false;
        long shown = 0;
        int steps = 0;
        try (OutputDirectory out = OutputFolder.open(outDir, names)) {
            for (int r = 0; r < runs.size() && !stopped; r++) {
                String who = lesson.compares() ? (r == 0 ? "A" : "B") + ", " : "";
                Rendered one = render(runs.get(r), staging, suffixes.get(r), out, who, err);
                diverged = diverged != null ? diverged : one.outcome().diverged() == null ? null : who + one.outcome().diverged();
                stopped = one.outcome().stopped();
                shown = one.step();
                steps = Math.max(steps, runs.get(r).training().steps());
            }
            if (stopped && lesson.compares()) {
                // half a comparison is not a set: the old one stays
                err.println("render: interrupted before both runs were drawn; nothing was written to " + outDir);
                return StopSignals.exitStatus();
            }
            OutputFolder.commit(out, "render", OutputFolder.status(diverged != null, stopped), shown, steps, err);
        }
        if (diverged != null) {
            err.println("render: " + diverged + "; the figures show the last finite step");
            return Main.EXIT_DIVERGED;
        }
        if (stopped) {
            err.println("render: interrupted; the figures in " + outDir + " show step " + shown
                    + " (status.json says interrupted)");
            return StopSignals.exitStatus();
        }
        command.commandLine().getOut().printf(Locale.ROOT, "rendered step %,d in %.1f s to %s%n", shown,
                (System.nanoTime() - started) / 1e9, outDir);
        return 0;
    }

    private record Rendered(RunRecorder.Outcome outcome, long step) {
    }

    /** Trains {@code spec} and writes its dashboard and views, each file name ending in {@code suffix}. */
    private Rendered render(ExperimentSpec spec, Staging staging, String suffix, OutputDirectory out, String who, PrintWriter err)
            throws Exception {
        double scale = figure.scale();
        ChartTheme chartTheme = figure.theme();
        int[] dimensions = figure.size();
        StopSignals.duringSetUp("render", out::discard);
        TrainingRun run;
        try {
            run = TrainingRun.create(spec, specFile.toAbsolutePath().getParent(), RunOptions.WITH_INFINITE_WIDTH);
        } finally {
            StopSignals.settled();
        }
        TrainingSnapshot[] latest = new TrainingSnapshot[2];
        int steps = spec.training().steps();
        RunRecorder.Outcome outcome = RunRecorder.run(run, steps, spec.training().kernelEvery(), Math.max(1, steps / 400), s -> {
            latest[0] = s;
            if (s.hasKernel()) {
                latest[1] = s;
            }
        }, (step, total, loss) -> err.printf(Locale.ROOT, "render: %sstep %,d of %,d%n", who, step, total), StopSignals::requested);
        TrainingSnapshot last = latest[0];
        var inputs = RunHistory.inputs(last, latest[1], HeatmapMode.CURRENT);
        FigureSet.writePng(dimensions == null ? FigureSet.dashboard(inputs, staging::settings, scale, chartTheme, Views.ALL)
                : FigureSet.dashboard(inputs, staging::settings, chartTheme, Views.ALL, dimensions[0], dimensions[1], scale),
                out.file("dashboard" + suffix + ".png"));
        for (ViewKind kind : Views.ALL) {
            FigureSet.writePng(FigureSet.view(kind, inputs.with(staging.settings(kind)), scale, chartTheme),
                    out.file(kind.id() + suffix + ".png"));
        }
        return new Rendered(outcome, last.step());
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
