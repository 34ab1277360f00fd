#!/usr/bin/env python3
"""NumPy peer of the nguyen_mondelli and ntk benchmark (issue item 7).

Computes, from the .npy files the Java bench wrote, the same spectral quantities as gdcert's
nguyen_mondelli checker and the same fixed number of Lanczos products on the empirical NTK as
gdcert's ntk checker, with the natural NumPy algorithms (Gram matrices on the small side and
numpy.linalg.eigvalsh), and prints one "key value" line per timing/result.

Usage: /usr/bin/python3 nguyen_peer.py DIR GAMMA BETA NTK_PRODUCTS [REPEAT]
(each spectral timing is the best of REPEAT runs, default 3)
Needs only numpy (no scipy: Phi is math.erfc, vectorised; its cost is reported as 'activation'
and is not part of the spectral comparison).
"""
import math, sys, time
import numpy as np

d = sys.argv[1]; g = float(sys.argv[2]); b = float(sys.argv[3]); k = int(sys.argv[4])
R = int(sys.argv[5]) if len(sys.argv) > 5 else 3
X = np.load(f"{d}/X.npy"); Y = np.load(f"{d}/Y.npy")
Ws = [np.load(f"{d}/W{l}.npy") for l in (1, 2, 3)]
N, dim = X.shape
s = (1 - g) / (b * math.sqrt(2 * math.pi))
_erfc = np.vectorize(math.erfc, otypes=[float])
def Phi(z): return 0.5 * _erfc(-z / math.sqrt(2))
def phi(z): return np.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)
def sigma(x):
    z = x / s; return g * x + (1 - g) * s * (z * Phi(z) + phi(z) - phi(0.0))
def dsigma(x): return g + (1 - g) * Phi(x / s)
def out(key, val): print(f"{key} {val!r}", flush=True)

# ---- forward pass (GEMMs timed; the activation separately: NumPy has no vectorised erf)
t = time.perf_counter(); G1 = X @ Ws[0]; t_g1 = time.perf_counter() - t
t = time.perf_counter(); F1 = sigma(G1); D1 = dsigma(G1); t_act = time.perf_counter() - t
t = time.perf_counter(); G2 = F1 @ Ws[1]; t_g2 = time.perf_counter() - t
t = time.perf_counter(); F2 = sigma(G2); D2 = dsigma(G2); t_act += time.perf_counter() - t
t = time.perf_counter(); F3 = F2 @ Ws[2]; r0 = float(np.linalg.norm(F3 - Y)); t_g3 = time.perf_counter() - t
out("forward_gemm_s", t_g1 + t_g2 + t_g3); out("activation_s", t_act); out("r0", r0)

def top(M): return float(np.linalg.eigvalsh(M)[-1])
def bottom(M): return float(np.linalg.eigvalsh(M)[0])
# ---- the spectral quantities of nguyen_mondelli
T = {}
def best(key, t0): T[key] = min(T.get(key, math.inf), time.perf_counter() - t0)
for _rep in range(R):
    t = time.perf_counter(); nX2 = math.sqrt(top(X.T @ X if dim <= N else X @ X.T)); best("normX2", t)
    t = time.perf_counter()
    s1 = math.sqrt(top(Ws[0] @ Ws[0].T if Ws[0].shape[0] <= Ws[0].shape[1] else Ws[0].T @ Ws[0]))
    s2 = math.sqrt(top(Ws[1].T @ Ws[1])); G3 = Ws[2].T @ Ws[2]; ev3 = np.linalg.eigvalsh(G3)
    s3 = math.sqrt(ev3[-1]); l3 = math.sqrt(max(ev3[0], 0.0)); best("weights", t)
    t = time.perf_counter(); lamF = math.sqrt(max(bottom(F1 @ F1.T), 0.0)); best("lambdaF", t)
    t = time.perf_counter()
    P = X @ X.T / dim; q = np.diag(P).copy(); S2 = q + s * s; Sa = np.sqrt(S2)
    AB = np.sqrt(np.outer(S2, S2)); root = np.sqrt(np.maximum(np.outer(S2, S2) - P * P, 0.0))
    K1 = (root + P * (math.pi - np.arctan2(root, P))) / (2 * math.pi)
    Gs = g * P + (1 - g) ** 2 * (K1 - s / (2 * math.pi) * (Sa[:, None] + Sa[None, :]) + s * s / (2 * math.pi))
    lstar = bottom(Gs); best("lambdaStar", t)
for key, v in T.items(): out(f"time_{key}_s", v)
out("spectral_total_s", sum(T.values()))
out("normX2", nX2); out("specNorm1", s1); out("specNorm2", s2); out("specNorm3", s3); out("lambda3", l3)
out("lambdaF", lamF); out("lambdaStar", lstar)

# ---- ntk: k Lanczos products v -> J(J^T v), full reorthogonalisation (same algorithm as gdcert)
def vjp(V):
    gW3 = F2.T @ V; dG2 = (V @ Ws[2].T) * D2; gW2 = F1.T @ dG2; dG1 = (dG2 @ Ws[1].T) * D1; gW1 = X.T @ dG1
    return gW1, gW2, gW3
def jvp(T1, T2, T3):
    tF1 = (X @ T1) * D1; tF2 = (F1 @ T2 + tF1 @ Ws[1]) * D2; return F2 @ T3 + tF2 @ Ws[2]
if k > 0:
    n = Y.size; rng = np.random.default_rng(1); v = rng.random(n) - 0.5; v /= np.linalg.norm(v)
    V = [v]; alpha = []; beta = []
    t = time.perf_counter()
    for j in range(k):
        w = jvp(*vjp(V[j].reshape(Y.shape))).ravel()
        alpha.append(float(w @ V[j]))
        for _ in range(2):
            for u in V: w -= (w @ u) * u
        bj = float(np.linalg.norm(w)); beta.append(bj)
        if j + 1 < k: V.append(w / bj)
    Tm = np.diag(alpha) + np.diag(beta[:-1], 1) + np.diag(beta[:-1], -1); ritz = np.linalg.eigvalsh(Tm)
    t_ntk = time.perf_counter() - t
    out("ntk_s", t_ntk); out("ntk_products", k); out("ntk_lambda_max", float(ritz[-1])); out("ntk_lambda_min", float(ritz[0]))
