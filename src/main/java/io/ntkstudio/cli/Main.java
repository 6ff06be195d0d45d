package io.ntkstudio.cli;

import io.ntkstudio.files.OutputDirectory;
import io.ntkstudio.engine.MemoryEstimate;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.ui.AboutInfo;
import io.ntkstudio.ui.StudioMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Entry point of {@code java -jar ntk-studio.jar}: with no arguments it opens the studio, else it
 * runs a command. Exit status: 0 done, 2 bad input (one line on stderr naming what is wrong and
 * what is allowed), 3 training diverged, 130/143 stopped by a signal, 1 an unexpected error.
 */
@Command(name = "ntk-studio", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Watch the Neural Tangent Kernel at work: exact networks, kernels and training.",
        subcommands = {KernelCommand.class, TrainCommand.class, BenchCommand.class, BenchUiCommand.class, RenderCommand.class, SweepCommand.class,
                EnsembleCommand.class, BenchLessonsCommand.class, BenchConvCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_DIVERGED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** --version: the version, the matrix backend and the platform. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return AboutInfo.lines().toArray(new String[0]);
        }
    }

    public static void main(String[] args) {
        if (args.length == 0 || args.length == 1 && isExperimentFile(args[0])) {
            // no command, or an experiment file (a double-click on a shared .ntk): open the studio
            StudioMain.main(args);
            return;
        }
        StopSignals.install();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** A message on one line whatever a path in it holds: line breaks and other control characters escaped. */
    static String oneLine(String message) {
        StringBuilder b = new StringBuilder(message.length());
        for (char c : message.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }

    static boolean isExperimentFile(String arg) {
        String a = arg.toLowerCase(Locale.ROOT);
        return (a.endsWith(".ntk") || a.endsWith(".json")) && Files.isRegularFile(Path.of(arg));
    }

    /** Runs a command line with the given streams and returns its exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            String name = ex.getCommandLine().getCommandName();
            ex.getCommandLine().getErr().println(oneLine(name + ": " + ex.getMessage() + " (see " + name + " --help)"));
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof InvalidInputException) {
                line.getErr().println(oneLine(line.getCommandName() + ": " + ex.getMessage()));
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof IOException io) {
                // A disk that fills up or a folder that turns read-only after the work: one line, no class name.
                line.getErr().println(oneLine(line.getCommandName() + ": could not write the outputs: " + where(io)
                        + OutputDirectory.reason(io) + "; free space or choose another --out"));
                return EXIT_BAD_INPUT;
            }
            line.getErr().println(line.getCommandName() + ": unexpected error: " + ex);
            if (System.getenv("NTK_STUDIO_DEBUG") != null) {
                ex.printStackTrace(line.getErr());
            }
            return 1;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            long limit = Runtime.getRuntime().maxMemory();
            err.println("ntk-studio: ran out of memory past its limit of " + MemoryEstimate.human(limit)
                    + "; use a smaller size or give Java more memory, e.g. java -Xmx" + Math.max(2, 2 * (limit >> 30) + 1) + "g -jar ...");
            return 1;
        }
    }

    private static String where(IOException e) {
        return e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
