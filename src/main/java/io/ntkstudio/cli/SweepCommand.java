package io.ntkstudio.cli;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.engine.EnsembleSweep;
import io.ntkstudio.figure.LessonJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.MemoryEstimate;
import io.ntkstudio.engine.ScaleSweep;
import io.ntkstudio.engine.WidthSweep;
import io.ntkstudio.figure.EnsembleSweepChart;
import io.ntkstudio.figure.FigureSet;
import io.ntkstudio.figure.ScaleSweepChart;
import io.ntkstudio.figure.SweepChart;
import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.files.OutputDirectory;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweep}: kernel movement against width, NTK parameterization beside μP. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Trains an experiment at several widths (or output scales) and fits how its kernel moves.",
        description = {"Trains the experiment in --spec at each width and seed, under each parameterization, and writes sweep.csv and sweep.png (log–log axes, fitted slopes, the width^-1/2 line) to --out.",
                "With --output-scales it sweeps the output scale α at the spec's width instead (Chizat et al. 2019): sweep.csv then has output_scale, seed, kernel_change and weight_change, and sweep.png the α^-1 line.",
                "With training.members K > 1 in the spec it trains K networks at each width against the NTK Gaussian process (Lee et al. 2019): sweep.csv then has width, members, step, mean_gap, std_ratio, sampling_floor and train_loss_mean.",
                "Progress goes to stderr."})
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "experiment file (JSON), or a lesson (.ntk: its experiment, A)")
    Path specFile;

    @Option(names = "--widths", paramLabel = "LIST", split = ",", description = "widths (default: ${DEFAULT-VALUE})")
    int[] widths = {16, 64, 256, 1024, 4096};

    @Option(names = "--seeds", paramLabel = "K", description = "seeds per width (default: ${DEFAULT-VALUE})")
    int seeds = 3;

    @Option(names = "--parameterizations", paramLabel = "LIST", split = ",", completionCandidates = EnumNames.Parameterizations.class,
            description = "any of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String[] parameterizations = {"ntk", "mup"};

    @Option(names = "--output-scales", paramLabel = "LIST", split = ",",
            description = "output scales α to sweep at the spec's width (e.g. 1,10,100,1000) instead of widths")
    double[] outputScales;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for sweep.csv and sweep.png")
    Path outDir;

    @Mixin
    FigureOptions figure;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        // the picture's options are checked before any training
        figure.scale();
        figure.theme();
        figure.size();
        if (seeds < 1 || seeds > 100) {
            throw new InvalidInputException("--seeds must be from 1 to 100, got " + seeds);
        }
        for (int w : widths) {
            NetworkConfig.WIDTH.as("--widths").check(w);
        }
        // a width or parameterization listed twice is swept once
        widths = Arrays.stream(widths).distinct().toArray();
        List<Parameterization> ps = new ArrayList<>();
        for (String p : parameterizations) {
            Parameterization parsed = Parameterization.parse(p);
            if (!ps.contains(parsed)) {
                ps.add(parsed);
            }
        }
        ExperimentSpec spec = LessonJson.experiment(specFile);
        Dataset data = DataSources.build(spec.data(), specFile.toAbsolutePath().getParent());
        if (outputScales != null) {
            if (command.commandLine().getParseResult().hasMatchedOption("--widths")) {
                throw new InvalidInputException("--widths and --output-scales sweep different things (--output-scales keeps the "
                        + "spec's width); give one of them");
            }
            return sweepScales(spec, data);
        }
        if (spec.training().members() > 1) {
            return sweepEnsembles(spec, data);
        }
        if (widths.length < 2) {
            throw new InvalidInputException("--widths needs at least two different widths to fit a slope, got "
                    + Arrays.toString(widths).replaceAll("[\\[\\] ]", "") + "; e.g. --widths 16,64,256");
        }
        int widest = Arrays.stream(widths).max().orElse(1);
        MemoryEstimate.requireFits(MemoryEstimate.forTraining(spec.network().withWidth(widest), data.inputDim(),
                data.train().count(), data.test().count()), "the widest network of the sweep (" + widest + ")",
                "lower the largest of --widths");
        PrintWriter err = command.commandLine().getErr();
        try (OutputDirectory out = OutputFolder.open(outDir, Set.of("sweep.csv", "sweep.png"))) {
            return sweep(spec, data, ps, out, err);
        }
    }

    private int sweepScales(ExperimentSpec spec, Dataset data) throws Exception {
        double[] scales = Arrays.stream(outputScales).distinct().sorted().toArray();
        for (double a : scales) {
            NetworkConfig.OUTPUT_SCALE.as("--output-scales").check(a);
        }
        if (scales.length < 2) {
            throw new InvalidInputException("--output-scales needs at least two different values to fit a slope");
        }
        PrintWriter err = command.commandLine().getErr();
        List<ScaleSweep.Point> points = new ArrayList<>();
        try (OutputDirectory dir = OutputFolder.open(outDir, Set.of("sweep.csv", "sweep.png"))) {
            boolean interrupted = stopped(() -> ScaleSweep.run(spec, data, scales, seeds, (done, all, p) -> {
                points.add(p);
                err.printf(Locale.ROOT, "sweep: %d/%d  output scale %g seed %d: kernel change %.4g%n", done, all,
                        p.outputScale(), p.seed(), p.kernelChange());
            }, StopSignals::requested));
            Integer status = writeSet(dir, err, points, scales.length * seeds, interrupted, "output_scale,seed,kernel_change,weight_change",
                    p -> p.outputScale() + "," + p.seed() + "," + p.kernelChange() + "," + p.weightChange(),
                    px -> px == null ? ScaleSweepChart.render(points, spec.network().width(), spec.training().steps(), figure.scale(),
                            figure.theme()) : ScaleSweepChart.render(points, spec.network().width(), spec.training().steps(), px[0], px[1],
                            figure.scale(), figure.theme()));
            if (status != null) {
                return status;
            }
        }
        command.commandLine().getOut().printf(Locale.ROOT,
                "kernel change falls like α^%.3f (theory −1, Chizat et al. 2019); wrote %s and %s%n",
                ScaleSweep.slope(points), outDir.resolve("sweep.csv"), outDir.resolve("sweep.png"));
        return 0;
    }

    /**
     * With training.members K &gt; 1: at each width, K networks against the NTK Gaussian process
     * ({@link EnsembleSweep}): the gap of their mean, its sampling error, and their spread's ratio.
     */
    private int sweepEnsembles(ExperimentSpec spec, Dataset data) throws Exception {
        int members = spec.training().members();
        int widest = Arrays.stream(widths).max().orElse(1);
        MemoryEstimate.requireFits(members * MemoryEstimate.forTraining(spec.network().withWidth(widest), data.inputDim(),
                data.train().count(), data.test().count()), members + " networks of the widest width (" + widest + ")",
                "lower the largest of --widths or training.members");
        int[] sorted = Arrays.stream(widths).sorted().toArray();
        PrintWriter err = command.commandLine().getErr();
        List<EnsembleSweep.Point> points = new ArrayList<>();
        try (OutputDirectory dir = OutputFolder.open(outDir, Set.of("sweep.csv", "sweep.png"))) {
            boolean interrupted = stopped(() -> EnsembleSweep.run(spec, data, sorted, (done, all, p) -> {
                points.add(p);
                err.printf(Locale.ROOT, "sweep: %d/%d  width %d, %d networks: mean %.3g from the GP mean (floor %.3g), "
                        + "spread %.3g of the GP's%n", done, all, p.width(), p.members(), p.meanGap(), p.samplingFloor(), p.stdRatio());
            }, StopSignals::requested));
            int steps = spec.training().steps();
            Integer status = writeSet(dir, err, points, sorted.length, interrupted,
                    "width,members,step,mean_gap,std_ratio,sampling_floor,train_loss_mean",
                    p -> p.width() + "," + p.members() + "," + p.step() + "," + p.meanGap() + "," + p.stdRatio() + ","
                            + p.samplingFloor() + "," + p.trainLossMean(),
                    px -> px == null ? EnsembleSweepChart.render(points, steps, figure.scale(), figure.theme())
                            : EnsembleSweepChart.render(points, steps, px[0], px[1], figure.scale(), figure.theme()));
            if (status != null) {
                return status;
            }
        }
        command.commandLine().getOut().printf(Locale.ROOT, "%d networks per width against the NTK Gaussian process; wrote %s and %s%n",
                members, outDir.resolve("sweep.csv"), outDir.resolve("sweep.png"));
        return 0;
    }

    private int sweep(ExperimentSpec spec, Dataset data, List<Parameterization> ps, OutputDirectory dir, PrintWriter err)
            throws Exception {
        List<WidthSweep.Point> points = new ArrayList<>();
        boolean interrupted = stopped(() -> WidthSweep.run(spec, data, ps, widths, seeds, (done, all, p) -> {
            points.add(p);
            err.printf(Locale.ROOT, "sweep: %d/%d  %s width %d seed %d: kernel change %.4g%n", done, all,
                    p.parameterization().id(), p.width(), p.seed(), p.kernelChange());
        }, StopSignals::requested));
        int steps = spec.training().steps();
        Integer status = writeSet(dir, err, points, ps.size() * widths.length * seeds, interrupted,
                "parameterization,width,seed,kernel_change,distance_to_limit_init,weight_change",
                p -> p.parameterization().id() + "," + p.width() + "," + p.seed() + "," + p.kernelChange() + ","
                        + p.distanceToLimitAtInit() + "," + p.weightChange(),
                px -> px == null ? SweepChart.render(points, steps, figure.scale(), figure.theme())
                        : SweepChart.render(points, steps, px[0], px[1], figure.scale(), figure.theme()));
        if (status != null) {
            return status;
        }
        PrintWriter out = command.commandLine().getOut();
        for (Parameterization p : ps) {
            out.printf(Locale.ROOT, "%s: kernel change falls like width^%.3f%s%n", p.id(), WidthSweep.slope(points, p),
                    p == Parameterization.NTK ? String.format(Locale.ROOT, " (theory: at most −0.5; −1 for smooth activations);"
                            + " distance to Θ_∞ at init like width^%.3f (theory −0.5); weight change like width^%.3f (theory −0.5)",
                            WidthSweep.limitSlope(points, p), WidthSweep.weightSlope(points, p)) : "");
        }
        out.println("wrote " + outDir.resolve("sweep.csv") + " and " + outDir.resolve("sweep.png"));
        return 0;
    }

    /** Runs a sweep; true when Ctrl+C or SIGTERM stopped it (the points finished before are kept). */
    private static boolean stopped(Runnable sweep) {
        try {
            sweep.run();
            return false;
        } catch (CancellationException e) {
            return true;
        }
    }

    /**
     * Writes a sweep's points as one set: {@code sweep.csv} (a header, then a row per point),
     * {@code sweep.png} at --size or --scale, and the status; null when the caller goes on to
     * report, else the exit status (stopped before the first point: nothing is written and the
     * folder stays as it was; stopped later: the points so far, marked interrupted).
     */
    private <P> Integer writeSet(OutputDirectory dir, PrintWriter err, List<P> points, int total, boolean interrupted, String header,
                                 Function<P, String> row, Function<int[], BufferedImage> picture) throws IOException {
        if (interrupted && points.isEmpty()) {
            err.println("sweep: interrupted before the first point was trained; nothing was written and " + outDir + " is as it was");
            return StopSignals.exitStatus();
        }
        AtomicFiles.write(dir.file("sweep.csv"), w -> {
            w.write(header + "\n");
            for (P p : points) {
                w.write(row.apply(p) + "\n");
            }
        });
        FigureSet.writePng(picture.apply(figure.size()), dir.file("sweep.png"));
        OutputFolder.commit(dir, "sweep", interrupted ? "interrupted" : "complete", points.size(), total, err);
        if (interrupted) {
            err.println("sweep: interrupted after " + points.size() + " of " + total + " points; they are in " + outDir
                    + " (status.json says interrupted; the point in progress was dropped)");
            return StopSignals.exitStatus();
        }
        return null;
    }
}
