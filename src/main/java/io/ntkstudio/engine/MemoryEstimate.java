package io.ntkstudio.engine;

import io.ntkstudio.kernel.EmpiricalNtk;
import io.ntkstudio.model.BatchedPass;
import io.ntkstudio.model.InvalidInputException;
import io.ntkstudio.model.NetworkConfig;
import java.util.Locale;

/**
 * Estimates, before anything is allocated, the memory a run or a kernel needs, and refuses with
 * a message naming the estimate and the JVM's limit when it would not fit.
 */
public final class MemoryEstimate {
    private MemoryEstimate() {
    }

    /** Bytes a training run of n train and m test points holds. */
    public static long forTraining(NetworkConfig net, int inputDim, int n, int m) {
        long params = net.parameterCount(inputDim) * 8L;
        int w = net.width();
        int d = net.depth();
        long passes = BatchedPass.bytesNeeded(n, w, d) * 2 + BatchedPass.bytesNeeded(m, w, d)
                + EmpiricalNtk.bytesNeeded(n, w, d);
        long kernels = 8L * n * n * 8 + 8L * m * n * 4;
        return 2 * params + passes + kernels;
    }

    /** Bytes the empirical kernel between n1 and n2 inputs needs. */
    public static long forEmpiricalKernel(NetworkConfig net, int inputDim, int n1, int n2) {
        int w = net.width();
        int d = net.depth();
        return net.parameterCount(inputDim) * 8L + BatchedPass.bytesNeeded(n1, w, d) + BatchedPass.bytesNeeded(n2, w, d)
                + 8L * n1 * n2 * 3;
    }

    /** Bytes the analytic kernel between n1 and n2 inputs needs. */
    public static long forAnalyticKernel(int n1, int n2) {
        return 8L * n1 * n2 * 3;
    }

    /** Throws with a message that names the estimate, the limit and the fix when it would not fit. */
    public static void requireFits(long bytes, String what, String fix) {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long available = rt.maxMemory() - used;
        if (bytes > available * 0.9) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s needs about %s but the JVM has %s available (limit %s): %s, or give Java more memory (e.g. java -Xmx16g -jar ...)",
                    what, human(bytes), human(available), human(rt.maxMemory()), fix));
        }
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
