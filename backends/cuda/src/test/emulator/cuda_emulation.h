// Just enough of CUDA C to compile gdcert_kernels.cu with g++ and run it on the CPU: every CUDA
// thread of a block is a fiber, __syncthreads() returns to a scheduler that runs all the block's
// fibers up to the barrier before any goes on, blocks run one after another (so __shared__ variables
// can be function statics), and the built-in index variables are globals the scheduler sets. See
// kernels_emulated.cpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <math.h>

#include "kernels_emulated.h"

namespace gdemu {
extern thread_local gd_uint3 thread_index;
extern thread_local gd_uint3 block_index;
extern gd_dim3 block_dim;
extern gd_dim3 grid_dim;
void sync_threads();
}  // namespace gdemu

#define threadIdx (gdemu::thread_index)
#define blockIdx (gdemu::block_index)
#define blockDim (gdemu::block_dim)
#define gridDim (gdemu::grid_dim)
#define __syncthreads() gdemu::sync_threads()

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __shared__ static
#define __launch_bounds__(...)

using std::min;
using std::max;
