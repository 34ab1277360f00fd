package org.gdcert.certificates.song;

import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code song}: seed 003 (Song, Ramezani-Kebrya, Pethick, Eftekhari, Cevher, NeurIPS 2021),
 * Theorems 1 (gradient flow) and 2 (gradient descent) through Lemma 3 on the concrete θ0, with the
 * explicit constants of spec certificates-song.md §2.6, the exact-Jacobian EXACT mode ([X]),
 * Theorem 3's width condition as an order estimate, lazy-training indicators and a trajectory
 * monitor.
 */
public final class SongCertificateProvider implements CertificateProvider {

    @Override
    public String name() {
        return SongCertificate.NAME;
    }

    @Override
    public String description() {
        return "Song et al. 2021 (seed 003), Thm 1/2 via Lemma 3 for x -> V phi(W x): mu, nu, beta, radius, "
                + "GF/GD thresholds with explicit constants, eta_max, rate, Theorem 3 order estimate, lazy "
                + "indicators, trajectory monitor";
    }

    @Override
    public ParameterSchema parameters() {
        return SongSettings.schema();
    }

    @Override
    public Certificate create(ValidatedParams params) {
        return new SongCertificate(SongSettings.from(params));
    }
}
