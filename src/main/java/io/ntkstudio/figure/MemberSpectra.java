package io.ntkstudio.figure;

import io.ntkstudio.kernel.EigenvalueSolver;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;

/**
 * The eigenvalues (descending) of another network's kernel than the run's own, which the engine
 * does not decompose: computed when a spectrum view asks for that network, and kept for the last
 * few kernels, so that a view repainted from the same snapshot does not decompose them again.
 * Kernels are immutable, so the same object always has the same eigenvalues. Thread-safe: views
 * paint off the FX thread.
 */
final class MemberSpectra {
    private static final int KEPT = 8;
    private static final ReadOnlyMatrix[] KERNELS = new ReadOnlyMatrix[KEPT];
    private static final ReadOnlyVector[] VALUES = new ReadOnlyVector[KEPT];
    private static int next;

    private MemberSpectra() {
    }

    static ReadOnlyVector of(ReadOnlyMatrix kernel) {
        synchronized (KERNELS) {
            for (int i = 0; i < KEPT; i++) {
                if (KERNELS[i] == kernel) {
                    return VALUES[i];
                }
            }
        }
        ReadOnlyVector values = ReadOnlyVector.adopt(new EigenvalueSolver(kernel.rows()).descending(kernel.toArray()));
        synchronized (KERNELS) {
            KERNELS[next] = kernel;
            VALUES[next] = values;
            next = (next + 1) % KEPT;
        }
        return values;
    }
}
