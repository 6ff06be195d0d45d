package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import org.junit.jupiter.api.Test;

class CrossKernelTest {
    @Test
    void reusedWorkspacesGiveTheExplicitJacobianProductEveryTime() {
        // one workspace, two networks and two sets of inputs: nothing of the first call may leak into the second
        NetworkConfig cfg = new NetworkConfig(40, 3, Activation.RELU, Parameterization.NTK, 1.0, 0.1, 5);
        Network a = Network.initialize(cfg, 2);
        Network b = Network.initialize(cfg.withSeed(6), 2);
        CrossKernel k = new CrossKernel(a, 1, 7);
        double[] out = new double[7];
        for (Network net : new Network[] {a, b}) {
            for (long seed : new long[] {11, 12}) {
                double[] x1 = EmpiricalNtkTest.inputs(1, 2, seed);
                double[] x2 = EmpiricalNtkTest.inputs(7, 2, seed + 100);
                k.compute(net, x1, x2, out);
                double err = EmpiricalNtkTest.maxRelativeError(out, EmpiricalNtkTest.explicitKernel(net, x1, 1, x2, 7));
                assertTrue(err < 1e-10, "seed " + seed + ": " + err);
            }
        }
    }

    @Test
    void theWorkspaceEstimateCoversBothPasses() {
        long bytes = CrossKernel.bytesNeeded(1, 121, 500, 3);
        assertTrue(bytes >= 8L * 122 * 500 * 3, "at least one activation per point, unit and layer: " + bytes);
    }
}
