#!/usr/bin/env python3
"""PyTorch peer for bench/run.sh: one full GD step (forward, backward, update) of the reference net
N=2000, 784 -> 2000 -> 64 -> 10, softplus, no biases, loss 0.5*||F_L - Y||^2, the protocol of the shared
reference script (3 warm-up steps, then STEPS steps; the mean time per step).

Usage: /usr/bin/python3 torch_gd_step.py THREADS float64|float32 [STEPS]
Prints "key value" lines: torch (version), step_ms, loss.
"""
import sys, time
import torch

threads = int(sys.argv[1]); dtype = {"float64": torch.float64, "float32": torch.float32}[sys.argv[2]]
steps = int(sys.argv[3]) if len(sys.argv) > 3 else 20
torch.set_num_threads(threads)
N, dims = 2000, [784, 2000, 64, 10]
torch.manual_seed(0)
X = torch.randn(N, dims[0], dtype=dtype); Y = torch.randn(N, dims[-1], dtype=dtype)
Ws = [(torch.randn(a, b, dtype=dtype) * (1 / a ** 0.5)).requires_grad_() for a, b in zip(dims[:-1], dims[1:])]

def loss():
    F = X
    for i, W in enumerate(Ws):
        F = F @ W
        if i < len(Ws) - 1:
            F = torch.nn.functional.softplus(F)
    return 0.5 * ((F - Y) ** 2).sum()

def step():
    l = loss(); l.backward()
    with torch.no_grad():
        for w in Ws:
            w -= 1e-6 * w.grad; w.grad = None
    return l

for _ in range(3):
    step()
t = time.perf_counter()
for _ in range(steps):
    l = step()
dt = (time.perf_counter() - t) / steps
print("torch", torch.__version__, flush=True)
print("threads", torch.get_num_threads(), flush=True)
print("step_ms", dt * 1e3, flush=True)
print("loss", float(l), flush=True)
