/**
 * The gdcert experiment language: grammar, parser facade, immutable AST, diagnostics with source
 * positions, expression evaluation and plugin-independent semantic checks, the plan compiler, the
 * command line, plots (XChart, SVG and PNG), the HTML report and the width finder.
 */
module org.gdcert.dsl {
    requires transitive org.gdcert.core;
    requires org.antlr.antlr4.runtime;
    requires info.picocli;
    requires java.desktop;
    requires org.knowm.xchart;

    uses java.util.spi.ToolProvider;
    // the command line loads providers of plugin jars one by one, so that a broken one is reported and skipped
    uses org.gdcert.core.spi.ActivationProvider;
    uses org.gdcert.core.spi.InitializerProvider;
    uses org.gdcert.core.spi.OptimizerProvider;
    uses org.gdcert.core.spi.BackendProvider;
    uses org.gdcert.core.spi.CertificateProvider;
    uses org.gdcert.core.spi.MonitorProvider;
    uses org.gdcert.core.spi.DataSourceProvider;
    uses org.gdcert.core.spi.LabelSourceProvider;

    exports org.gdcert.dsl.ast;
    exports org.gdcert.dsl.diag;
    exports org.gdcert.dsl.parser;
    exports org.gdcert.dsl.semantic;
    exports org.gdcert.dsl.compile;
    exports org.gdcert.dsl.cli;
    exports org.gdcert.dsl.plot;
    exports org.gdcert.dsl.report;
    exports org.gdcert.dsl.width;

    opens org.gdcert.dsl.cli to info.picocli;
    opens org.gdcert.dsl.compile to com.google.guice;
}
