package org.gdcert.dsl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a report in headless Chromium (Debian's {@code chromium}) and checks the screenshot is
 * not blank. Skipped when no Chromium is installed.
 */
class ReportRenderTest {
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 1600;
    private static final long TIMEOUT_SECONDS = 120;
    /** A page with text, tables and plots has far more than this share of non-white pixels. */
    private static final double MIN_INK = 0.02;
    /** ... and a luminance spread far above this (a blank or single-colour page has 0). */
    private static final double MIN_LUMINANCE_STDDEV = 20;
    @TempDir
    Path tmp;

    @Test
    void theReportRendersInHeadlessChromiumAndIsNotBlank() throws Exception {
        Optional<Path> browser = browser();
        assumeThat(browser).as("Chromium is not installed (apt-get install chromium): the render check is skipped")
                .isPresent();
        Path report = ExperimentReportTest.singleRunReport(tmp.resolve("data"));
        Path shot = tmp.resolve("shot.png");
        Path log = tmp.resolve("chromium.log");
        Process p = new ProcessBuilder(browser.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + tmp.resolve("profile"), "--screenshot=" + shot,
                "--window-size=" + WIDTH + "," + HEIGHT, report.toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("chromium did not finish in %d s", TIMEOUT_SECONDS).isTrue();
        assertThat(shot).as(() -> "no screenshot; chromium said:\n" + read(log)).exists();
        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img.getWidth()).isEqualTo(WIDTH);
        assertThat(img.getHeight()).isEqualTo(HEIGHT);
        long ink = 0;
        double sum = 0;
        double sumSq = 0;
        long n = (long) img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double lum = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += lum;
                sumSq += lum * lum;
                if (lum < 235) {
                    ink++;
                }
            }
        }
        double mean = sum / n;
        double stddev = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        assertThat(ink / (double) n).as("share of non-white pixels").isGreaterThan(MIN_INK);
        assertThat(stddev).as("luminance standard deviation").isGreaterThan(MIN_LUMINANCE_STDDEV);
    }

    private static Optional<Path> browser() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : BROWSERS) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
