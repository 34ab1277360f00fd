package org.gdcert.backend.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^t, e^t − 1 (for t ≤ 0) and log(1 + u) (for 0 ≤ u ≤ 1) on double and float vectors, from
 * additions, multiplications, FMAs, divisions and bit operations only, within a few ulps.
 *
 * <p>Why not the Vector API's own EXP, EXPM1 and LOG1P: C2 compiles them to a short-vector math
 * library on x86-64 but the interpreter and C1 fall back to {@link StrictMath}, so their last bits
 * depend on when the JIT compiled the caller, and a seeded run would not repeat exactly; elsewhere
 * (no intrinsic) they run lane by lane. The operations used here are exactly rounded in every
 * execution mode, so results are reproducible, and they vectorise on every platform.
 *
 * <p>Reduction: t = k·ln2 + r with k = rint(t/ln2) and |r| ≤ ln2/2 (ln2 in two parts, Cody–Waite);
 * e^r − 1 by its Taylor series to r¹³ (truncation below 1e-17 relative); 2^k built in the exponent
 * bits. log(1 + u) = k·ln2 + 2·atanh(s) with s = u/(2 + u) (k = 0) for u ≤ √2 − 1 and
 * s = (u − 1)/(u + 3) (k = 1) above, so |s| ≤ 0.172 and the odd series of atanh to s²³ suffices.
 * Float uses the same scheme with shorter series (r⁷, s¹¹).
 */
final class VectorMath {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 in two parts: the high part has 32 significant bits, so k·LN2_HI is exact. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** Adding 1.5·2⁵² rounds to an integer and leaves it in the low bits of the significand. */
    private static final double SHIFTER = 0x1.8p52;
    /** bits(SHIFTER) − 1023: subtracting it from bits(SHIFTER + k) gives k + 1023, the biased exponent. */
    private static final long EXPONENT_OFFSET = Double.doubleToRawLongBits(SHIFTER) - 1023;
    /** Below this, e^t is subnormal or 0 in double; the result is set to 0 (resp. e^t − 1 to −1). */
    private static final double EXP_MIN = -708.0;
    /** √2 − 1: where log1p switches from k = 0 to k = 1. */
    private static final double SQRT2_M1 = 0.41421356237309503;
    // 1/n!, the Taylor coefficients of e^r − 1
    private static final double F2 = 1.0 / 2;
    private static final double F3 = F2 / 3;
    private static final double F4 = F3 / 4;
    private static final double F5 = F4 / 5;
    private static final double F6 = F5 / 6;
    private static final double F7 = F6 / 7;
    private static final double F8 = F7 / 8;
    private static final double F9 = F8 / 9;
    private static final double F10 = F9 / 10;
    private static final double F11 = F10 / 11;
    private static final double F12 = F11 / 12;
    private static final double F13 = F12 / 13;

    // the constants as vectors, so that the methods stay small enough for C2 to inline them
    private static final DoubleVector V_F2 = DoubleVector.broadcast(S, F2);
    private static final DoubleVector V_F3 = DoubleVector.broadcast(S, F3);
    private static final DoubleVector V_F4 = DoubleVector.broadcast(S, F4);
    private static final DoubleVector V_F5 = DoubleVector.broadcast(S, F5);
    private static final DoubleVector V_F6 = DoubleVector.broadcast(S, F6);
    private static final DoubleVector V_F7 = DoubleVector.broadcast(S, F7);
    private static final DoubleVector V_F8 = DoubleVector.broadcast(S, F8);
    private static final DoubleVector V_F9 = DoubleVector.broadcast(S, F9);
    private static final DoubleVector V_F10 = DoubleVector.broadcast(S, F10);
    private static final DoubleVector V_F11 = DoubleVector.broadcast(S, F11);
    private static final DoubleVector V_F12 = DoubleVector.broadcast(S, F12);
    private static final DoubleVector V_F13 = DoubleVector.broadcast(S, F13);
    private static final DoubleVector V_LOG2E = DoubleVector.broadcast(S, LOG2E);
    private static final DoubleVector V_SHIFTER = DoubleVector.broadcast(S, SHIFTER);
    private static final DoubleVector V_MLN2_HI = DoubleVector.broadcast(S, -LN2_HI);
    private static final DoubleVector V_MLN2_LO = DoubleVector.broadcast(S, -LN2_LO);
    private static final DoubleVector V_LN2_LO = DoubleVector.broadcast(S, LN2_LO);
    private static final DoubleVector V_A3 = DoubleVector.broadcast(S, 1.0 / 3);
    private static final DoubleVector V_A5 = DoubleVector.broadcast(S, 1.0 / 5);
    private static final DoubleVector V_A7 = DoubleVector.broadcast(S, 1.0 / 7);
    private static final DoubleVector V_A9 = DoubleVector.broadcast(S, 1.0 / 9);
    private static final DoubleVector V_A11 = DoubleVector.broadcast(S, 1.0 / 11);
    private static final DoubleVector V_A13 = DoubleVector.broadcast(S, 1.0 / 13);
    private static final DoubleVector V_A15 = DoubleVector.broadcast(S, 1.0 / 15);
    private static final DoubleVector V_A17 = DoubleVector.broadcast(S, 1.0 / 17);
    private static final DoubleVector V_A19 = DoubleVector.broadcast(S, 1.0 / 19);
    private static final DoubleVector V_A21 = DoubleVector.broadcast(S, 1.0 / 21);
    private static final DoubleVector V_A23 = DoubleVector.broadcast(S, 1.0 / 23);

