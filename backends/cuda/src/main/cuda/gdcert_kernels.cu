// gdcert's CUDA kernels: the dense operations of org.gdcert.core.spi.Backend on row-major matrices
// that stay on the device, in double (suffix _f64) and float (_f32).
//
// Compiled to PTX by ../../../build-ptx.sh (the result is committed as a resource, so builds need no
// nvcc) and loaded at run time through the CUDA driver API (cuModuleLoadData), which compiles the PTX
// for the GPU at hand.
//
// Written in plain CUDA C on purpose: no warp intrinsics, atomics or inline PTX, so that the CPU
// emulator in src/test/emulator can run these very kernels (one thread per CUDA thread, a barrier for
// __syncthreads) and the backend's tests can check them on machines without a GPU.
//
// Every kernel is extern "C" so that its PTX entry has the plain name the Java side looks up
// (CudaKernels). Keep the parameter lists in step with CudaKernels.java.

typedef long long i64;

// ------------------------------------------------------------------ math helpers, float and double

__device__ __forceinline__ double gd_exp(double x) { return exp(x); }
__device__ __forceinline__ float gd_exp(float x) { return expf(x); }
__device__ __forceinline__ double gd_log1p(double x) { return log1p(x); }
__device__ __forceinline__ float gd_log1p(float x) { return log1pf(x); }
__device__ __forceinline__ double gd_tanh(double x) { return tanh(x); }
__device__ __forceinline__ float gd_tanh(float x) { return tanhf(x); }
__device__ __forceinline__ double gd_abs(double x) { return fabs(x); }
__device__ __forceinline__ float gd_abs(float x) { return fabsf(x); }

// Java's Math.max(x, 0): NaN stays NaN (CUDA's fmax would return 0).
template <typename T>
__device__ __forceinline__ T gd_relu(T x) {
    return (x > T(0) || x != x) ? x : T(0);
}

// The first index and the stride of a grid-stride loop.
__device__ __forceinline__ i64 gd_first() { return (i64)blockIdx.x * blockDim.x + threadIdx.x; }
__device__ __forceinline__ i64 gd_stride() { return (i64)blockDim.x * gridDim.x; }

// ------------------------------------------------------------------ GEMM
//
// C := alpha * op(A) * op(B) + beta * C, all row-major; op(A) is m x k, op(B) is k x n, C is m x n with
// leading dimensions lda, ldb, ldc (the row lengths of the stored arrays). beta == 0 ignores the old C.
//
// A block computes a BM x BN tile of C with (BM/TM)(BN/TN) threads; each thread holds a TM x TN
// sub-tile in registers, its rows ty, ty + BM/TM, ... and columns tx, tx + BN/TN, ... (strided, so that
// the shared-memory reads of a warp are conflict-free and the stores to C coalesce). The k dimension
// runs in slabs of BK: each slab of op(A) (BM x BK) and op(B) (BK x BN) is staged in shared memory,
// stored k-major (As[p][i], Bs[p][j]) and padded by PAD to spread the transposing stores over the
// banks. Global loads are ordered so that consecutive threads read consecutive addresses for every
// transpose case. Entries outside the matrices are staged as zeros and never written.
//
// Split-K: blockIdx.z selects the slab range [z*kChunk, min(k, (z+1)*kChunk)); with partial != 0 the
// block writes its raw sums to partial[z][i][j] (m x n each) and gemm_splitk_reduce finishes C.

