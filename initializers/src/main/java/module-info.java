/**
 * The standard initializers (lecun, he, xavier, gaussian, standard_normal, uniform, zero, identity,
 * orthogonal) and the seeds' constructions (nm20_autoscale, nm20_pyramidal, n21_scaled, n21_cor32,
 * song, shallow_gaussian, signs). EJML (through core) computes the small QR and SVDs.
 */
module org.gdcert.initializers {
    requires org.gdcert.core;
    requires ejml.core;
    requires ejml.ddense;

    provides org.gdcert.core.spi.InitializerProvider with
            org.gdcert.initializers.LecunProvider,
            org.gdcert.initializers.HeProvider,
            org.gdcert.initializers.XavierProvider,
            org.gdcert.initializers.GaussianProvider,
            org.gdcert.initializers.StandardNormalProvider,
            org.gdcert.initializers.UniformProvider,
            org.gdcert.initializers.ZeroProvider,
            org.gdcert.initializers.IdentityProvider,
            org.gdcert.initializers.OrthogonalProvider,
            org.gdcert.initializers.Nm20AutoscaleProvider,
            org.gdcert.initializers.Nm20PyramidalProvider,
            org.gdcert.initializers.N21ScaledProvider,
            org.gdcert.initializers.N21Cor32Provider,
            org.gdcert.initializers.SongProvider,
            org.gdcert.initializers.ShallowGaussianProvider,
            org.gdcert.initializers.SignsProvider;
}
