package org.gdcert.certificates.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gdcert.core.spi.CertificateProvider;
import org.junit.jupiter.api.Test;

/** The providers are found by ServiceLoader by name, and module-info and META-INF/services agree. */
class RegistrationTest {
    private static final List<String> MINE = List.of("nguyen_mondelli", "nguyen_relu", "ntk", "pl");

    @Test
    void serviceLoaderFindsEveryCheckerByName() {
        List<String> names = ServiceLoader.load(CertificateProvider.class).stream().map(p -> p.get().name())
                .toList();
        assertThat(names).containsAll(MINE);
        for (CertificateProvider p : ServiceLoader.load(CertificateProvider.class)) {
            assertThat(p.name()).matches("[a-z][a-z0-9_]*");
            assertThat(p.description()).isNotBlank();
            assertThat(p.configureDefaults().instance()).isNotNull();
        }
    }

    @Test
    void moduleInfoAndServicesFileAgree() throws IOException {
        String info = Files.readString(Path.of("src/main/java/module-info.java"));
        Matcher m = Pattern.compile("provides\\s+org\\.gdcert\\.core\\.spi\\.CertificateProvider\\s+with([^;]*);")
                .matcher(info);
        assertThat(m.find()).isTrue();
        List<String> declared = Pattern.compile(",").splitAsStream(m.group(1)).map(String::trim)
                .filter(s -> !s.isEmpty()).sorted().toList();
        List<String> services;
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/services/org.gdcert.core.spi.CertificateProvider")) {
            services = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).sorted().toList();
        }
        assertThat(services).isEqualTo(declared);
    }
}
