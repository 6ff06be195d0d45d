"""NumPy reference for `ntk-studio bench`: the same workload in NumPy, to compare as a ratio.

Workload (docs/ntk-math.md, "The benchmark workload"): ReLU, NTK parameterization, sigma_w = sqrt(2),
sigma_b = 0.1, N inputs evenly on the unit circle, targets sin(3 angle), loss 1/(2N) sum (f - y)^2.
Times the layer-wise empirical NTK on the train inputs and one full-batch GD step, and a 2048^2
dgemm as the machine's double-precision ceiling. Prints one JSON line (median milliseconds).

usage: python3 docs/bench/numpy_reference.py N WIDTH DEPTH [REPS]
Unset OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for this command, and for `bench`, in the same session.
"""
import json
import sys
import time

import numpy as np

SW, SB = np.sqrt(2.0), 0.1


def init(d0, width, depth, rng):
    dims = [d0] + [width] * depth + [1]
    return [[rng.standard_normal((o, i)), rng.standard_normal(o)] for i, o in zip(dims, dims[1:])]


def run_forward(layers, x):
    """Inputs of every layer (H_0 = X, H_l = relu(Z_l)) and the pre-activations Z_l."""
    inputs, pre = [x], []
    for k, (w, b) in enumerate(layers):
        z = inputs[-1] @ w.T * (SW / np.sqrt(w.shape[1])) + SB * b
        pre.append(z)
        inputs.append(z if k == len(layers) - 1 else np.maximum(z, 0.0))
    return inputs, pre


def run_backward(layers, pre):
    """D_l[i] = d f(x_i) / d z_l(x_i) for every layer, last layer first filled."""
    d = np.ones((pre[0].shape[0], 1))
    out = [None] * len(layers)
    for k in reversed(range(len(layers))):
        out[k] = d
        if k:
            w = layers[k][0]
            d = (d @ w) * (SW / np.sqrt(w.shape[1])) * (pre[k - 1] > 0)
    return out


def empirical_ntk(layers, x):
    inputs, pre = run_forward(layers, x)
    ds = run_backward(layers, pre)
    k = np.zeros((x.shape[0], x.shape[0]))
    for h, d, (w, _) in zip(inputs, ds, layers):
        k += (d @ d.T) * (SW * SW / w.shape[1] * (h @ h.T) + SB * SB)
    return k


def gd_step(layers, x, y, rate):
    inputs, pre = run_forward(layers, x)
    residual = (inputs[-1][:, 0] - y) / x.shape[0]
    for h, d, wb in zip(inputs, run_backward(layers, pre), layers):
        g = d * residual[:, None]
        wb[0] -= rate * SW / np.sqrt(wb[0].shape[1]) * (g.T @ h)
        wb[1] -= rate * SB * g.sum(axis=0)


def median_ms(work, reps):
    work()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        work()
        times.append(1e3 * (time.perf_counter() - start))
    return sorted(times)[len(times) // 2]


def main(argv):
    n, width, depth = (int(a) for a in argv[1:4])
    reps = int(argv[4]) if len(argv) > 4 else 5
    angle = 2 * np.pi * np.arange(n) / n
    x = np.column_stack([np.cos(angle), np.sin(angle)])
    y = np.sin(3 * angle)
    layers = init(2, width, depth, np.random.default_rng(0))
    a = np.random.default_rng(1).random((2048, 2048))
    start = time.perf_counter()
    a @ a
    peak = 2 * 2048 ** 3 / (time.perf_counter() - start) / 1e9
    print(json.dumps({"n": n, "width": width, "depth": depth,
                      "ntk_ms": median_ms(lambda: empirical_ntk(layers, x), reps),
                      "step_ms": median_ms(lambda: gd_step(layers, x, y, 1e-3), reps),
                      "dgemm_gflops": peak}))


if __name__ == "__main__":
    main(sys.argv)
