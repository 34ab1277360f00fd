package org.gdcert.certificates.du;

import java.util.Arrays;
import java.util.Locale;
import org.gdcert.core.math.SpecialFunctions;

/**
 * Whether the entries of a tensor of θ0 look i.i.d. N(0,1) (spec certificates-du.md §5.2,
 * DU-INIT-01/02): the z-scores of the sample mean and variance, and a Kolmogorov–Smirnov test
 * against Φ on a deterministic stride sample. Statistical evidence only (status ESTIMATE).
 *
 * @param entries number of entries
 * @param mean sample mean
 * @param variance sample variance (about the true mean 0)
 * @param zMean mean·√k
 * @param zVariance (variance − 1)/√(2/k)
 * @param ksStatistic sup |F_k − Φ|
 * @param ksPValue asymptotic p-value of the KS statistic
 */
record NormalityCheck(int entries, double mean, double variance, double zMean, double zVariance, double ksStatistic,
        double ksPValue) {

    static NormalityCheck of(double[] data) {
        int k = data.length;
        double s = 0;
        double s2 = 0;
        for (double v : data) {
            s += v;
            s2 += v * v;
        }
        double mean = s / k;
        double var = s2 / k;
        double zMean = mean * Math.sqrt(k);
        double zVar = (var - 1) / Math.sqrt(2.0 / k);
        int stride = Math.max(1, (k + DuSettings.KS_SAMPLE - 1) / DuSettings.KS_SAMPLE);
        int len = (k + stride - 1) / stride;
        double[] sample = new double[len];
        for (int i = 0; i < len; i++) {
            sample[i] = data[i * stride];
        }
        Arrays.sort(sample);
        double d = 0;
        for (int i = 0; i < len; i++) {
            double f = normalCdf(sample[i]);
            d = Math.max(d, Math.max((i + 1.0) / len - f, f - (double) i / len));
        }
        double sq = Math.sqrt(len);
        double p = kolmogorovQ((sq + 0.12 + 0.11 / sq) * d);
        return new NormalityCheck(k, mean, var, zMean, zVar, d, p);
    }

    /** The moments are within {@link DuSettings#MOMENT_Z} standard errors of N(0,1). */
    boolean momentsConsistent() {
        return Math.abs(zMean) <= DuSettings.MOMENT_Z && Math.abs(zVariance) <= DuSettings.MOMENT_Z;
    }

    boolean ksPasses() {
        return ksPValue >= DuSettings.KS_LEVEL;
    }

    String describe() {
        return String.format(Locale.ROOT, "%d entries, mean %.4g (z = %.2f), variance %.6g (z = %.2f), KS D = %.3g "
                + "(p = %.3g)", entries, mean, zMean, variance, zVariance, ksStatistic, ksPValue);
    }

    /** Q_KS(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²}. */
    static double kolmogorovQ(double lambda) {
        if (lambda < 0.2) {
            return 1;
        }
        double sum = 0;
        double sign = 1;
        for (int j = 1; j <= 100; j++) {
            double term = sign * Math.exp(-2.0 * j * j * lambda * lambda);
            sum += term;
            if (Math.abs(term) < 1e-16) {
                break;
            }
            sign = -sign;
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }

    /** Φ(x). */
    static double normalCdf(double x) {
        return SpecialFunctions.normalCdf(x);
    }
}
