package io.ntkstudio.engine;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.kernel.EmpiricalNtk;
import io.ntkstudio.network.Architecture;
import io.ntkstudio.network.BatchedPass;
import io.ntkstudio.network.ConvBatchedPass;
import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.TrainingRule;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Estimates, before anything is allocated, the memory a run or a kernel needs, and refuses with
 * a message naming the estimate and the JVM's limit when it would not fit.
 */
public final class MemoryEstimate {
    private MemoryEstimate() {
    }

    /**
     * Bytes a training run of n train and m test points holds, whatever its length: the network
     * and its initial copy; the forward/backward workspaces of the train, test and (for 2-D
     * inputs) function-grid passes; the fixed kernels (Θ_0, Θ_t, Θ_∞ and the kernel regime's
     * matrices); the step and kernel logs, which decimate so their size is fixed, counted twice for
     * the moment they are copied; and three snapshots alive at once (the consumer's, the one being
     * built and the one waiting in the latest-value slot). Long runs stream their rows to disk
     * and keep no history of snapshots, so nothing here grows with the number of steps.
     */
    public static long forTraining(NetworkConfig net, int inputDim, int n, int m) {
        return forTraining(net, inputDim, n, m, TrainingRule.GD, inputDim == 2);
    }

    /**
     * As {@link #forTraining(NetworkConfig, int, int, int)}, with the optimiser's state under
     * {@code rule} (momentum buffers, batch passes), and the function grid's pass only with
     * {@code grid} (2-D data in the plane, for the network whose snapshots are shown).
     */
    public static long forTraining(NetworkConfig net, int inputDim, int n, int m, TrainingRule rule, boolean grid) {
        if (net.architecture() == Architecture.CONV) {
            return forConvTraining(net, inputDim, n, m, rule);
        }
        long params = net.parameterCount(inputDim) * 8L;
        int w = net.width();
        int d = net.hiddenLayers();
        int gridPoints = grid ? FunctionGrid.LIVE_SIZE * FunctionGrid.LIVE_SIZE : 0;
        long passes = BatchedPass.bytesNeeded(n, w, d) * 2 + BatchedPass.bytesNeeded(m, w, d)
                + EmpiricalNtk.bytesNeeded(n, w, d) + (gridPoints == 0 ? 0 : BatchedPass.bytesNeeded(gridPoints, w, d) + 8L * 3 * gridPoints)
                // a residual network's passes also keep the stream z_l, one more n × width buffer each
                + (net.architecture() == Architecture.RESIDUAL ? 8L * w * (3L * n + m + gridPoints) : 0);
        long kernels = 8L * n * n * 8 + 8L * m * n * 4;
        long logs = 2 * 8L * (StepLog.CAPACITY * (1 + 2 + 2L * StepLog.TRACKED_MODES) + KernelLog.CAPACITY * (1L + KernelLog.COLUMNS));
        long snapshots = 3 * snapshotBytes(n, m, gridPoints);
        long optimiser = Optimiser.workspaceBytes(rule, n, inputDim, w, d) + Optimiser.velocityBytes(rule, net.parameterCount(inputDim));
        return inHeap(2 * params + passes + kernels + logs + snapshots + optimiser);
    }

    /**
     * A conv network's run ({@link ConvBatchedPass}, {@link io.ntkstudio.kernel.ConvNtk}): its
     * parameters and their initial copy, the train, test and batch passes, the optimiser's
     * gradients (one row per image and position), the kernels the run keeps, and at the peak of a
     * kernel measurement the measurement's own forward pass and the widest layer's gradient rows.
     */
    static long forConvTraining(NetworkConfig net, int inputDim, int n, int m, TrainingRule rule) {
        int c = net.width();
        int d = net.depth();
        long params = net.parameterCount(inputDim) * 8L;
        int b = rule.fullBatch() ? 0 : Math.min(rule.batchSize(), n);
        long passes = ConvBatchedPass.bytesNeeded(n, inputDim, c, d, 1) + ConvBatchedPass.bytesNeeded(m, inputDim, c, d, 1)
                + (b == 0 ? 0 : 2 * ConvBatchedPass.bytesNeeded(b, inputDim, c, d, 1));
        long gradients = 8L * Math.max(n, b) * ((long) inputDim * c * d + 1);
        long widest = Math.max(9L * c, 9L * c * (d > 1 ? c : 1)) + c;
        long measurement = ConvBatchedPass.bytesNeeded(n, inputDim, c, d, 1) + 8L * n * ((long) inputDim * c * 3 + widest + 2L * n);
        long kernels = 8L * n * n * 8 + 8L * m * n * 4;
        long logs = 2 * 8L * (StepLog.CAPACITY * (1 + 2 + 2L * StepLog.TRACKED_MODES) + KernelLog.CAPACITY * (1L + KernelLog.COLUMNS));
        long snapshots = 3 * snapshotBytes(n, m, 0);
        long optimiser = Optimiser.velocityBytes(rule, net.parameterCount(inputDim));
        return inHeap(2 * params + passes + gradients + measurement + kernels + logs + snapshots + optimiser);
    }

