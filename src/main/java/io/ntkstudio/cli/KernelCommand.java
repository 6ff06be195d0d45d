package io.ntkstudio.cli;

import io.ntkstudio.data.CsvData;
import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.MemoryEstimate;
import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.files.OutputDirectory;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.kernel.AnalyticKernel;
import io.ntkstudio.kernel.ConvKernel;
import io.ntkstudio.kernel.ConvNtk;
import io.ntkstudio.kernel.EmpiricalNtk;
import io.ntkstudio.kernel.ResidualKernel;
import io.ntkstudio.kernel.ResidualNtk;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Architecture;
import io.ntkstudio.network.ConvNetwork;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.network.Readout;
import io.ntkstudio.network.ResidualNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kernel}: the NTK (or NNGP) matrix between the rows of two CSV files. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        header = "Writes a kernel matrix between two sets of inputs, as CSV.",
        description = {"Writes the kernel matrix between the rows of --x and of --x2 (default: --x) as CSV.",
                "--analytic gives the infinite-width NTK Θ_∞ (or the NNGP kernel Σ with --nngp); --width and --seed give the empirical NTK of that network at initialisation.",
                "--architecture residual: a dense stem, --depth residual blocks z + (1/√depth)(σ_w/√n W φ(z) + σ_b b) and a dense output (Marion et al. 2025's branch scaling).",
                "--architecture conv: --depth 3 × 3 convolutions (SAME padding, --width channels) on square one-channel images (the columns are the s × s pixels, row by row), then --readout flatten or gap and a dense output: the CNTK (Arora et al. 2019) with --analytic."})
