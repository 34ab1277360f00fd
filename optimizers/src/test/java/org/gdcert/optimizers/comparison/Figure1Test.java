package org.gdcert.optimizers.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Figure1Test {
    @TempDir
    Path tmp;

    @Test
    void writesTheBlowUpBoundedSplitAndTheThresholds() throws IOException {
        List<Path> files = Figure1.write(tmp.resolve("fig"));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("figure1_curves.csv", "figure1_summary.csv", "figure1_thresholds.csv");
        List<String> summary = Files.readAllLines(files.get(1));
        assertThat(summary).hasSize(1 + 2 * Figure1.CURVES);
        int blown = 0;
        for (String line : summary.subList(1, summary.size())) {
            String[] f = line.split(",");
            double alpha = Double.parseDouble(f[1]);
            boolean blowup = f[3].equals("blowup");
            if (f[0].equals("1")) {
                assertThat(blowup).as("k = 1 at α = %s", f[1]).isFalse();
            } else {
                // the figure's split: blow-up exactly below α*_2 = 2.04406529
                assertThat(blowup).as("k = 2 at α = %s", f[1]).isEqualTo(alpha < 2.04406529);
                blown += blowup ? 1 : 0;
            }
        }
        assertThat(blown).isEqualTo(21); // α = 2.042 + 0.0001·i blows up for i = 0..20
        List<String> th = Files.readAllLines(files.get(2));
        assertThat(Double.parseDouble(th.get(1).split(",")[1])).isCloseTo(1.7293438, Offset.offset(1e-6));
        assertThat(Double.parseDouble(th.get(2).split(",")[1])).isCloseTo(2.0440653, Offset.offset(1e-6));
        assertThat(Double.parseDouble(th.get(2).split(",")[2])).isCloseTo(0.870879, Offset.offset(1e-6));
        List<String> curves = Files.readAllLines(files.get(0));
        assertThat(curves.get(0)).isEqualTo("k,alpha,lambda,t,y");
        assertThat(curves.size()).isGreaterThan(31 * 601); // the k = 1 curves alone are complete
        assertThat(tmp.resolve("fig").toFile().list()).noneMatch(n -> n.endsWith(".partial"));
    }
}
