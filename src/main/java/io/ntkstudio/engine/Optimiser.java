package io.ntkstudio.engine;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.linalg.WeightStorage;
import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.BatchedPass;
import io.ntkstudio.network.Pass;
import io.ntkstudio.network.LayerScales;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.TrainingRule;

/**
 * One network's step under a {@link TrainingRule}, with the optimiser's state: the momentum
 * buffers, and the batch passes. On batch S with α-scaled outputs f_α it backpropagates
 * g_L = α ℓ'(f_α, y)/|S| layer by layer and updates each layer in place right after its g has
 * been propagated below it: plain GD W_l −= η m_l g_lᵀ H_{l−1}; with momentum
 * V_l ← βV_l + m_l g_lᵀ H_{l−1}, W_l −= ηV_l (PyTorch's SGD). The parameters move at η/α²
 * (docs/ntk-math.md, "Output scale"). The workspaces (the g's and the batch passes) are
 * allocated once and shared by every network of one shape stepped from the same thread; each
 * network's own state is its {@link Velocity}. A step allocates nothing.
 */
final class Optimiser {
    private final TrainingRule rule;
    private final BatchSchedule batches;
    private final double[] xTrain;
    private final double[] yTrain;
    private final double alpha;
    private final int dim;
    private final int outputs;
    private final MatrixBackend backend;
    private final double[][] g;
    private final Pass batchPass;
    private final Pass remainderPass;
    private final double[] batchInputs;
    private final double[] remainderInputs;

    /** One network's momentum buffers V_l and v_l (zero at the start); none under plain GD. */
    static final class Velocity {
        private final WeightStorage[] weights;
        private final double[][] biases;

        private Velocity(Network shape) {
            weights = new WeightStorage[shape.layerCount()];
            biases = new double[shape.layerCount()][];
            for (int l = 0; l < shape.layerCount(); l++) {
                weights[l] = new WeightStorage(new double[shape.fanOut(l) * shape.fanIn(l)]);
                biases[l] = new double[shape.fanOut(l)];
            }
        }
    }

    /** The workspaces for networks shaped like {@code shape} on these train points, with outputs scaled by α. */
    Optimiser(Network shape, double[] xTrain, double[] yTrain, double alpha, TrainingRule rule, BatchSchedule batches,
              MatrixBackend backend) {
        this.rule = rule;
        this.batches = batches;
        this.xTrain = xTrain;
        this.yTrain = yTrain;
        this.alpha = alpha;
        this.dim = shape.inputDim();
        this.outputs = shape.outputs();
        this.backend = backend;
        int n = yTrain.length / outputs;
        int b = batches.batchSize();
        this.g = new double[shape.layerCount()][];
        for (int l = 0; l < shape.layerCount(); l++) {
            g[l] = new double[b * shape.rowsPerPoint(l) * shape.fanOut(l)];
        }
        int rest = n % b;
        this.batchPass = batches.fullBatch() ? null : Pass.of(shape, b, backend);
        this.batchInputs = batches.fullBatch() ? null : new double[b * dim];
        this.remainderPass = batches.fullBatch() || rest == 0 ? null : Pass.of(shape, rest, backend);
        this.remainderInputs = remainderPass == null ? null : new double[rest * dim];
    }

    /** A network's own optimiser state: fresh momentum buffers, or null under plain GD. */
    Velocity velocity(Network shape) {
        return rule.momentum() == 0 ? null : new Velocity(shape);
    }

    /** Bytes of the shared workspaces beyond the full-batch step's: the batch passes. */
    static long workspaceBytes(TrainingRule rule, int n, int dim, int width, int depth) {
        if (rule.fullBatch()) {
            return 0;
        }
        int b = Math.min(rule.batchSize(), n);
        return 2 * (BatchedPass.bytesNeeded(b, width, depth) + 8L * b * dim);
    }

    /** Bytes of one network's {@link Velocity}. */
    static long velocityBytes(TrainingRule rule, long parameters) {
        return rule.momentum() == 0 ? 0 : 8L * parameters;
    }

    /**
     * Step {@code t} of {@code net} (initial outputs {@code trainAtZero}, momentum buffers {@code v})
     * at rate η, from {@code fullPass}, which holds the forward pass of {@code net} over every train
     * point at its current parameters, and {@code f}, its α-scaled outputs.
     */
    void step(Network net, Velocity v, double[] trainAtZero, long t, double learningRate, Pass fullPass, double[] f) {
        int last = net.layerCount() - 1;
        Loss loss = rule.loss();
        Pass pass;
        int count;
        int c = outputs;
        if (batches.fullBatch()) {
            pass = fullPass;
            count = f.length / c;
            if (c == 1) {
                for (int i = 0; i < count; i++) {
                    g[last][i] = alpha * loss.slope(f[i], yTrain[i]) / count;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    loss.rowSlopes(f, i * c, yTrain, i * c, c, alpha / count, g[last], i * c);
                }
            }
        } else {
            int[] s = batches.indices(t);
            count = batches.count(t);
            pass = count == batches.batchSize() ? batchPass : remainderPass;
            double[] x = count == batches.batchSize() ? batchInputs : remainderInputs;
            for (int k = 0; k < count; k++) {
                System.arraycopy(xTrain, s[k] * dim, x, k * dim, dim);
            }
            pass.forward(net, x);
            double[] out = pass.outputs();
            if (c == 1) {
                for (int k = 0; k < count; k++) {
                    int i = s[k];
                    double fa = alpha == 1 ? out[k] : trainAtZero[i] + alpha * (out[k] - trainAtZero[i]);
                    g[last][k] = alpha * loss.slope(fa, yTrain[i]) / count;
                }
            } else {
                if (alpha != 1) {
                    for (int k = 0; k < count; k++) {
                        for (int a = 0; a < c; a++) {
                            int at = s[k] * c + a;
                            out[k * c + a] = trainAtZero[at] + alpha * (out[k * c + a] - trainAtZero[at]);
                        }
                    }
                }
                for (int k = 0; k < count; k++) {
                    loss.rowSlopes(out, k * c, yTrain, s[k] * c, c, alpha / count, g[last], k * c);
                }
            }
        }
        double rate = learningRate / (alpha * alpha);
        for (int l = last; l >= 0; l--) {
            if (l > 0) {
                pass.propagate(net, l, g[l], g[l - 1]);
            }
            update(net, v, l, rate, pass, count * net.rowsPerPoint(l));
        }
    }

    private void update(Network net, Velocity v, int l, double rate, Pass pass, int rows) {
        LayerScales s = net.scales(l);
        int fanOut = net.fanOut(l);
        double[] gl = g[l];
        double[] b = net.biases(l);
        if (v == null) {
            backend.multAddTransA(-rate * s.weightMultiplier(), gl, pass.layerInput(l), net.weightStorage(l), rows, fanOut, net.fanIn(l));
            double scale = rate * s.biasMultiplier();
            for (int o = 0; o < fanOut; o++) {
                double sum = 0;
                for (int i = 0; i < rows; i++) {
                    sum += gl[i * fanOut + o];
                }
                b[o] -= scale * sum;
            }
            return;
        }
        double beta = rule.momentum();
        backend.multTransAInto(s.weightMultiplier(), gl, pass.layerInput(l), beta, v.weights[l], rows, fanOut, net.fanIn(l));
        backend.addScaled(-rate, v.weights[l], net.weightStorage(l));
        double[] vb = v.biases[l];
        for (int o = 0; o < fanOut; o++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += gl[i * fanOut + o];
            }
            vb[o] = beta * vb[o] + s.biasMultiplier() * sum;
            b[o] -= rate * vb[o];
        }
    }
}