final class KernelCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--x", required = true, paramLabel = "FILE", description = "CSV of inputs, one per line, no header")
    Path x;

    @Option(names = "--x2", paramLabel = "FILE", description = "second CSV of inputs (default: --x)")
    Path x2;

    @Option(names = "--depth", required = true, paramLabel = "L", description = "hidden layers, 1-10")
    int depth;

    @Option(names = "--activation", required = true, paramLabel = "NAME", completionCandidates = EnumNames.Activations.class,
            description = "one of: ${COMPLETION-CANDIDATES}")
    String activation;

    @Option(names = "--sigma-w", paramLabel = "S", description = "weight scale σ_w (default: √2)")
    double sigmaW = Math.sqrt(2.0);

    @Option(names = "--sigma-b", paramLabel = "S", description = "bias scale σ_b (default: ${DEFAULT-VALUE})")
    double sigmaB = 0.1;

    @Option(names = "--parameterization", paramLabel = "P", completionCandidates = EnumNames.Parameterizations.class,
            description = "one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String parameterization = "ntk";

    @Option(names = "--analytic", description = "the infinite-width kernel (NTK parameterization)")
    boolean analytic;

    @Option(names = "--nngp", description = "with --analytic: the NNGP kernel Σ instead of Θ_∞")
    boolean nngp;

    @Option(names = "--width", paramLabel = "N", description = "width of the finite network, 1-8192")
    Integer width;

    @Option(names = "--seed", paramLabel = "K", description = "seed of its initialisation (default: 0)")
    Long seed;

    @Option(names = "--architecture", paramLabel = "A", completionCandidates = EnumNames.Architectures.class,
            description = "one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String architecture = "dense";

    @Option(names = "--readout", paramLabel = "R", completionCandidates = EnumNames.Readouts.class,
            description = "with --architecture conv, one of: ${COMPLETION-CANDIDATES} (default: gap)")
    String readout;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        Activation act = Activation.parse(activation);
        Parameterization p = Parameterization.parse(parameterization);
        if (analytic == (width != null)) {
            throw new InvalidInputException("give either --analytic or --width N (with --seed K), not " + (analytic ? "both" : "neither"));
        }
        if (nngp && !analytic) {
            throw new InvalidInputException("--nngp needs --analytic: the NNGP is an infinite-width kernel");
        }
        if (analytic && seed != null) {
            throw new InvalidInputException("--seed applies to --width (a finite network), not to --analytic");
        }
        Architecture arch = Architecture.byId(architecture);
        if (arch == null) {
            throw new InvalidInputException("--architecture must be one of " + Architecture.ids() + ", got " + architecture);
        }
        Readout ro = readout == null ? Readout.GAP : Readout.byId(readout);
        if (ro == null) {
            throw new InvalidInputException("--readout must be one of " + Readout.ids() + ", got " + readout);
        }
        if (readout != null && arch != Architecture.CONV) {
            throw new InvalidInputException("--readout applies to --architecture conv, which pools or flattens its feature maps; "
                    + "a dense network has none");
        }
        if (arch != Architecture.DENSE && p != Parameterization.NTK) {
            throw new InvalidInputException("--architecture " + arch.id() + " is built in NTK parameterization only; use --parameterization ntk");
        }
        checkDestination();
        // nothing is written until the kernel is whole: a stop before then ends the command at once
        StopSignals.duringSetUp("kernel", () -> { });
        Samples a = CsvData.readInputs(x);
        Samples b = x2 == null ? a : CsvData.readInputs(x2);
        if (a.dim() != b.dim()) {
            throw new InvalidInputException("--x has " + a.dim() + " columns but --x2 has " + b.dim() + "; the inputs must have the same dimension");
        }
        double[] xa = a.copyInputs();
        double[] xb = x2 == null ? xa : b.copyInputs();
        double[] k;
        if (arch == Architecture.CONV) {
            k = conv(act, ro, xa, a.count(), xb, b.count(), a.dim());
        } else if (arch == Architecture.RESIDUAL) {
            k = residual(act, xa, a.count(), xb, b.count(), a.dim());
        } else if (analytic) {
            if (p != Parameterization.NTK) {
                throw new InvalidInputException("--analytic needs --parameterization ntk: under " + p.id()
                        + " the kernel has no fixed infinite-width limit (standard grows with width, mup keeps moving)");
            }
            NetworkConfig.DEPTH.as("--depth").check(depth);
            checkScales();
            MemoryEstimate.requireFits(MemoryEstimate.forAnalyticKernel(a.count(), b.count()),
                    "a " + a.count() + " × " + b.count() + " kernel", "use fewer input rows");
            AnalyticKernel kernel = new AnalyticKernel(act, depth, sigmaW, sigmaB);
            AnalyticKernel.Result r = kernel.compute(xa, a.count(), xb, b.count(), a.dim());
            k = nngp ? r.nngp() : r.ntk();
        } else {
            NetworkConfig cfg = new NetworkConfig(width, depth, act, p, sigmaW, sigmaB, seed == null ? 0L : seed);
            MemoryEstimate.requireFits(MemoryEstimate.forEmpiricalKernel(cfg, a.dim(), a.count(), b.count()),
                    "the kernel of a width-" + width + " depth-" + depth + " network on " + a.count() + " × " + b.count() + " inputs",
                    "lower --width or --depth or use fewer input rows");
            Network net = Network.initialize(cfg, a.dim());
            k = EmpiricalNtk.cross(net, xa, a.count(), xb, b.count());
        }
        for (int i = 0; i < k.length; i++) {
            if (!Double.isFinite(k[i])) {
                throw new InvalidInputException(String.format(Locale.ROOT,
                        "the kernel is not finite (entry %d,%d is %s): the inputs, --sigma-w, --sigma-b or --depth make it "
                                + "overflow double precision; lower them", i / b.count() + 1, i % b.count() + 1, k[i]));
            }
        }
        StopSignals.settled();
        AtomicFiles.writeMatrix(out, a.count(), b.count(), k);
        return 0;
    }

    /** The conv network's kernel: the analytic CNTK or CNN-GP, or the empirical NTK of --width channels. */
    private double[] conv(Activation act, Readout ro, double[] xa, int na, double[] xb, int nb, int dim) {
        NetworkConfig.DEPTH.as("--depth").check(depth);
        checkScales();
        int side = ConvKernel.side(dim);
        if (analytic) {
            MemoryEstimate.requireFits(MemoryEstimate.forAnalyticKernel(na, nb), "a " + na + " × " + nb + " kernel", "use fewer input rows");
            java.io.PrintWriter err = spec.commandLine().getErr();
            int[] said = {0};
            long start = System.nanoTime();
            AnalyticKernel.Result r = new ConvKernel(act, depth, sigmaW, sigmaB, ro).compute(xa, na, xb, nb, dim, () -> false, done -> {
                int tenth = (int) (done * 10);
                synchronized (said) {
                    if (tenth > said[0] && System.nanoTime() - start > 2_000_000_000L) {
                        said[0] = tenth;
                        err.printf(Locale.ROOT, "kernel: %d %% of the rows%n", tenth * 10);
                        err.flush();
                    }
                }
            });
            return nngp ? r.nngp() : r.ntk();
        }
        NetworkConfig.WIDTH.as("--width").check(width);
        ConvNetwork net = ConvNetwork.initialize(width, depth, side, 1, act, sigmaW, sigmaB, ro, seed == null ? 0L : seed);
        MemoryEstimate.requireFits(ConvNtk.bytesNeeded(net, Math.max(na, nb)) + 8L * na * nb * 2,
                "the kernel of a " + width + "-channel depth-" + depth + " conv network on " + na + " × " + nb + " inputs",
                "lower --width or --depth or use fewer input rows");
        return xb == xa ? ConvNtk.train(net, xa, na, 0) : ConvNtk.cross(net, xa, na, xb, nb, 0);
    }

    /** The residual network's kernel: analytic, or the empirical NTK of a network of --width. */
    private double[] residual(Activation act, double[] xa, int na, double[] xb, int nb, int dim) {
        NetworkConfig.DEPTH.as("--depth").check(depth);
        checkScales();
        if (analytic) {
            MemoryEstimate.requireFits(MemoryEstimate.forAnalyticKernel(na, nb), "a " + na + " × " + nb + " kernel", "use fewer input rows");
            AnalyticKernel.Result r = new ResidualKernel(act, depth, sigmaW, sigmaB).compute(xa, na, xb, nb, dim);
            return nngp ? r.nngp() : r.ntk();
        }
        NetworkConfig cfg = new NetworkConfig(width, depth + 1, act, Parameterization.NTK, sigmaW, sigmaB, seed == null ? 0L : seed);
        MemoryEstimate.requireFits(MemoryEstimate.forEmpiricalKernel(cfg, dim, na, nb),
                "the kernel of a width-" + width + " residual network of " + depth + " blocks on " + na + " × " + nb + " inputs",
                "lower --width or --depth or use fewer input rows");
        ResidualNetwork net = ResidualNetwork.initialize(width, depth, dim, 1, act, sigmaW, sigmaB, seed == null ? 0L : seed);
        return ResidualNtk.cross(net, xa, na, xb, nb, 0);
    }

    /** Before any work: --out names a file in a folder that exists or can be made, and can be written. */
    private void checkDestination() {
        if (out.toString().isBlank()) {
            throw new InvalidInputException("--out is empty; name a CSV file, e.g. --out kernel.csv");
        }
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new InvalidInputException("--out " + out + " is a folder; name a CSV file inside it");
        }
        try {
            AtomicFiles.requireNewOrRegular(out, x, x2);
        } catch (IOException e) {
            throw new InvalidInputException(e instanceof OutputDirectory.Refused ? e.getMessage()
                    : "--out " + out + " cannot be checked (" + OutputDirectory.reason(e) + "); choose another --out");
        }
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new InvalidInputException("--out " + out + ": cannot create " + parent + " (" + OutputDirectory.reason(e)
                    + "); choose a folder you can write to");
        }
        if (!Files.isWritable(parent) || Files.exists(target) && !Files.isWritable(target)) {
            throw new InvalidInputException("--out " + out + " cannot be written (permission denied); choose a folder you can write to");
        }
    }

    private void checkScales() {
        if (!(sigmaW > 0) || !Double.isFinite(sigmaW)) {
            throw new InvalidInputException("--sigma-w must be a finite number > 0, got " + sigmaW);
        }
        if (!(sigmaB >= 0) || !Double.isFinite(sigmaB)) {
            throw new InvalidInputException("--sigma-b must be a finite number >= 0, got " + sigmaB);
        }
    }
}
