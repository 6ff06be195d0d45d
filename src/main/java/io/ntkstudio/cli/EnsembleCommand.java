package io.ntkstudio.cli;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.Ensemble;
import io.ntkstudio.engine.MemoryEstimate;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.EnsembleView;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.FigureSet;
import io.ntkstudio.figure.HeatmapMode;
import io.ntkstudio.figure.LessonJson;
import io.ntkstudio.figure.RunHistory;
import io.ntkstudio.figure.Views;
import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.files.OutputDirectory;
import io.ntkstudio.kernel.NtkGaussianProcess;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.linalg.ReadOnlyVector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ensemble}: K networks from seeds network.seed + k, trained in lockstep, against the NTK
 * Gaussian process and the NNGP posterior (Lee et al. 2019, Sec. 2.3), written as one unit.
 */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        header = "Trains several networks of one experiment and compares them with the NTK Gaussian process.",
        description = {"Trains --members networks of the experiment in --spec, member k from seed network.seed + k, and writes to --out: ensemble.csv (the test inputs x1…xd, then mean, std, gp_mean, gp_std, nngp_mean and nngp_std at the last step), ensemble_metrics.csv (step, mean_gap, std_ratio and train_loss_mean every kernelEvery steps), members.csv (member, the inputs, prediction) and ensemble.png (the networks, their mean ± 2σ and the Gaussian process).",
                "On class data (C outputs) each of those columns is one per output, mean_0…mean_{C-1} and so on, the target is the class, members.csv has prediction_0…, and ensemble.png shows the test confusion matrices of network 1, the members' mean and the NTK-GP mean; the GP's standard deviation is the same for every output.",
                "The gp and nngp columns need parameterization ntk and the square loss. Exit status 3 if a member diverges; the message names it."})
