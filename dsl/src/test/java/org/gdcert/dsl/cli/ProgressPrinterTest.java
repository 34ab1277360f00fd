package org.gdcert.dsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.gdcert.core.run.RunListener.Progress;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private final StringWriter text = new StringWriter();

    private ProgressPrinter printer(boolean terminal, int runs) {
        return new ProgressPrinter(new PrintWriter(text, true), terminal, runs);
    }

    @Test
    void terminalBarShowsStepLossRateAndEta() {
        ProgressPrinter p = printer(true, 1);
        p.progress(new Progress("run", 50, 5, 1.25, 0.5, 1.0));
        assertThat(text.toString()).isEqualTo(
                "\r[############............]  50% run  step 50  loss 1.2500e+00  50 steps/s  ETA 1s\u001b[K");
        p.progress(new Progress("run", 75, 7.5, 0.5, 0.75, 1.5));
        assertThat(text.toString()).endsWith(
                "\r[##################......]  75% run  step 75  loss 5.0000e-01  50 steps/s  ETA 1s\u001b[K");
        p.message("a message");
        assertThat(text.toString()).endsWith("\u001b[K\r\u001b[Ka message\n");
    }

    @Test
    void unknownFractionAndLossAreLeftOut() {
        ProgressPrinter p = printer(true, 1);
        p.progress(new Progress("run", 10, 1, Double.NaN, Double.NaN, 2.0));
        assertThat(text.toString()).isEqualTo("\rrun  step 10  5 steps/s\u001b[K");
    }

    @Test
    void plainLinesAreThrottled() {
        ProgressPrinter p = printer(false, 1);
        p.progress(new Progress("run", 0, 0, 2, 0, 0));
        p.progress(new Progress("run", 1, 0.1, 1.9, 0.01, 0.001));
        p.progress(new Progress("run", 2, 0.2, 1.8, 0.02, 0.002));
        assertThat(text.toString()).isEqualTo("[........................]   0% run  step 0  loss 2.0000e+00\n");
    }

    @Test
    void sweepsCountRunsAndPrintOneLinePerFinishedRun() {
        ProgressPrinter p = printer(false, 4);
        p.progress(new Progress("m=4", 10, 1, 1, 0.5, 1));
        assertThat(text.toString()).isEqualTo(
                "[###.....................]  13% 0/4 runs  m=4  step 10  loss 1.0000e+00  10 steps/s\n");
    }

    @Test
    void durationsReadLikeAClock() {
        assertThat(ProgressPrinter.duration(0.4)).isEqualTo("0s");
        assertThat(ProgressPrinter.duration(59)).isEqualTo("59s");
        assertThat(ProgressPrinter.duration(61)).isEqualTo("1:01");
        assertThat(ProgressPrinter.duration(3661)).isEqualTo("1:01:01");
        assertThat(ProgressPrinter.duration(Double.NaN)).isEqualTo("?");
        assertThat(ProgressPrinter.duration(Double.POSITIVE_INFINITY)).isEqualTo("?");
    }
}
