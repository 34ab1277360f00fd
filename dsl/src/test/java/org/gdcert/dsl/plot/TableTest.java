package org.gdcert.dsl.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void quotedCellsShortRowsAndNumbers() {
        Table t = Table.parse("run,label,value\r\nN=1,\"a, \"\"b\"\"\",1e-3\nN=2,x\n\n");
        assertThat(t.columns()).containsExactly("run", "label", "value");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.rows().get(0)).containsExactly("N=1", "a, \"b\"", "1e-3");
        assertThat(t.rows().get(1)).containsExactly("N=2", "x", "");
        double[] v = t.numbers("value");
        assertThat(v[0]).isEqualTo(1e-3);
        assertThat(v[1]).isNaN();
        assertThat(Table.number("Infinity")).isInfinite();
        assertThat(Table.number("yes")).isNaN();
    }

    @Test
    void missingColumnNamesTheColumnsThereAre() {
        Table t = Table.parse("a,b\n1,2\n");
        assertThatThrownBy(() -> t.column("c")).hasMessage("no column 'c'; columns: a, b");
        assertThat(Table.parse("").columns()).isEqualTo(List.of());
    }
}