    private VectorMath() {
    }

    /** e^r − 1 for |r| ≤ ln2/2: r + r²·(1/2! + r·(1/3! + … + r·1/13!)). */
    private static DoubleVector expm1Reduced(DoubleVector r) {
        DoubleVector p = V_F13;
        p = p.fma(r, V_F12);
        p = p.fma(r, V_F11);
        p = p.fma(r, V_F10);
        p = p.fma(r, V_F9);
        p = p.fma(r, V_F8);
        p = p.fma(r, V_F7);
        p = p.fma(r, V_F6);
        p = p.fma(r, V_F5);
        p = p.fma(r, V_F4);
        p = p.fma(r, V_F3);
        p = p.fma(r, V_F2);
        return p.fma(r.mul(r), r);
    }

    /** 2^k from bits(SHIFTER + k), for −1022 ≤ k ≤ 1023. */
    private static DoubleVector twoTo(DoubleVector shifted) {
        return shifted.reinterpretAsLongs().sub(EXPONENT_OFFSET).lanewise(VectorOperators.LSHL, 52)
                .reinterpretAsDoubles();
    }

    /** e^t for t ≤ 0 (−∞ gives 0, NaN gives NaN); results below 2^−1022 are flushed to 0. */
    static DoubleVector expNonPositive(DoubleVector t) {
        VectorMask<Double> tiny = t.compare(VectorOperators.LT, EXP_MIN);
        DoubleVector tc = t.max(EXP_MIN);
        DoubleVector shifted = tc.fma(V_LOG2E, V_SHIFTER);
        DoubleVector k = shifted.sub(SHIFTER);
        DoubleVector r = k.fma(V_MLN2_HI, tc);
        r = k.fma(V_MLN2_LO, r);
        DoubleVector q = expm1Reduced(r);
        DoubleVector s = twoTo(shifted);
        return s.fma(q, s).blend(0.0, tiny);
    }

    /** e^t − 1 for t ≤ 0 (−∞ gives −1, NaN gives NaN), accurate also for tiny |t|. */
    static DoubleVector expm1NonPositive(DoubleVector t) {
        VectorMask<Double> tiny = t.compare(VectorOperators.LT, EXP_MIN);
        DoubleVector tc = t.max(EXP_MIN);
        DoubleVector shifted = tc.fma(V_LOG2E, V_SHIFTER);
        DoubleVector k = shifted.sub(SHIFTER);
        DoubleVector r = k.fma(V_MLN2_HI, tc);
        r = k.fma(V_MLN2_LO, r);
        DoubleVector q = expm1Reduced(r);
        DoubleVector s = twoTo(shifted);
        return s.fma(q, s.sub(1.0)).blend(-1.0, tiny);
    }

    /** log(1 + u) for 0 ≤ u ≤ 1 (NaN gives NaN). */
    static DoubleVector log1pUnit(DoubleVector u) {
        VectorMask<Double> big = u.compare(VectorOperators.GT, SQRT2_M1);
        DoubleVector k = DoubleVector.zero(S).blend(1.0, big);
        DoubleVector s = u.sub(k).div(u.add(2.0).add(k));
        DoubleVector z = s.mul(s);
        // 1/3 + z/5 + z²/7 + … + z^10/23
        DoubleVector p = V_A23;
        p = p.fma(z, V_A21);
        p = p.fma(z, V_A19);
        p = p.fma(z, V_A17);
        p = p.fma(z, V_A15);
        p = p.fma(z, V_A13);
        p = p.fma(z, V_A11);
        p = p.fma(z, V_A9);
        p = p.fma(z, V_A7);
        p = p.fma(z, V_A5);
        p = p.fma(z, V_A3);
        DoubleVector twoS = s.add(s);
        DoubleVector series = twoS.mul(z).fma(p, twoS);
        return k.fma(V_LN2_LO, series).add(k.mul(LN2_HI));
    }

    // ---------------------------------------------------------------- float

    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final float LOG2E_F = 1.44269504f;
    /** fdlibm's split of ln 2 for float: k·LN2_HI_F is exact for |k| &lt; 2⁸. */
    private static final float LN2_HI_F = 6.9314575195e-01f;
    private static final float LN2_LO_F = 1.4286067653e-06f;
    private static final float SHIFTER_F = 0x1.8p23f;
    private static final int EXPONENT_OFFSET_F = Float.floatToRawIntBits(SHIFTER_F) - 127;
    /** Below this, e^t is subnormal or 0 in float; flushed to 0 (e^t − 1 to −1). */
    private static final float EXP_MIN_F = -87f;
    private static final float SQRT2_M1_F = 0.41421356f;