    /**
     * A conv network's full kernels at their peak ({@link io.ntkstudio.kernel.ConvNtk#full}): the
     * widest layer's gradient rows of every output stacked for the train and the test images, and
     * the product with its scratch.
     */
    private static long convFullKernel(NetworkConfig net, int n, int m, int outputs) {
        int c = net.width();
        long widest = 9L * c * (net.depth() > 1 ? c : 1) + c;
        long rows = (long) n * outputs;
        return 8L * widest * (rows + (long) m * outputs) + 16L * rows * Math.max(n, m) * outputs;
    }

    /**
     * K networks trained in lockstep ({@link Ensemble}): the first with everything
     * {@link #forTraining(NetworkConfig, int, int, int, TrainingRule, boolean)} counts, its function grid
     * with {@code grid}; the workspaces are shared, so each other network adds only
     * {@link #perMember}, and from two networks on a second lane's workspaces ({@link MemberStepper}).
     * With {@code kernels}, each network's Θ_t and Θ_0 are measured for the window's ensemble view.
     */
    public static long forMembers(NetworkConfig net, int inputDim, int n, int m, TrainingRule rule, boolean grid, int k,
                                  boolean kernels) {
        return oneOutputEach(net, inputDim, n, m, rule, grid, k, kernels, 1);
    }

    /**
     * As {@link #forMembers(NetworkConfig, int, int, int, TrainingRule, boolean, int, boolean)} for networks
     * with {@code outputs} C outputs: with C &gt; 1 also the full (nC) × (nC) Θ_0 and the (nC) × (mC) test
     * kernel the kernel regime keeps, each with the copy the native products read (which outlasts
     * the workspace each had while it was computed), and the stacked per-output Δ's of the kernel
     * measurements.
     */
    public static long forMembers(NetworkConfig net, int inputDim, int n, int m, TrainingRule rule, boolean grid, int k,
                                  boolean kernels, int outputs) {
        long classes = 0;
        if (outputs > 1) {
            long rows = (long) n * outputs;
            long cols = (long) m * outputs;
            classes = inHeap(8L * (2 * rows * rows + 2 * rows * cols) + (net.architecture() == Architecture.CONV
                    ? convFullKernel(net, n, m, outputs)
                    : 8L * (n + m) * outputs * net.width() * net.hiddenLayers()));
        }
        return classes + oneOutputEach(net, inputDim, n, m, rule, grid, k, kernels, outputs);
    }

    private static long oneOutputEach(NetworkConfig net, int inputDim, int n, int m, TrainingRule rule, boolean grid, int k,
                                      boolean kernels, int outputs) {
        long lane = k < 2 ? 0 : net.architecture() == Architecture.CONV
                ? inHeap(2 * ConvBatchedPass.bytesNeeded(n, inputDim, net.width(), net.depth(), outputs) + 8L * n * inputDim * net.width() * net.depth())
                : inHeap(2 * BatchedPass.bytesNeeded(n, net.width(), net.hiddenLayers())
                + Optimiser.workspaceBytes(rule, n, inputDim, net.width(), net.hiddenLayers()));
        return forTraining(net, inputDim, n, m, rule, grid) + lane + (k - 1) * perMember(net, inputDim, n, m, rule, kernels, outputs);
    }