template <typename T, int BM, int BN, int BK, int TM, int TN, int PAD, bool TA, bool TB>
__device__ __forceinline__ void gemm_tile(int m, int n, int k, T alpha, const T* __restrict__ A, int lda,
        const T* __restrict__ B, int ldb, T beta, T* __restrict__ C, int ldc, int kChunk,
        T* __restrict__ partial) {
    const int NT = (BM / TM) * (BN / TN);
    __shared__ T As[BK][BM + PAD];
    __shared__ T Bs[BK][BN + PAD];

    const int tid = threadIdx.x;
    const int tx = tid % (BN / TN);
    const int ty = tid / (BN / TN);
    const int row0 = blockIdx.y * BM;
    const int col0 = blockIdx.x * BN;
    const int kBegin = blockIdx.z * kChunk;
    const int kEnd = min(k, kBegin + kChunk);

    T acc[TM][TN];
#pragma unroll
    for (int r = 0; r < TM; ++r) {
#pragma unroll
        for (int c = 0; c < TN; ++c) {
            acc[r][c] = T(0);
        }
    }

    for (int k0 = kBegin; k0 < kEnd; k0 += BK) {
        // stage op(A)[row0 .. row0+BM) x [k0 .. k0+BK)
        for (int e = tid; e < BM * BK; e += NT) {
            int i, p;
            if (TA) {  // A is k x m: consecutive threads, consecutive i
                i = e % BM;
                p = e / BM;
            } else {   // A is m x k: consecutive threads, consecutive p
                p = e % BK;
                i = e / BK;
            }
            const int gi = row0 + i;
            const int gp = k0 + p;
            T v = T(0);
            if (gi < m && gp < kEnd) {
                v = TA ? A[(i64)gp * lda + gi] : A[(i64)gi * lda + gp];
            }
            As[p][i] = v;
        }
        // stage op(B)[k0 .. k0+BK) x [col0 .. col0+BN)
        for (int e = tid; e < BK * BN; e += NT) {
            int p, j;
            if (TB) {  // B is n x k: consecutive threads, consecutive p
                p = e % BK;
                j = e / BK;
            } else {   // B is k x n: consecutive threads, consecutive j
                j = e % BN;
                p = e / BN;
            }
            const int gp = k0 + p;
            const int gj = col0 + j;
            T v = T(0);
            if (gj < n && gp < kEnd) {
                v = TB ? B[(i64)gj * ldb + gp] : B[(i64)gp * ldb + gj];
            }
            Bs[p][j] = v;
        }
        __syncthreads();
#pragma unroll
        for (int p = 0; p < BK; ++p) {
            T a[TM];
            T b[TN];
#pragma unroll
            for (int r = 0; r < TM; ++r) {
                a[r] = As[p][ty + r * (BM / TM)];
            }
#pragma unroll
            for (int c = 0; c < TN; ++c) {
                b[c] = Bs[p][tx + c * (BN / TN)];
            }
#pragma unroll
            for (int r = 0; r < TM; ++r) {
#pragma unroll
                for (int c = 0; c < TN; ++c) {
                    acc[r][c] += a[r] * b[c];
                }
            }
        }
        __syncthreads();
    }

#pragma unroll
    for (int r = 0; r < TM; ++r) {
        const int i = row0 + ty + r * (BM / TM);
#pragma unroll
        for (int c = 0; c < TN; ++c) {
            const int j = col0 + tx + c * (BN / TN);
            if (i < m && j < n) {
                if (partial != 0) {
                    partial[((i64)blockIdx.z * m + i) * n + j] = acc[r][c];
                } else {
                    T* cij = C + (i64)i * ldc + j;
                    *cij = beta == T(0) ? alpha * acc[r][c] : alpha * acc[r][c] + beta * *cij;
                }
            }
        }
    }
}

// Tile shapes (block threads 256 for both): float 128 x 128 x 8 with 8 x 8 per thread; double
// 64 x 64 x 8 with 4 x 4 per thread (fewer registers per thread, so more blocks per multiprocessor).
// CudaKernels.java mirrors BM, BN and the thread count; change them together.
#define GD_GEMM_F32(NAME, TA, TB)                                                                       \
    extern "C" __global__ void __launch_bounds__(256) NAME(int m, int n, int k, float alpha,            \
            const float* A, int lda, const float* B, int ldb, float beta, float* C, int ldc, int kChunk, \
            float* partial) {                                                                           \
        gemm_tile<float, 128, 128, 8, 8, 8, 4, TA, TB>(m, n, k, alpha, A, lda, B, ldb, beta, C, ldc,    \
                kChunk, partial);                                                                       \
    }