    private static final FloatVector W_F2 = FloatVector.broadcast(FS, (float) F2);
    private static final FloatVector W_F3 = FloatVector.broadcast(FS, (float) F3);
    private static final FloatVector W_F4 = FloatVector.broadcast(FS, (float) F4);
    private static final FloatVector W_F5 = FloatVector.broadcast(FS, (float) F5);
    private static final FloatVector W_F6 = FloatVector.broadcast(FS, (float) F6);
    private static final FloatVector W_F7 = FloatVector.broadcast(FS, (float) F7);
    private static final FloatVector W_LOG2E = FloatVector.broadcast(FS, LOG2E_F);
    private static final FloatVector W_SHIFTER = FloatVector.broadcast(FS, SHIFTER_F);
    private static final FloatVector W_MLN2_HI = FloatVector.broadcast(FS, -LN2_HI_F);
    private static final FloatVector W_MLN2_LO = FloatVector.broadcast(FS, -LN2_LO_F);
    private static final FloatVector W_LN2_LO = FloatVector.broadcast(FS, LN2_LO_F);
    private static final FloatVector W_A3 = FloatVector.broadcast(FS, 1f / 3);
    private static final FloatVector W_A5 = FloatVector.broadcast(FS, 1f / 5);
    private static final FloatVector W_A7 = FloatVector.broadcast(FS, 1f / 7);
    private static final FloatVector W_A9 = FloatVector.broadcast(FS, 1f / 9);
    private static final FloatVector W_A11 = FloatVector.broadcast(FS, 1f / 11);

    /** e^r − 1 for |r| ≤ ln2/2 in float: Taylor to r⁷ (truncation below 2e-8 relative). */
    private static FloatVector expm1Reduced(FloatVector r) {
        FloatVector p = W_F7;
        p = p.fma(r, W_F6);
        p = p.fma(r, W_F5);
        p = p.fma(r, W_F4);
        p = p.fma(r, W_F3);
        p = p.fma(r, W_F2);
        return p.fma(r.mul(r), r);
    }

    private static FloatVector twoTo(FloatVector shifted) {
        return shifted.reinterpretAsInts().sub(EXPONENT_OFFSET_F).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
    }

    /** e^t for t ≤ 0 in float, as {@link #expNonPositive(DoubleVector)}; results below e^−87 are 0. */
    static FloatVector expNonPositive(FloatVector t) {
        VectorMask<Float> tiny = t.compare(VectorOperators.LT, EXP_MIN_F);
        FloatVector tc = t.max(EXP_MIN_F);
        FloatVector shifted = tc.fma(W_LOG2E, W_SHIFTER);
        FloatVector k = shifted.sub(SHIFTER_F);
        FloatVector r = k.fma(W_MLN2_HI, tc);
        r = k.fma(W_MLN2_LO, r);
        FloatVector q = expm1Reduced(r);
        FloatVector s = twoTo(shifted);
        return s.fma(q, s).blend(0f, tiny);
    }

    /** e^t − 1 for t ≤ 0 in float. */
    static FloatVector expm1NonPositive(FloatVector t) {
        VectorMask<Float> tiny = t.compare(VectorOperators.LT, EXP_MIN_F);
        FloatVector tc = t.max(EXP_MIN_F);
        FloatVector shifted = tc.fma(W_LOG2E, W_SHIFTER);
        FloatVector k = shifted.sub(SHIFTER_F);
        FloatVector r = k.fma(W_MLN2_HI, tc);
        r = k.fma(W_MLN2_LO, r);
        FloatVector q = expm1Reduced(r);
        FloatVector s = twoTo(shifted);
        return s.fma(q, s.sub(1f)).blend(-1f, tiny);
    }

    /** log(1 + u) for 0 ≤ u ≤ 1 in float: the atanh series to s¹¹. */
    static FloatVector log1pUnit(FloatVector u) {
        VectorMask<Float> big = u.compare(VectorOperators.GT, SQRT2_M1_F);
        FloatVector k = FloatVector.zero(FS).blend(1f, big);
        FloatVector s = u.sub(k).div(u.add(2f).add(k));
        FloatVector z = s.mul(s);
        FloatVector p = W_A11;
        p = p.fma(z, W_A9);
        p = p.fma(z, W_A7);
        p = p.fma(z, W_A5);
        p = p.fma(z, W_A3);
        FloatVector twoS = s.add(s);
        FloatVector series = twoS.mul(z).fma(p, twoS);
        return k.fma(W_LN2_LO, series).add(k.mul(LN2_HI_F));
    }
}