final class EnsembleCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "experiment file (JSON), or a lesson (.ntk: its experiment, A)")
    Path specFile;

    @Option(names = "--members", required = true, paramLabel = "K", description = "number of networks, 1 to 64")
    int members;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the outputs")
    Path outDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        TrainingSpec.MEMBERS.as("--members").check(members);
        ExperimentSpec spec = LessonJson.experiment(specFile);
        Dataset data = DataSources.build(spec.data(), specFile.toAbsolutePath().getParent());
        try (OutputDirectory out = OutputFolder.open(outDir, Set.of("ensemble.csv", "ensemble_metrics.csv", "members.csv", "ensemble.png"))) {
            // the window's ensemble run, network 1 measured as in train: one way to train K networks
            StopSignals.duringSetUp("ensemble", out::discard);
            TrainingRun run;
            try {
                run = TrainingRun.create(spec.withTraining(spec.training().withMembers(members)), data, RunOptions.WITH_GAUSSIAN_PROCESS);
            } finally {
                StopSignals.settled();
            }
            Ensemble e = run.ensemble();
            int steps = spec.training().steps();
            int every = spec.training().kernelEvery();
            String diverged = null;
            Ensemble.Stats last;
            try (Writer metrics = new BufferedWriter(Files.newBufferedWriter(out.file("ensemble_metrics.csv"), StandardCharsets.UTF_8))) {
                metrics.write("step,mean_gap,std_ratio,train_loss_mean\n");
                last = e.stats();
                write(metrics, last);
                while (e.step() < steps && !StopSignals.requested()) {
                    if (!run.advance()) {
                        int bad = run.divergedNetwork();
                        diverged = String.format(Locale.ROOT, "member %d (seed %d) diverged at step %d (%s); lower training.learningRate",
                                bad, Ensemble.memberSeed(spec.network().seed(), bad), e.step(), e.whyDiverged(bad));
                        break;
                    }
                    if (e.step() % every == 0 || e.step() == steps) {
                        last = e.stats();
                        write(metrics, last);
                    }
                }
                // interrupted between kernel steps: the row of the step the set stops at, as a complete run has
                if (diverged == null && last.step() != e.step()) {
                    last = e.stats();
                    write(metrics, last);
                }
            }
            writeFinal(out, e, data, last, diverged == null ? run.snapshot(false, RunStatus.RUNNING, null) : null);
            boolean stopped = diverged == null && e.step() < steps;
            PrintWriter err = command.commandLine().getErr();
            OutputFolder.commit(out, "ensemble", OutputFolder.status(diverged != null, stopped), last.step(), steps, err);
            if (diverged != null) {
                err.println("ensemble: " + diverged + "; the outputs up to step " + last.step() + " are in " + outDir);
                return Main.EXIT_DIVERGED;
            }
            if (stopped) {
                err.println("ensemble: interrupted at step " + last.step() + "; the outputs up to it are in " + outDir);
                return StopSignals.exitStatus();
            }
            // where the Gaussian process does not exist, say why instead of printing NaN against it
            String absent = spec.network().parameterization() != Parameterization.NTK
                    ? "no NTK-GP to compare with: it is the NTK parameterization's"
                    : NtkGaussianProcess.absentBecause(spec.training().rule(), data.train().count());
            String against = e.hasGaussianProcess() ? String.format(Locale.ROOT,
                    "ensemble mean %.3g from the NTK-GP mean (relative), spread %.3g of the GP's", last.meanGap(), last.stdRatio())
                    : absent.replace("no NTK-GP band", "no NTK-GP to compare with");
            if (data.classes() > 0) {
                against += String.format(Locale.ROOT, "; test accuracy of the mean %.1f %%", 100 * data.test().accuracy(last.mean()))
                        + (e.hasGaussianProcess()
                        ? String.format(Locale.ROOT, ", of the NTK-GP mean %.1f %%", 100 * data.test().accuracy(last.gpMean())) : "");
            }
            command.commandLine().getOut().printf(Locale.ROOT, "trained %d members for %d steps: %s (memory: estimated %s at most, "
                            + "peak so far %s); wrote %s%n", members, last.step(), against, MemoryEstimate.human(e.estimatedPeak()),
                    PeakMemory.bytes() < 0 ? "not known here" : MemoryEstimate.human(PeakMemory.bytes()), outDir);
            return 0;
        }
    }

    /** ",name" for one output, else ",name_0,…,name_{C−1}". */
    private static String columns(String name, int outputs) {
        if (outputs == 1) {
            return "," + name;
        }
        StringBuilder b = new StringBuilder();
        for (int o = 0; o < outputs; o++) {
            b.append(',').append(name).append('_').append(o);
        }
        return b.toString();
    }

    private static void write(Writer w, Ensemble.Stats s) throws IOException {
        w.write(s.step() + "," + s.meanGap() + "," + s.stdRatio() + "," + s.trainLossMean() + "\n");
    }

    /**
     * ensemble.csv and members.csv at the last recorded step, each row with its test input (x1…xd)
     * so that nothing has to be rebuilt to plot it, and ensemble.png: the networks, their mean ±
     * 2σ and the Gaussian process, drawn as the window's function view draws them (members.csv and
     * the picture only if every member is finite).
     */
    private static void writeFinal(OutputDirectory out, Ensemble e, Dataset data, Ensemble.Stats s, TrainingSnapshot first)
            throws IOException {
        NtkGaussianProcess.Moments nngp = e.nngpPosterior();
        double[] nngpStd = nngp == null ? null : nngp.std();
        Samples test = data.test();
        int c = test.outputs();
        double[] nngpMean = nngp == null ? null : nngp.mean();
        AtomicFiles.write(out.file("ensemble.csv"), w -> {
            StringBuilder header = new StringBuilder("index,").append(test.inputHeader()).append("target");
            for (String column : new String[] {"mean", "std", "gp_mean", "gp_std", "nngp_mean", "nngp_std"}) {
                header.append(columns(column, c));
            }
            w.write(header.append('\n').toString());
            for (int a = 0; a < test.count(); a++) {
                StringBuilder line = new StringBuilder().append(a).append(',').append(test.inputCells(a))
                        .append(c > 1 ? Integer.toString(test.label(a)) : Double.toString(test.target(a)));
                for (double[] v : new double[][] {s.mean(), s.std(), s.gpMean(), s.gpStd(), nngpMean, nngpStd}) {
                    for (int o = 0; o < c; o++) {
                        line.append(',').append(v == null ? Double.NaN : v[a * c + o]);
                    }
                }
                w.write(line.append('\n').toString());
            }
        });
        List<double[]> now = first == null ? List.of() : e.testOutputs();
        AtomicFiles.write(out.file("members.csv"), w -> {
            w.write("member,index," + test.inputHeader() + columns("prediction", c).substring(1) + "\n");
            for (int k = 0; k < now.size(); k++) {
                for (int a = 0; a < test.count(); a++) {
                    StringBuilder line = new StringBuilder().append(k).append(',').append(a).append(',').append(test.inputCells(a));
                    for (int o = 0; o < c; o++) {
                        line.append(o == 0 ? "" : ",").append(now.get(k)[a * c + o]);
                    }
                    w.write(line.append('\n').toString());
                }
            }
        });
        if (first != null) {
            List<ReadOnlyVector> outputs = now.stream().map(ReadOnlyVector::adopt).toList();
            // the outputs alone: the kernels and logs of the window's view are not measured here
            EnsembleView view = EnsembleView.of(outputs, s, e.hasGaussianProcess(), nngp, List.of(), List.of(), List.of(), List.of(),
                    List.of(), ReadOnlyVector.empty());
            TrainingSnapshot shown = first.withEnsemble(view);
            FigureSet.writePng(FigureSet.view(Views.FUNCTION, RunHistory.inputs(shown, shown, HeatmapMode.CURRENT), 2, ChartTheme.LIGHT),
                    out.file("ensemble.png"));
        }
    }
}