#define GD_GEMM_F64(NAME, TA, TB)                                                                       \
    extern "C" __global__ void __launch_bounds__(256) NAME(int m, int n, int k, double alpha,           \
            const double* A, int lda, const double* B, int ldb, double beta, double* C, int ldc,        \
            int kChunk, double* partial) {                                                              \
        gemm_tile<double, 64, 64, 8, 4, 4, 2, TA, TB>(m, n, k, alpha, A, lda, B, ldb, beta, C, ldc,     \
                kChunk, partial);                                                                       \
    }

GD_GEMM_F32(gdcert_gemm_nn_f32, false, false)
GD_GEMM_F32(gdcert_gemm_nt_f32, false, true)
GD_GEMM_F32(gdcert_gemm_tn_f32, true, false)
GD_GEMM_F32(gdcert_gemm_tt_f32, true, true)
GD_GEMM_F64(gdcert_gemm_nn_f64, false, false)
GD_GEMM_F64(gdcert_gemm_nt_f64, false, true)
GD_GEMM_F64(gdcert_gemm_tn_f64, true, false)
GD_GEMM_F64(gdcert_gemm_tt_f64, true, true)

// C := alpha * sum_z partial[z] + beta * C (C is m x n with leading dimension ldc), summing the
// splits in order z = 0, 1, ... so the result does not depend on scheduling.
template <typename T>
__device__ __forceinline__ void splitk_reduce(int m, int n, int splits, const T* partial, T alpha, T beta,
        T* C, int ldc) {
    const i64 mn = (i64)m * n;
    for (i64 e = gd_first(); e < mn; e += gd_stride()) {
        T s = T(0);
        for (int z = 0; z < splits; ++z) {
            s += partial[(i64)z * mn + e];
        }
        const i64 i = e / n;
        const i64 j = e - i * n;
        T* cij = C + i * ldc + j;
        *cij = beta == T(0) ? alpha * s : alpha * s + beta * *cij;
    }
}

extern "C" __global__ void gdcert_gemm_splitk_reduce_f32(int m, int n, int splits, const float* partial,
        float alpha, float beta, float* C, int ldc) {
    splitk_reduce<float>(m, n, splits, partial, alpha, beta, C, ldc);
}
extern "C" __global__ void gdcert_gemm_splitk_reduce_f64(int m, int n, int splits, const double* partial,
        double alpha, double beta, double* C, int ldc) {
    splitk_reduce<double>(m, n, splits, partial, alpha, beta, C, ldc);
}

// ------------------------------------------------------------------ elementwise
//
// Inputs and outputs may be the same array (element for element), so no pointer here is __restrict__.

template <typename T>
__device__ __forceinline__ void fill(i64 n, T* x, T v) {
    for (i64 i = gd_first(); i < n; i += gd_stride()) {
        x[i] = v;
    }
}
extern "C" __global__ void gdcert_fill_f32(i64 n, float* x, float v) { fill<float>(n, x, v); }
extern "C" __global__ void gdcert_fill_f64(i64 n, double* x, double v) { fill<double>(n, x, v); }

// y := alpha x + beta y; beta == 0 ignores the old y, beta == 1 adds (as the Java backends do).
template <typename T>
__device__ __forceinline__ void axpby(i64 n, T alpha, const T* x, T beta, T* y) {
    for (i64 i = gd_first(); i < n; i += gd_stride()) {
        if (beta == T(0)) {
            y[i] = alpha * x[i];
        } else if (beta == T(1)) {
            y[i] += alpha * x[i];
        } else {
            y[i] = alpha * x[i] + beta * y[i];
        }
    }
}
extern "C" __global__ void gdcert_axpby_f32(i64 n, float alpha, const float* x, float beta, float* y) {
    axpby<float>(n, alpha, x, beta, y);
}
extern "C" __global__ void gdcert_axpby_f64(i64 n, double alpha, const double* x, double beta, double* y) {
    axpby<double>(n, alpha, x, beta, y);
}

