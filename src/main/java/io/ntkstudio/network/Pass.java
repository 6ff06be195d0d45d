package io.ntkstudio.network;

import io.ntkstudio.linalg.MatrixBackend;

/**
 * A network's forward pass over a batch of n inputs and the backpropagation the optimiser drives,
 * in buffers allocated once: {@link BatchedPass} for dense and residual networks,
 * {@link ConvBatchedPass} for conv ones. Layer l is the product of {@link #layerInput} (its rows ×
 * fan_in(l)) with W_lᵀ: one row per input for a dense layer, one per input and position for a
 * convolution ({@link Network#rowsPerPoint}).
 */
public interface Pass {
    /** The pass for networks shaped like {@code shape} on n inputs. */
    static Pass of(Network shape, int n, MatrixBackend backend) {
        return switch (shape.config().architecture()) {
            case DENSE, RESIDUAL -> new BatchedPass(shape, n, backend);
            case CONV -> new ConvBatchedPass(shape, n, backend);
        };
    }

    /** n, the inputs of a batch. */
    int size();

    /** Runs the network on the rows of {@code x} (n × inputDim, row-major). */
    void forward(Network net, double[] x);

    /** f(x_i) for every input of the last forward, n × C. Live buffer. */
    double[] outputs();

    /** Layer l's input rows from the last forward (X for a dense network's first layer). Live buffer. */
    double[] layerInput(int l);

    /**
     * Backpropagation through layer {@code l} ≥ 1: from g = ∂L/∂z_l (its rows × fan_out(l)) to
     * ∂L/∂z_{l−1} in {@code out}.
     */
    void propagate(Network net, int l, double[] g, double[] out);
}
