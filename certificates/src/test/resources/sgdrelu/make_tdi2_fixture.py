"""Writes the T-DI-2 instance of certificates-sgd-relu.md §2.6 (numpy seed 0) and its reference numbers.

N = 10, d0 = 10, d1 = 5000, d2 = 1; rows of X uniform on the unit sphere; balanced +-1 labels;
W0 ~ N(0, 1), V0 ~ N(0, 1/d1). Drawn exactly as shared/specs/certificates-sgd-relu-scripts/
tdi2_certified_flow.py does, so the numbers are the spec's [CHECKED] ones. The CERT-DI constants
follow certlib.cert (no rounding margins); the trajectory numbers come from the same Heun
integration (fixed selection sigma'(0) = 0, h = 0.5/lambda_max(H0 H0^T), T = 15/alpha^2).

Run from this folder with numpy: python3 make_tdi2_fixture.py
"""
import numpy as np

N, d0, d1 = 10, 10, 5000
rng = np.random.default_rng(0)
X = rng.standard_normal((N, d0)); X /= np.linalg.norm(X, axis=1, keepdims=True)
y = np.ones((N, 1)); y[rng.permutation(N)[:N // 2]] = -1
W0 = rng.standard_normal((d0, d1)); V0 = rng.standard_normal((d1, 1)) / np.sqrt(d1)
np.save("tdi2_X.npy", X); np.save("tdi2_Y.npy", y); np.save("tdi2_W0.npy", W0); np.save("tdi2_V0.npy", V0)

Xop = np.linalg.norm(X, 2); nW = np.linalg.norm(W0); nV = np.linalg.norm(V0)
H0 = np.maximum(X @ W0, 0); R = H0 @ V0 - y; L0 = 0.5 * np.sum(R ** 2); a = np.sqrt(L0)
ev = np.linalg.eigvalsh(H0 @ H0.T); al = np.sqrt(ev[0]); lmax = ev[-1]
c = Xop ** 2; c1 = 2 * np.sqrt(2) * Xop ** 2 * nV; c2 = 2 * Xop ** 3 * nW
E = 4 * c * a * a / al ** 4
F = (a * c1 / al ** 3 + a * a * c2 / al ** 5) * np.exp(E)
Lam = 4 * (a * c1 / al ** 3 + 2 * a * a * c2 / al ** 5) * np.exp(E)
th0 = np.sqrt(nW ** 2 + nV ** 2); u = 4 * Xop * a / al ** 2
U = np.sqrt(2) * Xop * (nW + nV) * (2 * a / al ** 2) * np.exp(np.sqrt(2) * Xop * 2 * a / al ** 2)
# JJ^T at theta0 for both layers trained, sigma'(0) = 0
A = (X @ W0 > 0).astype(float)
G = (X @ X.T) * (A @ np.diag(V0[:, 0] ** 2) @ A.T) + H0 @ H0.T
ntk = np.linalg.eigvalsh(G)[-1]


def grad(W, V):
    Z = X @ W; Am = Z > 0; H = Z * Am; Rr = H @ V - y
    return X.T @ ((Rr @ V.T) * Am), H.T @ Rr, 0.5 * np.sum(Rr ** 2), H


h = 0.5 / lmax; T = 15 / al ** 2; n = int(T / h) + 1
third = n // 3  # the Java test integrates to here (t = 5/alpha^2) to stay fast; recorded below
W, V = W0.copy(), V0.copy(); t = 0.0; worst = -np.inf; Lbar = 0.0; minal = np.inf; maxdisp = 0.0
for k in range(n):
    if k == third:
        thirdLbar, thirdDisp = Lbar, maxdisp
    gW, gV, L, H = grad(W, V)
    worst = max(worst, np.log(L / L0) + al ** 2 * t)
    minal = min(minal, np.sqrt(max(np.linalg.eigvalsh(H @ H.T)[0], 0)))
    maxdisp = max(maxdisp, np.sqrt(np.sum((W - W0) ** 2) + np.sum((V - V0) ** 2)))
    W1, V1 = W - h * gW, V - h * gV
    gW1, gV1, L1, _ = grad(W1, V1)
    Lbar += h * 0.5 * (np.sqrt(L) + np.sqrt(L1))
    W, V = W - 0.5 * h * (gW + gW1), V - 0.5 * h * (gV + gV1); t += h
with open("tdi2_reference.properties", "w") as f:
    for k, v in dict(xop=Xop, normW=nW, normV=nV, loss0=L0, a=a, alpha=al, lambdaMaxHH=lmax, c=c, c1=c1, c2=c2,
                     exponent=E, F=F, Lambda=Lam, normTheta=th0, u=u, displacementU=U, ntkLambdaMax=ntk,
                     heunStep=h, heunSteps=n, heunT=T, heunWorstLogRatio=worst, heunLbar=Lbar,
                     heunMinAlpha0=minal, heunMaxDisplacement=maxdisp, heunFinalLoss=L, heunThirdSteps=third,
                     heunThirdLbar=thirdLbar, heunThirdMaxDisplacement=thirdDisp).items():
        f.write("%s=%.17g\n" % (k, v))
