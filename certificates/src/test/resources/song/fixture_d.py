# Writes fixture_d.txt: the inputs of spec certificates-song.md §7 fixtures D and E, drawn exactly as
# song_reference.py's pass_fixture() (numpy default_rng(0); n=4, d0=3, d1=64, d2=2, GeLU). Paper layout:
# X (d0 x n, unit columns), W0 (d1 x d0), V0 (d2 x d1), Z0-free noise E (d2 x n, unit Frobenius norm).
# Only inputs are stored; every expected number comes from the spec. Run: /usr/bin/python3 fixture_d.py
import numpy as np
rng = np.random.default_rng(0)
n, d0, d1, d2 = 4, 3, 64, 2
X = rng.standard_normal((d0, n)); X /= np.linalg.norm(X, axis=0)
W0 = rng.standard_normal((d1, d0)); V0 = 0.05 * rng.standard_normal((d2, d1))
E = rng.standard_normal((d2, n)); E /= np.linalg.norm(E)
with open("fixture_d.txt", "w") as f:
    f.write("# inputs of spec certificates-song.md fixtures D/E (numpy default_rng(0)), written by fixture_d.py\n")
    for name, a in (("X", X), ("W0", W0), ("V0", V0), ("E", E)):
        f.write(f"{name} {a.shape[0]} {a.shape[1]}\n")
        for row in a:
            f.write(" ".join(repr(float(v)) for v in row) + "\n")
