package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.model.Activation;
import io.ntkstudio.model.InvalidInputException;
import io.ntkstudio.model.NetworkConfig;
import io.ntkstudio.model.Parameterization;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
    @Test
    void aHugeRunIsRefusedWithTheEstimateAndTheLimit() {
        NetworkConfig net = new NetworkConfig(8192, 10, Activation.RELU, Parameterization.NTK, 1, 0, 0);
        long bytes = MemoryEstimate.forTraining(net, 2, 100_000, 100_000);
        assertTrue(bytes > 8L * 8192 * 8192 * 9 * 2, "parameters and their initial copy at least");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MemoryEstimate.requireFits(bytes, "this run", "lower network.width"));
        assertTrue(e.getMessage().contains("needs about") && e.getMessage().contains("limit")
                && e.getMessage().contains("lower network.width") && e.getMessage().contains("-Xmx"), e.getMessage());
    }

    @Test
    void aSmallRunFits() {
        NetworkConfig net = new NetworkConfig(64, 2, Activation.RELU, Parameterization.NTK, 1, 0, 0);
        MemoryEstimate.requireFits(MemoryEstimate.forTraining(net, 2, 40, 80), "this run", "");
    }

    @Test
    void humanSizes() {
        assertTrue(MemoryEstimate.human(3L << 30).equals("3.0 GiB"));
        assertTrue(MemoryEstimate.human(512).equals("512 B"));
    }
}
