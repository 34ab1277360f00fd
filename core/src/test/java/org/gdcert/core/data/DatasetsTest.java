package org.gdcert.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.testing.Python;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private static HostMatrix random(int r, int c, long seed) {
        HostMatrix m = new HostMatrix(r, c);
        Rng.of(seed).fillGaussian(m.data(), 1);
        return m;
    }

    @Test
    void fingerprintIsSha256OfShapeAndLittleEndianDoubles() {
        // independent truth: Python's struct and hashlib on the values written as exact hex floats
        Python.assumePython();
        HostMatrix x = random(3, 4, 1);
        x.set(0, 0, -0.0);
        HostMatrix y = random(3, 1, 2);
        String values = Arrays.stream(new HostMatrix[] {x, y}).map(m -> m.rows() + ":" + m.cols() + ":"
                + Arrays.stream(m.data()).mapToObj(Double::toHexString).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
        String py = Python.runCode("""
                import hashlib, struct, sys
                h = hashlib.sha256()
                for m in sys.argv[1].split(';'):
                    r, c, vals = m.split(':')
                    v = [float.fromhex(s) for s in vals.split(',')]
                    h.update(struct.pack('<qq', int(r), int(c)) + struct.pack('<%dd' % len(v), *v))
                print(h.hexdigest())
                """, values).strip();
        assertThat(Datasets.fingerprint(x, y)).isEqualTo(py).hasSize(64);
    }

    @Test
    void fingerprintSeesShapeSignOfZeroAndOrder() {
        HostMatrix a = random(2, 3, 5);
        HostMatrix reshaped = new HostMatrix(3, 2, a.data().clone());
        assertThat(Datasets.fingerprint(a)).isEqualTo(Datasets.fingerprint(a.copy()));
        assertThat(Datasets.fingerprint(a)).isNotEqualTo(Datasets.fingerprint(reshaped));
        HostMatrix z = new HostMatrix(1, 1);
        HostMatrix negZ = new HostMatrix(1, 1, new double[] {-0.0});
        assertThat(Datasets.fingerprint(z)).isNotEqualTo(Datasets.fingerprint(negZ));
        HostMatrix b = random(2, 3, 6);
        assertThat(Datasets.fingerprint(a, b)).isNotEqualTo(Datasets.fingerprint(b, a));
        // well-known value: SHA-256 of the empty input
        assertThat(Datasets.fingerprint())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void largeMatricesAreHashedInChunksWithoutChangingTheResult() {
        Python.assumePython();
        HostMatrix big = random(300, 70, 3); // 21 000 values, several chunks
        String hex = Arrays.stream(big.data()).mapToObj(Double::toHexString).collect(Collectors.joining(","));
        String py = Python.runCodeWithInput("""
                import hashlib, struct, sys
                v = [float.fromhex(s) for s in sys.stdin.read().split(',')]
                print(hashlib.sha256(struct.pack('<qq', 300, 70) + struct.pack('<%dd' % len(v), *v)).hexdigest())
                """, hex).strip();
        assertThat(Datasets.fingerprint(big)).isEqualTo(py);
    }
}
