package io.ntkstudio.cli;

import com.google.gson.Gson;
import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.engine.Ensemble;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.TrainingRule;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.kernel.AnalyticKernel;
import io.ntkstudio.kernel.EmpiricalNtk;
import io.ntkstudio.kernel.Spectrum;
import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the workload of {@code docs/bench/numpy_reference.py} on the engine's real
 * paths (ReLU, σ_w = √2, σ_b = 0.1, N inputs on the unit circle, targets sin 3γ, full-batch GD),
 * printing one JSON line last.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Times the engine: one empirical NTK and one gradient-descent step, the analytic kernel and the eigenvalues.",
        description = {"Times one empirical NTK and one gradient-descent step (medians), the analytic kernel of 1024 inputs at depth 5 and the eigenvalues of a 512 × 512 kernel, and prints one JSON line last.",
                "Compare it with docs/bench/numpy_reference.py N W D."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    BenchNetworkOptions problem = new BenchNetworkOptions();

    @Option(names = "--reps", paramLabel = "R", description = "timed repetitions (default: ${DEFAULT-VALUE})")
    int reps = 5;

    @Option(names = "--momentum", paramLabel = "BETA", description = "momentum β of the timed steps (default: 0, plain GD)")
    double momentum;

    @Option(names = "--batch-size", paramLabel = "B", description = "minibatch size of the timed steps (default: the full batch)")
    int batchSize;

    @Option(names = "--ensemble", paramLabel = "K", description = "also time an ensemble of K networks in lockstep (1-64)")
    int ensemble;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        int n = problem.n;
        if (n < 2 || n > 20_000 || reps < 1 || reps > 1000) {
            throw new InvalidInputException("--n must be 2-20000 and --reps 1-1000");
        }
        PrintWriter out = command.commandLine().getOut();
        NetworkConfig cfg = problem.network();
        TrainingRule.MOMENTUM.as("--momentum").check(momentum);
        if (batchSize != 0) {
            TrainingRule.BATCH_SIZE.as("--batch-size").check(batchSize);
        }
        TrainingRule rule = new TrainingRule(Loss.MSE, momentum, batchSize);
        rule.batchOn(n);
        ExperimentSpec spec = new ExperimentSpec(cfg, DataSpec.circle(n, 2, "sin", 3),
                new TrainingSpec(1e-3, 1, 1).withRule(rule));
        Dataset data = DataSources.build(spec.data(), Path.of("."));
        TrainingRun run = TrainingRun.create(spec, data, RunOptions.NETWORK_ONLY);
        double[] x = data.train().copyInputs();
        EmpiricalNtk ntk = new EmpiricalNtk(run.network(), n);
        double[] kernel = new double[n * n];
        double ntkMs = medianMillis(() -> ntk.compute(run.network(), x, kernel), reps);
        double stepMs = medianMillis(run::advance, reps);
        // another rule's cost is a ratio to GD's, timed step for step beside it: times drift by ±10 % here
        double gdStepMs = Double.NaN;
        double ruleStepMs = Double.NaN;
        if (!rule.equals(TrainingRule.GD)) {
            TrainingRun gd = TrainingRun.create(spec.withTraining(spec.training().withRule(TrainingRule.GD)), data,
                    RunOptions.NETWORK_ONLY);
            double[] both = interleavedMedians(run::advance, gd::advance, Math.max(reps, 20));
            ruleStepMs = both[0];
            gdStepMs = both[1];
        }
        long allocPerStep = allocatedBytes(run::advance, reps);

        int na = 1024;
        double[] circle = DataSources.build(DataSpec.circle(na, 2, "sin", 3), Path.of("."))
                .train().copyInputs();
        AnalyticKernel analytic = new AnalyticKernel(Activation.RELU, 5, Math.sqrt(2), 0.1);
        double[] big = new double[1];
        double analyticMs = medianMillis(() -> big[0] = analytic.ntk(circle, na, circle, na, 2)[0], 3);
        double[] k512 = new double[512 * 512];
        double[] full = analytic.ntk(circle, na, circle, na, 2);
        for (int i = 0; i < 512; i++) {
            System.arraycopy(full, 2 * i * na, k512, i * 512, 512);
        }
        double eigMs = medianMillis(() -> Spectrum.of(k512, 512, false), 3);

        double ntkFlops = ntkFlops(cfg, 2, n);
        double stepFlops = stepFlops(cfg, 2, n);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", n);
        json.put("width", cfg.width());
        json.put("depth", cfg.depth());
        json.put("backend", MatrixBackend.current().name());
        json.put("ntk_ms", round(ntkMs));
        json.put("ntk_gflops", round(ntkFlops / ntkMs / 1e6));
        json.put("momentum", momentum);
        json.put("batch_size", batchSize == 0 ? n : batchSize);
        json.put("step_ms", round(stepMs));
        json.put("step_gflops", round(stepFlops / stepMs / 1e6));
        if (!Double.isNaN(gdStepMs)) {
            json.put("rule_vs_gd_step_ms", List.of(round(ruleStepMs), round(gdStepMs)));
            json.put("rule_cost_ratio", round(ruleStepMs / gdStepMs));
        }
        json.put("analytic_1024_depth5_ms", round(analyticMs));
        json.put("eig_512_ms", round(eigMs));
        json.put("peak_heap_mib", round(peakHeapBytes() / 1048576.0));
        json.put("alloc_bytes_per_step", allocPerStep);
        if (ensemble > 0) {
            TrainingSpec.MEMBERS.as("--ensemble").check(ensemble);
            Ensemble e = Ensemble.create(spec, data, ensemble, () -> false);
            // the steady state: for the first seconds the JIT compiler takes a good part of both cores
            // (measured: 1.3x at 20 warm-up steps, 1.6-1.9x once it is done)
            long warm = System.nanoTime() + 10_000_000_000L;
            for (int w = 0; w < 1000 && System.nanoTime() < warm; w++) {
                e.advance();
            }
            double ensembleMs = medianMillis(e::advance, Math.max(reps, 30), 2);
            json.put("ensemble_members", ensemble);
            json.put("ensemble_step_ms", round(ensembleMs));
            json.put("ensemble_steps_per_s", round(1000 / ensembleMs));
            // 1.0: K members cost K single steps; two lanes (MemberStepper) raise it towards 2
            json.put("ensemble_efficiency", round(stepMs * ensemble / ensembleMs));
        }
        out.printf(Locale.ROOT, "backend %s: NTK %.1f ms (%.1f GFLOP/s), GD step %.1f ms (%.1f GFLOP/s)%n",
                MatrixBackend.current().name(), ntkMs, ntkFlops / ntkMs / 1e6, stepMs, stepFlops / stepMs / 1e6);
        out.println(new Gson().toJson(json));
        return 0;
    }

    /** Forward, batched backward and one Gram pair per layer, counted as general products. */
    static double ntkFlops(NetworkConfig c, int d0, int n) {
        double w = c.width();
        double pass = 2.0 * n * (d0 * w + (c.depth() - 1) * w * w + w);
        double back = 2.0 * n * ((c.depth() - 1) * w * w + w);
        double grams = 2.0 * n * n * ((d0 + w) + (c.depth() - 1) * 2 * w + (w + 1));
        return pass + back + grams;
    }

    /** Forward, backward and the weight gradients. */
    static double stepFlops(NetworkConfig c, int d0, int n) {
        double w = c.width();
        double pass = 2.0 * n * (d0 * w + (c.depth() - 1) * w * w + w);
        double back = 2.0 * n * ((c.depth() - 1) * w * w + w);
        return 2 * pass + back;
    }

    /** Medians of {@code a} and {@code b} timed in turn, step for step, after two of each. */
    private static double[] interleavedMedians(Runnable a, Runnable b, int reps) {
        double[][] t = new double[2][reps];
        Runnable[] work = {a, b};
        for (int r = -2; r < reps; r++) {
            for (int k = 0; k < 2; k++) {
                long t0 = System.nanoTime();
                work[k].run();
                if (r >= 0) {
                    t[k][r] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        Arrays.sort(t[0]);
        Arrays.sort(t[1]);
        return new double[] {t[0][reps / 2], t[1][reps / 2]};
    }

    private static double medianMillis(Runnable work, int reps) {
        return medianMillis(work, reps, 2);
    }

    private static double medianMillis(Runnable work, int reps, int warmups) {
        for (int w = 0; w < warmups; w++) {
            work.run();
        }
        double[] t = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            work.run();
            t[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    /** Heap bytes the calling thread allocates per run of {@code work}, averaged. */
    private static long allocatedBytes(Runnable work, int reps) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean)) {
            return -1;
        }
        com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) bean;
        long id = Thread.currentThread().getId();
        long before = sun.getThreadAllocatedBytes(id);
        for (int r = 0; r < reps; r++) {
            work.run();
        }
        return (sun.getThreadAllocatedBytes(id) - before) / reps;
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
