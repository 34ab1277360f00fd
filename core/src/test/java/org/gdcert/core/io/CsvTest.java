package org.gdcert.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    private static final HostMatrix TWO_BY_THREE = HostMatrix.of(new double[][] {{1, -2.5, 3e-2}, {4, 0.5, -6}});

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void detectsTheDelimiterAndTheHeader() throws IOException {
        String[] variants = {
            "1,-2.5,3e-2\n4,.5,-6\n",
            "x1,x2,y\n1,-2.5,3e-2\n4,.5,-6\n",
            "x1;x2;y\r\n1;-2.5;3e-2\r\n4;.5;-6\r\n",
            "x1\tx2\ty\n1\t-2.5\t3e-2\n4\t.5\t-6\n",
            "  1   -2.5  3E-2\n4 +0.5 -6.\n",
            "# a comment\n\n\"x1\",\"x2\",\"y\"\n1, -2.5 ,3e-2\n\n4,0.5,-6\n\n",
            "\uFEFFa,b,c\n1,-2.5,0.03\n4,0.5,-6",
        };
        for (String v : variants) {
            Csv.Table t = Csv.read(file("v.csv", v));
            assertThat(t.values()).as(v).isEqualTo(TWO_BY_THREE);
        }
        assertThat(Csv.read(file("h.csv", variants[1])).columnNames()).containsExactly("x1", "x2", "y");
        assertThat(Csv.read(file("q.csv", variants[5])).columnNames()).containsExactly("x1", "x2", "y");
        assertThat(Csv.read(file("n.csv", variants[0])).columnNames()).isEmpty();
    }

    @Test
    void explicitOptionsOverrideDetection() throws IOException {
        Path f = file("semi.csv", "1;2\n3;4\n");
        assertThat(Csv.read(f, new Csv.Options(";", Csv.Header.ABSENT)).values())
                .isEqualTo(HostMatrix.of(new double[][] {{1, 2}, {3, 4}}));
        Csv.Table t = Csv.read(f, new Csv.Options("auto", Csv.Header.PRESENT));
        assertThat(t.columnNames()).containsExactly("1", "2");
        assertThat(t.values()).isEqualTo(HostMatrix.of(new double[][] {{3, 4}}));
        Path pipes = file("p.csv", "1|2\n");
        assertThat(Csv.read(pipes, new Csv.Options("|", Csv.Header.AUTO)).values())
                .isEqualTo(HostMatrix.of(new double[][] {{1, 2}}));
        assertThatThrownBy(() -> new Csv.Options("ab", Csv.Header.AUTO))
                .hasMessage("delimiter must be auto, tab, space or one punctuation character, got 'ab'");
    }

    @Test
    void nanIsRejectedWithLineAndColumn() throws IOException {
        Path f = file("nan.csv", "a,b,c\n1,2,3\n4,NaN,6\n");
        assertThatThrownBy(() -> Csv.read(f)).isInstanceOf(DataException.class)
                .hasMessage(f + ": line 3, column 2 (\"b\"): NaN is not allowed (NaN)");
        Path inf = file("inf.csv", "1 2\n-inf 3\n");
        assertThatThrownBy(() -> Csv.read(inf))
                .hasMessage(inf + ": line 2, column 1: infinite value is not allowed (-inf)");
        Path huge = file("huge.csv", "1,2e999\n");
        assertThatThrownBy(() -> Csv.read(huge)).hasMessage(huge + ": line 1, column 2: out of double range (2e999)");
    }

    @Test
    void emptyCellsAreRejectedWithLineAndColumn() throws IOException {
        Path f = file("empty.csv", "1,2,3\n4,,6\n");
        assertThatThrownBy(() -> Csv.read(f)).isInstanceOf(DataException.class)
                .hasMessage(f + ": line 2, column 2: empty cell");
        Path firstRow = file("first.csv", "1,,3\n4,5,6\n");
        assertThatThrownBy(() -> Csv.read(firstRow)).hasMessage(firstRow + ": line 1, column 2: empty cell");
        Path trailing = file("trailing.csv", "x,y\n1,2,\n");
        assertThatThrownBy(() -> Csv.read(trailing))
                .hasMessage(trailing + ": line 2 has 3 columns, expected 2 (as in line 1); delimiter ','");
    }

    @Test
    void nonNumericCellsAreRejected() throws IOException {
        Path f = file("text.csv", "x,y\n1,2\n3,abc\n");
        assertThatThrownBy(() -> Csv.read(f)).hasMessage(f + ": line 3, column 2 (\"y\"): not a number: 'abc'");
        Path hex = file("hex.csv", "1,2\n1,0x10\n");
        assertThatThrownBy(() -> Csv.read(hex)).hasMessage(hex + ": line 2, column 2: not a number: '0x10'");
    }

    @Test
    void raggedRowsMissingDataAndQuotesAreRejected() throws IOException {
        Path f = file("ragged.csv", "1,2,3\n4,5\n");
        assertThatThrownBy(() -> Csv.read(f))
                .hasMessage(f + ": line 2 has 2 columns, expected 3 (as in line 1); delimiter ','");
        Path headerOnly = file("header.csv", "a,b\n");
        assertThatThrownBy(() -> Csv.read(headerOnly)).hasMessage(headerOnly + ": no data rows after the header");
        Path blank = file("blank.csv", "\n# nothing\n");
        assertThatThrownBy(() -> Csv.read(blank)).hasMessage(blank + ": no data rows");
        Path quote = file("quote.csv", "1,\"2\n");
        assertThatThrownBy(() -> Csv.read(quote)).hasMessage(quote + ": line 1: unterminated quote");
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> Csv.read(missing)).hasMessage(missing + ": file not found");
    }
}
