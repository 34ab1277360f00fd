#!/usr/bin/env python3
"""Training and test error of the runs of seed003-figure1.exp (seed 003, Figure 1).

gdcert now measures both natively: the script's `holdout` statement (2000 test images) adds the
`error` monitor, whose train_error and holdout_error are in each run's trajectory.csv and, as
final_train_error and final_holdout_error, in results.csv. This script stays as an independent
cross-check, written without gdcert's code: it reads each run's folder (X.npy, Y.npy,
theta_final_W1.npy, theta_final_W2.npy) and Fashion-MNIST's test split, and prints, per run, w2,
the training error (argmax of the outputs against the one-hot labels), the test error on all
10,000 test images, standardized as in the script (mean 0.2860, std 0.3530), and the test error on
the run's own held-out images (X_holdout.npy, Y_holdout.npy; it should equal final_holdout_error).
Then the mean per w2. Needs python3-numpy and Debian's dataset-fashion-mnist.

    python3 examples/repro/fashion_errors.py runs/seed003-figure1
"""
import gzip
import json
import math
import pathlib
import struct
import sys

import numpy as np

DATA = pathlib.Path("/usr/share/datasets/fashion-mnist")
MEAN, STD = 0.2860, 0.3530  # the script's normalize=standard constants


def idx(path):
    with gzip.open(path) as f:
        raw = f.read()
    dims = struct.unpack(">" + "i" * (raw[3]), raw[4:4 + 4 * raw[3]])
    return np.frombuffer(raw[4 + 4 * raw[3]:], dtype=np.uint8).reshape(dims)


_erf = np.vectorize(math.erf)


def gelu(z):
    return z * 0.5 * (1 + _erf(z / math.sqrt(2)))


def error(x, w1, w2, labels):
    return float(np.mean(np.argmax(gelu(x @ w1) @ w2, axis=1) != labels))


def main(folder):
    xt = (idx(DATA / "t10k-images-idx3-ubyte.gz").reshape(10000, -1) / 255.0 - MEAN) / STD
    yt = idx(DATA / "t10k-labels-idx1-ubyte.gz")
    by_w2 = {}
    print(f"{'run':24s} {'w2':>10s} {'train error':>12s} {'test error':>11s} {'holdout error':>14s}")
    for run in sorted(p for p in pathlib.Path(folder).iterdir() if (p / "theta_final_W1.npy").exists()):
        w2 = float(json.loads((run / "summary.json").read_text())["bindings"]["w2"])
        w1f, w2f = np.load(run / "theta_final_W1.npy"), np.load(run / "theta_final_W2.npy")
        x, y = np.load(run / "X.npy"), np.load(run / "Y.npy")
        train = error(x, w1f, w2f, np.argmax(y, axis=1))
        test = error(xt, w1f, w2f, yt)
        held = float("nan")
        if (run / "X_holdout.npy").exists():
            held = error(np.load(run / "X_holdout.npy"), w1f, w2f, np.argmax(np.load(run / "Y_holdout.npy"), axis=1))
        by_w2.setdefault(w2, []).append((train, test, held))
        print(f"{run.name:24s} {w2:10.6f} {train:12.4f} {test:11.4f} {held:14.4f}")
    print("\nmean over runs")
    for w2 in sorted(by_w2):
        tr, te, he = np.mean(by_w2[w2], axis=0)
        print(f"w2 = {w2:9.6f}: train error {tr:.4f}, test error {te:.4f}, holdout error {he:.4f}"
              f" ({len(by_w2[w2])} runs)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