    /**
     * Bytes one more network of an ensemble holds: its parameters and their initial copy, its
     * momentum buffers, its outputs at initialisation, its train-loss log, and its test outputs in
     * the three snapshots alive at once (C = {@code classes} of each); with {@code kernels}, its Θ_t
     * in those snapshots and its Θ_0.
     */
    static long perMember(NetworkConfig net, int inputDim, int n, int m, TrainingRule rule, boolean kernels, int classes) {
        long params = net.parameterCount(inputDim, classes) * 8L;
        long outputs = (8L * 2 * (n + m) + 3 * 8L * m) * classes;
        long log = 2 * 8L * StepLog.CAPACITY * 3;
        long measured = kernels ? 4 * 8L * n * n : 0;
        return inHeap(2 * params + Optimiser.velocityBytes(rule, net.parameterCount(inputDim, classes)) + outputs + log + measured);
    }

    /**
     * What the process's resident memory peaks at for {@code heap} bytes of estimated heap and
     * {@code networks} networks: the heap, the native copy of every network's weights that OpenBLAS
     * computes on (none on the pure-Java backend), and the JVM's own {@link #JVM_BASELINE}.
     */
    public static long peakResident(long heap, NetworkConfig net, int inputDim, int networks) {
        boolean mirrored = MatrixBackend.current().name().equals("openblas");
        return heap + (mirrored ? networks * net.parameterCount(inputDim) * 8L : 0) + JVM_BASELINE;
    }

    /**
     * The JVM's resident memory beside the heap: code, metaspace, the JIT compiler, thread stacks
     * and the native libraries. Measured with {@code /usr/bin/time -f %M}: one width-512 network of
     * depth 2 on 10 points peaks at 128 MiB in all, its heap estimate being 13 MiB.
     */
    public static final long JVM_BASELINE = 140L << 20;

    /**
     * The heap {@code bytes} of large arrays really take. G1 stores an array of half a region or
     * more in whole regions (1–32 MB), so a layer's 8 MB workspace takes 12 MB: measured, a width-1024
     * run on 2-D data holds 87 MB of heap for 75 MB of arrays. Half again covers that.
     */
    private static long inHeap(long bytes) {
        return bytes + bytes / 2;
    }

    /** Bytes one kernel snapshot of a single network holds: Θ_t and its vectors over the train, test and grid points. */
    public static long snapshotBytes(int n, int m, int gridPoints) {
        return 8L * n * n + 8L * (6L * n + 6L * m + gridPoints) + 2048;
    }

    /** Bytes the empirical kernel between n1 and n2 inputs needs. */
    public static long forEmpiricalKernel(NetworkConfig net, int inputDim, int n1, int n2) {
        int w = net.width();
        int d = net.hiddenLayers();
        return net.parameterCount(inputDim) * 8L + BatchedPass.bytesNeeded(n1, w, d) + BatchedPass.bytesNeeded(n2, w, d)
                + 8L * n1 * n2 * 3;
    }

    /** Bytes the analytic kernel between n1 and n2 inputs needs. */
    public static long forAnalyticKernel(int n1, int n2) {
        return 8L * n1 * n2 * 3;
    }

    /**
     * Throws with a message that names the estimate, the limit and the fix when it would not fit:
     * the {@code -Xmx} that would hold it (what is in use now, plus the estimate, plus a quarter
     * for the collector), and whether this machine has that much.
     */
    public static void requireFits(long bytes, String what, String fix) {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long available = rt.maxMemory() - used;
        if (bytes > available) {
            // the heap in use counts garbage not yet collected (a conv run leaves hundreds of MB): collect before refusing
            System.gc();
            used = rt.totalMemory() - rt.freeMemory();
            available = rt.maxMemory() - used;
        }
        if (bytes > available) {
            long needed = (used + bytes) / 4 * 5;
            long gib = Math.max(1, (needed + (1L << 30) - 1) >> 30);
            long machine = machineBytes();
            String limit = String.format(Locale.ROOT, "%s needs about %s but the JVM has %s available (limit %s)",
                    what, human(bytes), human(available), human(rt.maxMemory()));
            throw new InvalidInputException(machine > 0 && gib << 30 > machine
                    ? String.format(Locale.ROOT, "%s, and the -Xmx%dg it would take is more than this machine's %s: %s",
                            limit, gib, human(machine), fix)
                    : String.format(Locale.ROOT, "%s: %s, or give Java more memory: java -Xmx%dg -jar ...", limit, fix, gib));
        }
    }

    /** The machine's physical memory, or 0 where the JVM does not say. */
    private static long machineBytes() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
    }

    public static String human(long bytes) {
        double v = bytes;
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
