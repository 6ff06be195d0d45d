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
                "The gp and nngp columns need parameterization ntk. Exit status 3 if a member diverges; the message names it."})
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
            command.commandLine().getOut().printf(Locale.ROOT, "trained %d members for %d steps: %s (memory: estimated %s at most, "
                            + "peak so far %s); wrote %s%n", members, last.step(), against, MemoryEstimate.human(e.estimatedPeak()),
                    PeakMemory.bytes() < 0 ? "not known here" : MemoryEstimate.human(PeakMemory.bytes()), outDir);
            return 0;
        }
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
        AtomicFiles.write(out.file("ensemble.csv"), w -> {
            w.write("index," + test.inputHeader() + "target,mean,std,gp_mean,gp_std,nngp_mean,nngp_std\n");
            for (int a = 0; a < s.mean().length; a++) {
                w.write(a + "," + test.inputCells(a) + test.target(a) + "," + s.mean()[a] + "," + s.std()[a] + "," + s.gpMean()[a] + ","
                        + s.gpStd()[a] + "," + (nngp == null ? Double.NaN : nngp.mean()[a]) + "," + (nngp == null ? Double.NaN : nngpStd[a])
                        + "\n");
            }
        });
        List<double[]> now = first == null ? List.of() : e.testOutputs();
        AtomicFiles.write(out.file("members.csv"), w -> {
            w.write("member,index," + test.inputHeader() + "prediction\n");
            for (int k = 0; k < now.size(); k++) {
                for (int a = 0; a < now.get(k).length; a++) {
                    w.write(k + "," + a + "," + test.inputCells(a) + now.get(k)[a] + "\n");
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
