#!/usr/bin/env python3
"""Reference values for SpecialFunctionsTest and GaussHermiteTest (org.gdcert.core.math).

Computed with mpmath at 60 significant digits and printed as Java literals with 20 significant
digits (Java rounds each literal to the nearest double, i.e. to the correctly rounded value).
Run:  /usr/bin/python3 special_functions_reference.py > out.txt  and paste the arrays.
"""
import mpmath as mp

mp.mp.dps = 60


def lit(v):
    v = mp.mpf(v)
    if v == 0:
        return "0.0"
    return mp.nstr(v, 20, min_fixed=-1, max_fixed=-1).replace("e", "e")


def table(name, fn, xs):
    print(f"    // {name}")
    print(f"    static final double[][] {name.upper()} = {{")
    for x in xs:
        x = mp.mpf(float(x))  # the double nearest to the decimal, as Java parses the literal
        print(f"        {{{lit(x)}, {lit(fn(x))}}},")
    print("    };")


ERF_X = ["1e-300", "1e-20", "1e-10", "1e-5", "0.1", "0.25", "0.46875", "0.46876", "0.5", "0.75", "1", "1.5",
         "2", "3", "3.999", "4", "4.001", "5", "5.9", "6", "8"]
ERF_X = ERF_X + ["-" + x for x in ERF_X]
ERFC_X = ["1e-20", "0.1", "0.46875", "0.46876", "0.5", "0.75", "1", "1.5", "2", "3", "3.999", "4", "4.001", "5",
          "6", "8", "10", "15", "20", "25", "26.5"] + ["-1e-20", "-0.1", "-0.46876", "-1", "-2", "-4.5", "-6"]
ERFCX_X = ["-5", "-1", "-0.3", "0", "0.3", "0.46875", "0.5", "1", "2", "4", "4.5", "5", "10", "26.5", "100", "1e4",
           "1e8", "1e200"]
NCDF_Z = ["-38", "-37.5", "-30", "-20", "-10", "-5", "-3", "-2", "-1", "-0.7", "-0.66", "-0.5", "-1e-8", "0",
          "1e-8", "0.5", "0.66", "1", "2", "5", "8"]
NPDF_Z = ["0", "1e-8", "0.5", "1", "2.5", "-7", "10", "20", "-30", "37"]
EXPSQ_X = ["0", "1e-9", "0.3", "1", "2.7", "-5.03", "10.1", "20.5", "26.6"]
PSI_Z = ["-37", "-30", "-20", "-10", "-6", "-4.01", "-4", "-3.5", "-3", "-2.5", "-2.0000001", "-2", "-1.5", "-1",
         "-0.3", "0", "0.3", "1", "3", "10"]

def erfcx(x):
    if x > 1e6:  # asymptotic series; the omitted terms are below 1e-48 relative
        return (1 - 1 / (2 * x * x) + 3 / (4 * x ** 4) - 15 / (8 * x ** 6)) / (x * mp.sqrt(mp.pi))
    return mp.exp(x * x) * mp.erfc(x)


if __name__ == "__main__":
    table("erf", mp.erf, ERF_X)
    table("erfc", mp.erfc, ERFC_X)
    table("erfcx", erfcx, ERFCX_X)
    table("normal_cdf", mp.ncdf, NCDF_Z)
    table("normal_pdf", mp.npdf, NPDF_Z)
    table("exp_neg_square", lambda x: mp.exp(-x * x), EXPSQ_X)
    table("exp_neg_half_square", lambda x: mp.exp(-x * x / 2), NPDF_Z)
    table("integrated_normal_cdf", lambda z: z * mp.ncdf(z) + mp.npdf(z), PSI_Z)

    # Gauss-Hermite (physicists', weight exp(-t^2)): all nodes/weights for small n, and the largest
    # node/weight (smallest weight) plus the node nearest zero for large n, from the roots of H_n
    # and w = 2^(n-1) n! sqrt(pi) / (n^2 H_{n-1}(t)^2).
    def gh_weight(n, t):
        return mp.mpf(2) ** (n - 1) * mp.factorial(n) * mp.sqrt(mp.pi) / (n * n * mp.hermite(n - 1, t) ** 2)

    for n in (5, 20):
        roots = sorted(mp.polyroots(mp.taylor(lambda t: mp.hermite(n, t), 0, n)[::-1], maxsteps=500,
                                    extraprec=400))
        roots = [mp.re(r) for r in roots]
        roots = [mp.findroot(lambda t: mp.hermite(n, t), r) for r in roots]
        print(f"    static final double[][] GH{n} = {{")
        for r in roots:
            print(f"        {{{lit(r)}, {lit(gh_weight(n, r))}}},")
        print("    };")

    for n in (500, 1000):
        mp.mp.dps = 120

        def psi(t, n=n):  # normalised Hermite function: O(1), so the root finder's tolerance means something
            return mp.hermite(n, t) * mp.exp(-t * t / 2) / mp.sqrt(mp.mpf(2) ** n * mp.factorial(n))

        # largest root: asymptotic start sqrt(2n+1) - 1.8557571 (2n+1)^(-1/6); checked to be the last sign change
        guess = mp.sqrt(2 * n + 1) - mp.mpf("1.8557571") * (2 * n + 1) ** (-mp.mpf(1) / 6)
        tmax = mp.findroot(psi, guess)
        assert all(psi(tmax + k * mp.mpf("0.05")) * psi(tmax + 0.05) > 0 for k in range(1, 200))
        # smallest positive root (n even): near pi/(2 sqrt(2n))
        tmin = mp.findroot(psi, mp.pi / (2 * mp.sqrt(2 * n)))
        assert psi(tmin / 2) * psi(-tmin / 2) > 0 and 0 < tmin < 0.1
        # a node deep in the tail whose weight (~1e-280) is still a normal double: bracket the sign
        # changes of psi on [24, tmax + 0.1] and count them, so the node's rank from the top is known
        grid = [mp.mpf(24) + k * mp.mpf("0.01") for k in range(int((tmax + 0.1 - 24) / 0.01) + 1)]
        vals = [psi(t) for t in grid]
        roots = [mp.findroot(psi, (grid[k], grid[k + 1]), solver="anderson")
                 for k in range(len(grid) - 1) if vals[k] * vals[k + 1] < 0]
        assert abs(roots[-1] - tmax) < mp.mpf("1e-50")
        target = min(range(len(roots)), key=lambda k: abs(gh_weight(n, roots[k]) - mp.mpf("1e-280")))
        rank = len(roots) - 1 - target  # 0 = largest node
        tt = roots[target]
        print(f"    // n = {n}: largest node; node of rank {rank} from the top and its weight;"
              f" smallest positive node and its weight")
        print(f"    static final double[] GH{n}_NODES = {{{lit(tmax)}, {rank}, {lit(tt)}, {lit(gh_weight(n, tt))}, "
              f"{lit(tmin)}, {lit(gh_weight(n, tmin))}}};")
        mp.mp.dps = 60