template <typename T>
__device__ __forceinline__ void hadamard(i64 n, const T* a, const T* b, T* out) {
    for (i64 i = gd_first(); i < n; i += gd_stride()) {
        out[i] = a[i] * b[i];
    }
}
extern "C" __global__ void gdcert_hadamard_f32(i64 n, const float* a, const float* b, float* out) {
    hadamard<float>(n, a, b, out);
}
extern "C" __global__ void gdcert_hadamard_f64(i64 n, const double* a, const double* b, double* out) {
    hadamard<double>(n, a, b, out);
}

template <typename T>
__device__ __forceinline__ void sub(i64 n, const T* a, const T* b, T* out) {
    for (i64 i = gd_first(); i < n; i += gd_stride()) {
        out[i] = a[i] - b[i];
    }
}
extern "C" __global__ void gdcert_sub_f32(i64 n, const float* a, const float* b, float* out) {
    sub<float>(n, a, b, out);
}
extern "C" __global__ void gdcert_sub_f64(i64 n, const double* a, const double* b, double* out) {
    sub<double>(n, a, b, out);
}

// a[i][j] += row[j] for an r x c matrix a (n = r c entries).
template <typename T>
__device__ __forceinline__ void add_row(i64 n, int cols, const T* row, T* a) {
    for (i64 e = gd_first(); e < n; e += gd_stride()) {
        a[e] += row[e % cols];
    }
}
extern "C" __global__ void gdcert_add_row_f32(i64 n, int cols, const float* row, float* a) {
    add_row<float>(n, cols, row, a);
}
extern "C" __global__ void gdcert_add_row_f64(i64 n, int cols, const double* row, double* a) {
    add_row<double>(n, cols, row, a);
}

// dst[t][j] := src[rows[t]][j] for t < count, j < cols (indices checked on the host).
template <typename T>
__device__ __forceinline__ void gather_rows(int count, int cols, const int* rows, const T* src, T* dst) {
    const i64 n = (i64)count * cols;
    for (i64 e = gd_first(); e < n; e += gd_stride()) {
        const i64 t = e / cols;
        const i64 j = e - t * cols;
        dst[e] = src[(i64)rows[t] * cols + j];
    }
}
extern "C" __global__ void gdcert_gather_rows_f32(int count, int cols, const int* rows, const float* src,
        float* dst) {
    gather_rows<float>(count, cols, rows, src, dst);
}
extern "C" __global__ void gdcert_gather_rows_f64(int count, int cols, const int* rows, const double* src,
        double* dst) {
    gather_rows<double>(count, cols, rows, src, dst);
}

// ------------------------------------------------------------------ activations
//
// The standard functions of org.gdcert.core.spi.ClosedForm, by code (DeviceActivation.java holds the
// same codes and, in Java, the same formulas for the second derivative):
//   0 identity, 1 relu (p = sigma'(0)), 2 leaky relu (p = slope in [0, 1]), 3 softplus, 4 sigmoid,
//   5 tanh.
// Value and first derivative follow ClosedForm's reference formulas.

#define GD_IDENTITY 0
#define GD_RELU 1
#define GD_LEAKY_RELU 2
#define GD_SOFTPLUS 3
#define GD_SIGMOID 4
#define GD_TANH 5

