package io.ntkstudio.cli;

import com.google.gson.Gson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.figure.LessonJson;
import java.nio.file.Path;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.ui.UiBenchmark;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-ui}: the dashboard's frame pacing while a network trains. */
@Command(name = "bench-ui", mixinStandardHelpOptions = true,
        header = "Opens the real dashboard, trains flat out and measures its frames.",
        description = {"Opens the real dashboard (headless where there is no display), trains, and prints one JSON line last.",
                "It holds fx_gap_p99_ms (the 99th percentile of the gaps between frames), views_per_s (snapshots drawn per second) and steps_per_s, measured after --warmup seconds of training (JIT compilation); missed_frames (gaps over 24 ms); timer_floor_p99_ms (the same timer hand-off without JavaFX under the same load: the machine's floor); and idle_gap_p99_ms, the idle window's."})
final class BenchUiCommand implements Callable<Integer> {
    @Option(names = "--seconds", paramLabel = "S", description = "how long to train and measure (default: ${DEFAULT-VALUE})")
    double seconds = 10;

    @Option(names = "--warmup", paramLabel = "S", description = "seconds of training before measuring (default: ${DEFAULT-VALUE})")
    double warmup = 10;

    @Mixin
    BenchNetworkOptions problem = new BenchNetworkOptions();

    @Option(names = "--spec", paramLabel = "FILE", description = "time this experiment instead (e.g. assets/presets/digits.json); "
            + "--n, --width and --depth are then the file's")
    Path spec;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    /** The experiment with its CSV paths resolved against the spec file's folder. */
    private static ExperimentSpec withDataFrom(ExperimentSpec s, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        return s.withData(s.data().withFilesFrom(folder));
    }

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0 && seconds <= 3600) || !(warmup >= 0 && warmup <= 600) || problem.n < 2 || problem.n > 2000) {
            throw new InvalidInputException("--seconds must be in (0, 3600], --warmup in [0, 600] and --n from 2 to 2000");
        }
        Map<String, Object> json = spec != null ? UiBenchmark.run(seconds, warmup, withDataFrom(LessonJson.experiment(spec), spec))
                : UiBenchmark.run(seconds, warmup, problem.n, problem.network().width(), problem.network().depth());
        command.commandLine().getOut().println(new Gson().toJson(json));
        return 0;
    }
}
