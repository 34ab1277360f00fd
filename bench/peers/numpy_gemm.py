#!/usr/bin/env python3
"""NumPy peer for bench/run.sh: dgemm throughput, the protocol of the shared reference script
(random n x n operands, one product to warm up, then products for SECONDS seconds; GFLOP/s of the mean).

Usage: /usr/bin/python3 numpy_gemm.py SECONDS N [N ...]
Prints one "key value" line each: blas (the BLAS library NumPy loaded), then gemm_N GFLOP/s.
"""
import sys, time
import numpy as np

def loaded_blas():
    """The BLAS shared object in this process (Debian's numpy picks it through update-alternatives)."""
    libs = set()
    with open("/proc/self/maps") as f:
        for line in f:
            path = line.split()[-1]
            if "blas" in path.lower() and ".so" in path:
                libs.add(path)
    return ",".join(sorted(libs)) or "unknown"

seconds = float(sys.argv[1])
np.ones((2, 2)) @ np.ones((2, 2))  # loads the BLAS
print("blas", loaded_blas(), flush=True)
print("numpy", np.__version__, flush=True)
for n in map(int, sys.argv[2:]):
    rng = np.random.default_rng(n)
    a = rng.standard_normal((n, n)); b = rng.standard_normal((n, n))
    a @ b
    t = time.perf_counter(); r = 0
    while time.perf_counter() - t < seconds:
        a @ b; r += 1
    dt = (time.perf_counter() - t) / r
    print(f"gemm_{n}", 2 * n ** 3 / dt / 1e9, flush=True)
