// The interface between the emulated kernels (kernels_emulated.cpp) and the fake driver
// (fake_libcuda.cpp), kept free of both CUDA headers.
#pragma once

#include <functional>

struct gd_uint3 {
    unsigned x, y, z;
};
struct gd_dim3 {
    unsigned x, y, z;
};

struct GdKernel {
    const char* name;
    unsigned arity;
    // runs the launch; false if an argument was rejected (the reason went to stderr)
    std::function<bool(gd_dim3, gd_dim3, void**)> run;
};

// The kernel of the PTX with this entry name, or null.
const GdKernel* gdemu_find_kernel(const char* name);

// Whether p lies in (or one past the end of) a live device allocation; defined by the fake driver.
bool gdemu_is_device_pointer(const void* p);
