/**
 * gdcert core: the SPIs every plugin implements, the network engine, the spectral toolkit, data
 * sources, the run engine and the plugin registry.
 */
module org.gdcert.core {
    requires transitive com.google.guice;
    requires java.logging;
    requires ejml.core;
    requires ejml.ddense;

    exports org.gdcert.core.spi;
    exports org.gdcert.core.linalg;
    exports org.gdcert.core.random;
    exports org.gdcert.core.util;
    exports org.gdcert.core.engine;
    exports org.gdcert.core.train;
    exports org.gdcert.core.cert;
    exports org.gdcert.core.registry;
    exports org.gdcert.core.run;
    exports org.gdcert.core.json;
    exports org.gdcert.core.backend;
    exports org.gdcert.core.io;
    exports org.gdcert.core.math;
    exports org.gdcert.core.spectral;

    opens org.gdcert.core.registry to com.google.guice;
    opens org.gdcert.core.run to com.google.guice;

    uses org.gdcert.core.spi.ActivationProvider;
    uses org.gdcert.core.spi.InitializerProvider;
    uses org.gdcert.core.spi.OptimizerProvider;
    uses org.gdcert.core.spi.BackendProvider;
    uses org.gdcert.core.spi.CertificateProvider;
    uses org.gdcert.core.spi.MonitorProvider;
    uses org.gdcert.core.spi.DataSourceProvider;
    uses org.gdcert.core.spi.LabelSourceProvider;

    provides org.gdcert.core.spi.DataSourceProvider with
            org.gdcert.core.data.SphereDataProvider,
            org.gdcert.core.data.GaussianDataProvider,
            org.gdcert.core.data.CsvDataProvider,
            org.gdcert.core.data.NpyDataProvider,
            org.gdcert.core.data.IdxDataProvider,
            org.gdcert.core.data.FashionMnistDataProvider;
    provides org.gdcert.core.spi.LabelSourceProvider with
            org.gdcert.core.data.SignLabelsProvider,
            org.gdcert.core.data.Pm1LabelsProvider,
            org.gdcert.core.data.GaussianLabelsProvider,
            org.gdcert.core.data.OneHotLabelsProvider,
            org.gdcert.core.data.TeacherLabelsProvider,
            org.gdcert.core.data.LinearLabelsProvider,
            org.gdcert.core.data.SourceLabelsProvider;

    provides org.gdcert.core.spi.MonitorProvider with
            org.gdcert.core.monitors.MovementMonitorProvider,
            org.gdcert.core.monitors.GradientNormMonitorProvider,
            org.gdcert.core.monitors.ErrorMonitorProvider;
}
