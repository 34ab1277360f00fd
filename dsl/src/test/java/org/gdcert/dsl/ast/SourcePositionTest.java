package org.gdcert.dsl.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourcePositionTest {
    @Test
    void rejectsPositionsBelowOneAndEndsBeforeStarts() {
        assertThatThrownBy(() -> SourcePosition.at("f", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourcePosition.at("f", 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourcePosition("f", 2, 5, 2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourcePosition("f", 2, 5, 1, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spansAndPrints() {
        SourcePosition a = new SourcePosition("f.exp", 2, 3, 2, 7);
        SourcePosition b = new SourcePosition("f.exp", 4, 1, 4, 2);
        assertThat(a.through(b)).isEqualTo(new SourcePosition("f.exp", 2, 3, 4, 2));
        assertThat(b.through(a)).isEqualTo(b);
        assertThat(a.start()).isEqualTo(SourcePosition.at("f.exp", 2, 3));
        assertThat(a).hasToString("f.exp:2:3");
        assertThat(a.singleLine()).isTrue();
    }
}
