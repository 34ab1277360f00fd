package org.gdcert.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtrasTest {
    @TempDir
    Path dir;

    @Test
    void monitorColumnsTakeTheLastEvaluatedValueAndTheResidualTheLastRow() throws IOException {
        Files.writeString(dir.resolve(ResultWriter.TRAJECTORY), """
                step,time,loss,rel_residual,wall_s,zeros,deltad
                0,0,2,1,0.1,0,NaN
                1,1,1,0.5,0.2,3,0.25
                2,2,0.5,0.25,0.3,4,NaN
                """);
        Map<String, String> x = Extras.of(dir, Map.of("step_size", 0.125));
        assertThat(x).containsExactly(Map.entry("final_rel_residual", "0.25"), Map.entry("step_size", "0.125"),
                Map.entry("final_zeros", "4"), Map.entry("final_deltad", "0.25"));
    }

    @Test
    void aDivergedRunEndsWithAnInfiniteResidualAndItsMonitorsLastFiniteValues() throws IOException {
        Files.writeString(dir.resolve(ResultWriter.TRAJECTORY), """
                step,time,loss,rel_residual,wall_s,zeros
                0,0,2,1,0.1,5
                9,9,Infinity,Infinity,0.2,NaN
                """);
        assertThat(Extras.trajectoryFinals(dir.resolve(ResultWriter.TRAJECTORY))).containsExactly(
                Map.entry("rel_residual", "Infinity"), Map.entry("zeros", "5"));
    }

    @Test
    void aLongTrajectoryIsReadFromItsEnd() throws IOException {
        StringBuilder sb = new StringBuilder("step,time,loss,rel_residual,wall_s,m\n");
        int rows = 40_000;
        for (int k = 0; k < rows; k++) {
            sb.append(k).append(",0,1,").append(1.0 / (k + 1)).append(",0,").append(k == 7 ? "7" : "NaN").append('\n');
        }
        assertThat(sb.length()).isGreaterThan(Extras.TAIL_BYTES);
        Files.writeString(dir.resolve(ResultWriter.TRAJECTORY), sb.toString());
        Map<String, String> f = Extras.trajectoryFinals(dir.resolve(ResultWriter.TRAJECTORY));
        assertThat(f.get("rel_residual")).isEqualTo(Double.toString(1.0 / rows));
        // the only value lies outside the searched tail: reported as missing, not invented
        assertThat(f.get("m")).isEmpty();
    }

    @Test
    void certificatesGiveEveryConditionsSlackAndTheStepSizeBound() throws IOException {
        Files.writeString(dir.resolve("certificates.json"), """
                [{"checker": "nm", "conditions": [{"id": "cond4", "slack": 2.5}, {"id": "cond5", "slack": "Infinity"}],
                  "step_size_bound": 1.5e-7},
                 {"checker": "ntk", "conditions": [], "step_size_bound": null}]
                """);
        Map<String, String> x = Extras.of(dir, Map.of("step_size", "NaN"));
        assertThat(x).containsEntry("slack_nm_cond4", "2.5").containsEntry("slack_nm_cond5", "inf")
                .containsEntry("eta_max_nm", "1.5E-7").containsEntry("step_size", "").doesNotContainKey("eta_max_ntk");
        assertThat(Extras.ordered(List.of("final_zeros", "slack_nm_cond4", "step_size", "final_rel_residual")))
                .containsExactly("final_rel_residual", "step_size", "slack_nm_cond4", "final_zeros");
    }

    @Test
    void aRunWithoutFilesHasOnlyItsStepSize() {
        assertThat(Extras.of(dir.resolve("missing"), Map.of("step_size", 0.5))).containsExactly(
                Map.entry("step_size", "0.5"));
    }
}