template <typename T>
__device__ __forceinline__ void act_eval(int kind, T p, T x, T& v, T& d) {
    switch (kind) {
        case GD_RELU:
            v = gd_relu(x);
            d = x > T(0) ? T(1) : (x < T(0) ? T(0) : p);
            break;
        case GD_LEAKY_RELU:
            v = (x != x || x >= p * x) ? x : p * x;
            d = x > T(0) ? T(1) : p;
            break;
        case GD_SOFTPLUS: {
            const T u = gd_exp(-gd_abs(x));
            v = gd_relu(x) + gd_log1p(u);
            d = x >= T(0) ? T(1) / (T(1) + u) : u / (T(1) + u);
            break;
        }
        case GD_SIGMOID: {
            const T u = gd_exp(-gd_abs(x));
            const T w = T(1) + u;
            v = x >= T(0) ? T(1) / w : u / w;
            d = u / (w * w);
            break;
        }
        case GD_TANH: {
            const T u = gd_exp(T(-2) * gd_abs(x));
            const T w = T(1) + u;
            v = gd_tanh(x);
            d = T(4) * u / (w * w);
            break;
        }
        default:  // GD_IDENTITY
            v = x;
            d = T(1);
            break;
    }
}

// sigma'' for the same codes: 0 for the piecewise linear ones, u/(1+u)^2 for softplus (the logistic
// derivative), -sigma'(x) tanh(x/2) for sigmoid (sigma (1 - sigma)(1 - 2 sigma)), -2 tanh(x) sigma'(x)
// for tanh.
template <typename T>
__device__ __forceinline__ T act_second(int kind, T p, T x) {
    switch (kind) {
        case GD_SOFTPLUS: {
            const T u = gd_exp(-gd_abs(x));
            const T w = T(1) + u;
            return u / (w * w);
        }
        case GD_SIGMOID: {
            const T u = gd_exp(-gd_abs(x));
            const T w = T(1) + u;
            return -(u / (w * w)) * gd_tanh(x / T(2));
        }
        case GD_TANH: {
            const T u = gd_exp(T(-2) * gd_abs(x));
            const T w = T(1) + u;
            return T(-2) * gd_tanh(x) * (T(4) * u / (w * w));
        }
        default:
            return x != x ? x : T(0);
    }
}

// value := sigma(in), deriv := sigma'(in); either output may be null, and value may be in.
template <typename T>
__device__ __forceinline__ void activation(int kind, T p, i64 n, const T* in, T* value, T* deriv) {
    for (i64 i = gd_first(); i < n; i += gd_stride()) {
        T v, d;
        act_eval<T>(kind, p, in[i], v, d);
        if (deriv != 0) {
            deriv[i] = d;
        }
        if (value != 0) {
            value[i] = v;
        }
    }
}
extern "C" __global__ void gdcert_activation_f32(int kind, float p, i64 n, const float* in, float* value,
        float* deriv) {
    activation<float>(kind, p, n, in, value, deriv);
}
extern "C" __global__ void gdcert_activation_f64(int kind, double p, i64 n, const double* in, double* value,
        double* deriv) {
    activation<double>(kind, p, n, in, value, deriv);
}

template <typename T>
__device__ __forceinline__ void activation2(int kind, T p, i64 n, const T* in, T* out) {
    for (i64 i = gd_first(); i < n; i += gd_stride()) {
        out[i] = act_second<T>(kind, p, in[i]);
    }
}
extern "C" __global__ void gdcert_activation2_f32(int kind, float p, i64 n, const float* in, float* out) {
    activation2<float>(kind, p, n, in, out);
}
extern "C" __global__ void gdcert_activation2_f64(int kind, double p, i64 n, const double* in, double* out) {
    activation2<double>(kind, p, n, in, out);
}

// ------------------------------------------------------------------ reductions (accumulated in double)
//
// Two passes, no atomics: each of gridDim.x blocks (256 threads) writes the sum of its grid-stride
// share to partial[blockIdx.x]; gdcert_sum_final (one block) adds the partials. The host picks the
// grid from n alone, so the result does not depend on scheduling.

#define GD_REDUCE_THREADS 256

// Tree reduction of s over the block; returns the total in thread 0.
__device__ __forceinline__ double gd_block_sum(double s) {
    __shared__ double buf[GD_REDUCE_THREADS];
    buf[threadIdx.x] = s;
    __syncthreads();
    for (int h = GD_REDUCE_THREADS / 2; h > 0; h >>= 1) {
        if ((int)threadIdx.x < h) {
            buf[threadIdx.x] += buf[threadIdx.x + h];
        }
        __syncthreads();
    }
    return buf[0];
}

