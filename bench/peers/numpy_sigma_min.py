#!/usr/bin/env python3
"""NumPy peer for bench/run.sh: sigma_N(F_1) = sqrt(lambda_min(F_1 F_1^T)) of the N x n feature matrix the
Java side wrote (the certificate-side spectral work of nguyen_mondelli: lambda_F), by the natural NumPy route:
the Gram matrix on the small side (F @ F.T, a syrk in OpenBLAS) and LAPACK's eigvalsh. Timed REPS times.

Usage: /usr/bin/python3 numpy_sigma_min.py F1.npy REPS
Prints "key value" lines: seconds_R and gram_seconds_R (the Gram matrix alone) for each repetition, then sigma_n.
"""
import sys, time
import numpy as np

F = np.load(sys.argv[1]); reps = int(sys.argv[2])
assert F.shape[1] >= F.shape[0], "sigma_N needs at least as many columns as rows"
for r in range(reps):
    t = time.perf_counter()
    G = F @ F.T
    tg = time.perf_counter() - t
    lam = np.linalg.eigvalsh(G)[0]
    s = float(np.sqrt(max(lam, 0.0)))
    print(f"seconds_{r}", time.perf_counter() - t, flush=True)
    print(f"gram_seconds_{r}", tg, flush=True)
print("sigma_n", s, flush=True)
