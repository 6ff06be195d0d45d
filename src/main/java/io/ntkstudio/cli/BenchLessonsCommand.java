package io.ntkstudio.cli;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.figure.Lesson;
import io.ntkstudio.ui.BuiltInLessons;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-lessons}: how long each built-in lesson runs here, the figure its line in
 * assets/lessons/lessons.txt holds. Each run (A, and B of a comparison) is built as the window
 * builds it, and then stepped as the window's loop steps it (the kernel at every kernel interval)
 * for at most {@code --steps} steps; the running time is the set-up plus the lesson's steps at the
 * slower of its speed and the measured pace. A and B are counted one after the other, as two
 * threads on two cores share the machine. Run it with the studio's heap (half the machine's memory,
 * {@code -XX:MaxRAMPercentage=50}), which Jacot et al.'s Figure 1 needs.
 */
@Command(name = "bench-lessons", mixinStandardHelpOptions = true,
        header = "Measures how long each built-in lesson runs on this machine.",
        description = {"Builds each built-in lesson's runs as the window does, times their set-up and some of their steps, and "
                + "prints each lesson's running time: the set-up plus every step at the slower of the lesson's speed and the pace measured.",
                "The last lines are the lessons.txt entries those times give."})
final class BenchLessonsCommand implements Callable<Integer> {
    @Option(names = "--steps", paramLabel = "S", description = "steps timed per run, at most (default: ${DEFAULT-VALUE})")
    int steps = 40;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        if (steps < 1 || steps > 100_000) {
            throw new io.ntkstudio.input.InvalidInputException("--steps must be an integer from 1 to 100000, got " + steps);
        }
        PrintWriter out = command.commandLine().getOut();
        List<String> lines = new ArrayList<>();
        out.println("lesson                              set-up s   ms/step   running s");
        for (BuiltInLessons.Entry e : BuiltInLessons.all()) {
            Lesson l = e.lesson();
            double setup = 0;
            double perStep = 0;
            for (ExperimentSpec spec : l.compares() ? List.of(l.experiment(), l.compare()) : List.of(l.experiment())) {
                // the last run's networks go before the next is built, as the window's do
                System.gc();
                long t0 = System.nanoTime();
                TrainingRun run = TrainingRun.create(spec, Path.of("."), RunOptions.WITH_INFINITE_WIDTH);
                setup += (System.nanoTime() - t0) / 1e9;
                int timed = Math.min(steps, spec.training().steps());
                int every = spec.training().kernelEvery();
                long t1 = System.nanoTime();
                for (int t = 1; t <= timed; t++) {
                    if (!run.advance()) {
                        break;
                    }
                    if (t % every == 0) {
                        run.snapshot(true, RunStatus.RUNNING, null);
                    }
                }
                perStep += timed == 0 ? 0 : (System.nanoTime() - t1) / 1e9 / timed;
            }
            int budget = l.experiment().training().steps();
            double speed = l.staging().stepsPerSecond();
            double paced = speed > 0 ? Math.max(1 / speed, perStep) : perStep;
            // a run that diverges (part 3) ends there; the timed steps found where
            double running = setup + Math.min(budget, runLength(l)) * paced;
            out.printf(Locale.ROOT, "%-34s %9.1f %9.1f %11.0f%n", e.file(), setup, perStep * 1000, running);
            lines.add(e.file() + " " + Math.round(running));
        }
        out.println();
        lines.forEach(out::println);
        return 0;
    }

    /** The steps the lesson's A actually takes: its budget, or fewer where it diverges. */
    private static int runLength(Lesson l) {
        if (l.experiment().training().members() > 1) {
            return l.experiment().training().steps();
        }
        TrainingRun run = TrainingRun.create(l.experiment(), Path.of("."), RunOptions.NETWORK_ONLY);
        int budget = l.experiment().training().steps();
        for (int t = 0; t < budget; t++) {
            if (!run.advance()) {
                return t + 1;
            }
            if (t > 2000) {
                return budget;
            }
        }
        return budget;
    }
}