// partial[block] := sum of a[i] * b[i] over the block's share (b == a gives the sum of squares).
template <typename T>
__device__ __forceinline__ void dot_partial(i64 n, const T* a, const T* b, double* partial) {
    double s = 0;
    for (i64 i = gd_first(); i < n; i += gd_stride()) {
        s += (double)a[i] * (double)b[i];
    }
    const double total = gd_block_sum(s);
    if (threadIdx.x == 0) {
        partial[blockIdx.x] = total;
    }
}
extern "C" __global__ void __launch_bounds__(GD_REDUCE_THREADS) gdcert_dot_partial_f32(i64 n, const float* a,
        const float* b, double* partial) {
    dot_partial<float>(n, a, b, partial);
}
extern "C" __global__ void __launch_bounds__(GD_REDUCE_THREADS) gdcert_dot_partial_f64(i64 n, const double* a,
        const double* b, double* partial) {
    dot_partial<double>(n, a, b, partial);
}

// out[0] := sum of partial[0 .. count), in one block.
extern "C" __global__ void __launch_bounds__(GD_REDUCE_THREADS) gdcert_sum_final(int count,
        const double* partial, double* out) {
    double s = 0;
    for (int i = threadIdx.x; i < count; i += GD_REDUCE_THREADS) {
        s += partial[i];
    }
    const double total = gd_block_sum(s);
    if (threadIdx.x == 0) {
        out[0] = total;
    }
}

// Column sums of an r x c matrix a: block (32, 8) over 32 columns and the rows
// [blockIdx.y * rowsPerSplit, (blockIdx.y + 1) * rowsPerSplit); partial[blockIdx.y][j] gets the sum.
// gdcert_colsum_final_* adds the splits in order and rounds to the matrix type.
template <typename T>
__device__ __forceinline__ void colsum_partial(int rows, int cols, const T* a, int rowsPerSplit,
        double* partial) {
    __shared__ double buf[8][33];
    const int j = blockIdx.x * 32 + threadIdx.x;
    const int begin = blockIdx.y * rowsPerSplit;
    const int end = min(rows, begin + rowsPerSplit);
    double s = 0;
    if (j < cols) {
        for (int i = begin + (int)threadIdx.y; i < end; i += 8) {
            s += (double)a[(i64)i * cols + j];
        }
    }
    buf[threadIdx.y][threadIdx.x] = s;
    __syncthreads();
    if (threadIdx.y == 0 && j < cols) {
        double t = 0;
        for (int y = 0; y < 8; ++y) {
            t += buf[y][threadIdx.x];
        }
        partial[(i64)blockIdx.y * cols + j] = t;
    }
}
extern "C" __global__ void gdcert_colsum_partial_f32(int rows, int cols, const float* a, int rowsPerSplit,
        double* partial) {
    colsum_partial<float>(rows, cols, a, rowsPerSplit, partial);
}
extern "C" __global__ void gdcert_colsum_partial_f64(int rows, int cols, const double* a, int rowsPerSplit,
        double* partial) {
    colsum_partial<double>(rows, cols, a, rowsPerSplit, partial);
}

template <typename T>
__device__ __forceinline__ void colsum_final(int cols, int splits, const double* partial, T* out) {
    for (i64 j = gd_first(); j < cols; j += gd_stride()) {
        double s = 0;
        for (int z = 0; z < splits; ++z) {
            s += partial[(i64)z * cols + j];
        }
        out[j] = (T)s;
    }
}
extern "C" __global__ void gdcert_colsum_final_f32(int cols, int splits, const double* partial, float* out) {
    colsum_final<float>(cols, splits, partial, out);
}
extern "C" __global__ void gdcert_colsum_final_f64(int cols, int splits, const double* partial, double* out) {
    colsum_final<double>(cols, splits, partial, out);
}
