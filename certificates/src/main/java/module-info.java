/** Certificate checkers: one per theorem of the seeds, plus generic NTK and PL checkers. */
module org.gdcert.certificates {
    requires org.gdcert.core;
    requires ejml.core;
    requires ejml.ddense;

    provides org.gdcert.core.spi.CertificateProvider with
        org.gdcert.certificates.du.DuCertificateProvider,
        org.gdcert.certificates.nguyen.NguyenMondelliProvider,
        org.gdcert.certificates.nguyen.NguyenReluProvider,
        org.gdcert.certificates.generic.NtkProvider,
        org.gdcert.certificates.generic.PlProvider,
        org.gdcert.certificates.sgdrelu.SgdReluCertificateProvider,
        org.gdcert.certificates.song.SongCertificateProvider;
}
