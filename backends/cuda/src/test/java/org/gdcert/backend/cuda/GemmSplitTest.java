package org.gdcert.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When GEMM splits k across blocks (split-K), and into how many slices. */
class GemmSplitTest {
    private static final int H100_SMS = 132;
    private static final int DEPTH = CudaBackend.DEFAULT_SPLIT_DEPTH;

    @Test
    void outputsThatFillTheGpuAreNotSplit() {
        // 16384 x 16384 output in 64 x 64 tiles
        assertThat(CudaBackend.splits(H100_SMS, 256L * 256, 784, 16384L * 16384, DEPTH)).isEqualTo(1);
        assertThat(CudaBackend.splits(H100_SMS, H100_SMS, 100_000, 1L << 20, DEPTH)).isEqualTo(1);
    }

    @Test
    void shortKIsNotSplit() {
        assertThat(CudaBackend.splits(H100_SMS, 1, 2 * DEPTH - 1, 64 * 10, DEPTH)).isEqualTo(1);
    }

    @Test
    void smallOutputsWithLongKAreSplitForOccupancyDepthAndMemory() {
        // the gradient of the reference net's last layer: 64 x 10 output, k = N samples, one tile
        assertThat(CudaBackend.splits(H100_SMS, 1, 16384, 640, DEPTH)).isEqualTo(64);   // capped at 64
        assertThat(CudaBackend.splits(H100_SMS, 1, 1000, 640, DEPTH)).isEqualTo(7);     // 1000 / 128
        assertThat(CudaBackend.splits(H100_SMS, 33, 1 << 20, 33 * 4096, DEPTH)).isEqualTo(8); // 2·132/33
        // the workspace of splits·m·n entries stays within the limit
        long mn = CudaBackend.SPLIT_WORKSPACE_LIMIT / 3;
        assertThat(CudaBackend.splits(H100_SMS, 1, 1 << 20, mn, DEPTH)).isEqualTo(3);
    }
}
