/** The standard activations: smoothrelu, relu, leakyrelu, softplus, sigmoid, tanh, gelu, erf, identity. */
module org.gdcert.activations {
    requires org.gdcert.core;

    provides org.gdcert.core.spi.ActivationProvider with
            org.gdcert.activations.SmoothReluProvider,
            org.gdcert.activations.ReluProvider,
            org.gdcert.activations.LeakyReluProvider,
            org.gdcert.activations.SoftplusProvider,
            org.gdcert.activations.SigmoidProvider,
            org.gdcert.activations.TanhProvider,
            org.gdcert.activations.GeluProvider,
            org.gdcert.activations.ErfProvider,
            org.gdcert.activations.IdentityProvider;
}
