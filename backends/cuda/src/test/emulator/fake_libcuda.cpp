// A fake libcuda.so.1 for testing the cuda backend without a GPU: the part of the CUDA driver API
// the backend uses, with "device memory" in host memory and kernel launches run by the CPU emulation
// of gdcert_kernels.cu (kernels_emulated.cpp). JCuda's libJCudaDriver links against libcuda.so.1 and
// binds its functions lazily, so a JVM started with this library first on LD_LIBRARY_PATH runs the
// whole backend (JCuda bindings, the Java code, the kernels) on the CPU.
//
// Stricter than a GPU where that finds bugs: fresh allocations are filled with 0xFF bytes (NaN in
// float and double), so reading memory never written shows; each allocation has guard bytes that are
// checked after every launch; a kernel pointer argument must point into a live allocation; copies must
// stay inside allocations. Violations print one line to stderr and make the context fail with
// CUDA_ERROR_ILLEGAL_ADDRESS, as a GPU would.
//
// Environment (read at cuInit): GDCERT_FAKE_CUDA_DEVICES (default 1), GDCERT_FAKE_CUDA_DRIVER
// (cuDriverGetVersion, default 13000), GDCERT_FAKE_CUDA_CC (compute capability as major*10+minor,
// default 90), GDCERT_FAKE_CUDA_MEMORY (bytes of device memory, default 4 GiB).
#include <cuda.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>

#include "kernels_emulated.h"

namespace {
const size_t GUARD = 256;
const unsigned char GUARD_BYTE = 0xA5;

struct Allocation {
    unsigned char* base;  // GUARD bytes, size bytes of device memory, GUARD bytes
    size_t size;
};

std::mutex lock;
bool initialized = false;
int devices = 1;
int driver_version = 13000;
int compute_capability = 90;
size_t memory = size_t(4) << 30;
size_t used = 0;
CUresult sticky = CUDA_SUCCESS;
std::map<uintptr_t, Allocation> allocations;  // by device address
int context_tag;  // the primary context's handle points here
int module_tag;   // the one module's handle points here

long env(const char* name, long fallback) {
    const char* v = std::getenv(name);
    return v == nullptr || *v == '\0' ? fallback : std::strtol(v, nullptr, 10);
}

CUresult fail(CUresult r, const char* what) {
    std::fprintf(stderr, "fake libcuda: %s\n", what);
    if (r == CUDA_ERROR_ILLEGAL_ADDRESS) {
        sticky = r;
    }
    return r;
}

// The allocation holding [p, p + bytes), or null.
const Allocation* find(uintptr_t p, size_t bytes) {
    auto it = allocations.upper_bound(p);
    if (it == allocations.begin()) {
        return nullptr;
    }
    --it;
    if (p - it->first + bytes > it->second.size) {
        return nullptr;
    }
    return &it->second;
}

bool guards_intact(const char* after) {
    for (auto& [address, a] : allocations) {
        for (size_t i = 0; i < GUARD; ++i) {
            if (a.base[i] != GUARD_BYTE || a.base[GUARD + a.size + i] != GUARD_BYTE) {
                std::fprintf(stderr, "fake libcuda: %s wrote outside the allocation at %p (%zu bytes)\n", after,
                        (void*)address, a.size);
                sticky = CUDA_ERROR_ILLEGAL_ADDRESS;
                return false;
            }
        }
    }
    return true;
}

CUresult ready() {
    if (!initialized) {
        return CUDA_ERROR_NOT_INITIALIZED;
    }
    return sticky;
}

const char* error_name(CUresult r) {
    switch (r) {
        case CUDA_SUCCESS: return "CUDA_SUCCESS";
        case CUDA_ERROR_INVALID_VALUE: return "CUDA_ERROR_INVALID_VALUE";
        case CUDA_ERROR_OUT_OF_MEMORY: return "CUDA_ERROR_OUT_OF_MEMORY";
        case CUDA_ERROR_NOT_INITIALIZED: return "CUDA_ERROR_NOT_INITIALIZED";
        case CUDA_ERROR_NO_DEVICE: return "CUDA_ERROR_NO_DEVICE";
        case CUDA_ERROR_INVALID_DEVICE: return "CUDA_ERROR_INVALID_DEVICE";
        case CUDA_ERROR_INVALID_PTX: return "CUDA_ERROR_INVALID_PTX";
        case CUDA_ERROR_INVALID_HANDLE: return "CUDA_ERROR_INVALID_HANDLE";
        case CUDA_ERROR_NOT_FOUND: return "CUDA_ERROR_NOT_FOUND";
        case CUDA_ERROR_ILLEGAL_ADDRESS: return "CUDA_ERROR_ILLEGAL_ADDRESS";
        case CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES: return "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES";
        default: return "CUDA_ERROR_UNKNOWN";
    }
}
}  // namespace

bool gdemu_is_device_pointer(const void* p) {
    return find(reinterpret_cast<uintptr_t>(p), 0) != nullptr;
}

extern "C" {

CUresult cuInit(unsigned int flags) {
    std::lock_guard<std::mutex> g(lock);
    if (flags != 0) {
        return CUDA_ERROR_INVALID_VALUE;
    }
    devices = (int)env("GDCERT_FAKE_CUDA_DEVICES", 1);
    driver_version = (int)env("GDCERT_FAKE_CUDA_DRIVER", 13000);
    compute_capability = (int)env("GDCERT_FAKE_CUDA_CC", 90);
    memory = (size_t)env("GDCERT_FAKE_CUDA_MEMORY", (long)(size_t(4) << 30));
    if (devices <= 0) {
        return CUDA_ERROR_NO_DEVICE;
    }
    initialized = true;
    return CUDA_SUCCESS;
}

CUresult cuDriverGetVersion(int* version) {
    if (version == nullptr) {
        return CUDA_ERROR_INVALID_VALUE;
    }
    *version = (int)env("GDCERT_FAKE_CUDA_DRIVER", 13000);
    return CUDA_SUCCESS;
}

CUresult cuDeviceGetCount(int* count) {
    std::lock_guard<std::mutex> g(lock);
    if (!initialized) {
        return CUDA_ERROR_NOT_INITIALIZED;
    }
    *count = devices;
    return CUDA_SUCCESS;
}

CUresult cuDeviceGet(CUdevice* device, int ordinal) {
    std::lock_guard<std::mutex> g(lock);
    if (!initialized) {
        return CUDA_ERROR_NOT_INITIALIZED;
    }
    if (ordinal < 0 || ordinal >= devices) {
        return CUDA_ERROR_INVALID_DEVICE;
    }
    *device = ordinal;
    return CUDA_SUCCESS;
}

CUresult cuDeviceGetName(char* name, int len, CUdevice device) {
    if (device < 0 || device >= devices) {
        return CUDA_ERROR_INVALID_DEVICE;
    }
    std::snprintf(name, (size_t)len, "gdcert CPU emulator %d", device);
    return CUDA_SUCCESS;
}

CUresult cuDeviceGetAttribute(int* value, CUdevice_attribute attribute, CUdevice device) {
    if (device < 0 || device >= devices) {
        return CUDA_ERROR_INVALID_DEVICE;
    }
    switch (attribute) {
        case CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR: *value = compute_capability / 10; break;
        case CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR: *value = compute_capability % 10; break;
        case CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT: *value = 4; break;
        case CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK: *value = 1024; break;
        case CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X: *value = 2147483647; break;
        case CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Y: *value = 65535; break;
        case CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Z: *value = 65535; break;
        default: *value = 0; break;
    }
    return CUDA_SUCCESS;
}

CUresult cuDeviceTotalMem(size_t* bytes, CUdevice device) {
    if (device < 0 || device >= devices) {
        return CUDA_ERROR_INVALID_DEVICE;
    }
    *bytes = memory;
    return CUDA_SUCCESS;
}

CUresult cuDevicePrimaryCtxRetain(CUcontext* context, CUdevice device) {
    std::lock_guard<std::mutex> g(lock);
    if (!initialized) {
        return CUDA_ERROR_NOT_INITIALIZED;
    }
    if (device < 0 || device >= devices) {
        return CUDA_ERROR_INVALID_DEVICE;
    }
    *context = reinterpret_cast<CUcontext>(&context_tag);
    return CUDA_SUCCESS;
}

CUresult cuDevicePrimaryCtxRelease(CUdevice device) {
    return device < 0 || device >= devices ? CUDA_ERROR_INVALID_DEVICE : CUDA_SUCCESS;
}

CUresult cuCtxSetCurrent(CUcontext context) {
    return context == reinterpret_cast<CUcontext>(&context_tag) || context == nullptr ? CUDA_SUCCESS
                                                                                       : CUDA_ERROR_INVALID_HANDLE;
}

CUresult cuCtxSynchronize(void) {
    std::lock_guard<std::mutex> g(lock);
    return ready();
}

CUresult cuModuleLoadData(CUmodule* module, const void* image) {
    std::lock_guard<std::mutex> g(lock);
    CUresult r = ready();
    if (r != CUDA_SUCCESS) {
        return r;
    }
    static const char prefix[] = "// gdcert CUDA kernels";
    if (image == nullptr || std::strncmp(static_cast<const char*>(image), prefix, sizeof prefix - 1) != 0) {
        return CUDA_ERROR_INVALID_PTX;
    }
    *module = reinterpret_cast<CUmodule>(&module_tag);
    return CUDA_SUCCESS;
}

CUresult cuModuleUnload(CUmodule module) {
    return module == reinterpret_cast<CUmodule>(&module_tag) ? CUDA_SUCCESS : CUDA_ERROR_INVALID_HANDLE;
}

CUresult cuModuleGetFunction(CUfunction* function, CUmodule module, const char* name) {
    if (module != reinterpret_cast<CUmodule>(&module_tag)) {
        return CUDA_ERROR_INVALID_HANDLE;
    }
    const GdKernel* k = gdemu_find_kernel(name);
    if (k == nullptr) {
        return CUDA_ERROR_NOT_FOUND;
    }
    *function = reinterpret_cast<CUfunction>(const_cast<GdKernel*>(k));
    return CUDA_SUCCESS;
}

CUresult cuMemAlloc(CUdeviceptr* dptr, size_t bytes) {
    std::lock_guard<std::mutex> g(lock);
    CUresult r = ready();
    if (r != CUDA_SUCCESS) {
        return r;
    }
    if (bytes == 0) {
        return CUDA_ERROR_INVALID_VALUE;
    }
    if (used + bytes > memory) {
        return CUDA_ERROR_OUT_OF_MEMORY;
    }
    unsigned char* base = static_cast<unsigned char*>(std::malloc(bytes + 2 * GUARD));
    if (base == nullptr) {
        return CUDA_ERROR_OUT_OF_MEMORY;
    }
    std::memset(base, GUARD_BYTE, GUARD);
    std::memset(base + GUARD, 0xFF, bytes);
    std::memset(base + GUARD + bytes, GUARD_BYTE, GUARD);
    uintptr_t address = reinterpret_cast<uintptr_t>(base + GUARD);
    allocations[address] = Allocation{base, bytes};
    used += bytes;
    *dptr = (CUdeviceptr)address;
    return CUDA_SUCCESS;
}

CUresult cuMemFree(CUdeviceptr dptr) {
    std::lock_guard<std::mutex> g(lock);
    auto it = allocations.find((uintptr_t)dptr);
    if (it == allocations.end()) {
        return fail(CUDA_ERROR_INVALID_VALUE, "cuMemFree of a pointer that is not an allocation");
    }
    if (!guards_intact("a kernel")) {
        return CUDA_ERROR_ILLEGAL_ADDRESS;
    }
    used -= it->second.size;
    std::free(it->second.base);
    allocations.erase(it);
    return CUDA_SUCCESS;
}

CUresult cuMemGetInfo(size_t* free, size_t* total) {
    std::lock_guard<std::mutex> g(lock);
    *free = memory - used;
    *total = memory;
    return CUDA_SUCCESS;
}

CUresult cuMemcpyHtoD(CUdeviceptr dst, const void* src, size_t bytes) {
    std::lock_guard<std::mutex> g(lock);
    CUresult r = ready();
    if (r != CUDA_SUCCESS) {
        return r;
    }
    if (find((uintptr_t)dst, bytes) == nullptr) {
        return fail(CUDA_ERROR_INVALID_VALUE, "cuMemcpyHtoD outside an allocation");
    }
    std::memcpy(reinterpret_cast<void*>(dst), src, bytes);
    return CUDA_SUCCESS;
}

CUresult cuMemcpyDtoH(void* dst, CUdeviceptr src, size_t bytes) {
    std::lock_guard<std::mutex> g(lock);
    CUresult r = ready();
    if (r != CUDA_SUCCESS) {
        return r;
    }
    if (find((uintptr_t)src, bytes) == nullptr) {
        return fail(CUDA_ERROR_INVALID_VALUE, "cuMemcpyDtoH outside an allocation");
    }
    std::memcpy(dst, reinterpret_cast<const void*>(src), bytes);
    return CUDA_SUCCESS;
}

CUresult cuMemcpyDtoD(CUdeviceptr dst, CUdeviceptr src, size_t bytes) {
    std::lock_guard<std::mutex> g(lock);
    CUresult r = ready();
    if (r != CUDA_SUCCESS) {
        return r;
    }
    if (find((uintptr_t)dst, bytes) == nullptr || find((uintptr_t)src, bytes) == nullptr) {
        return fail(CUDA_ERROR_INVALID_VALUE, "cuMemcpyDtoD outside an allocation");
    }
    std::memmove(reinterpret_cast<void*>(dst), reinterpret_cast<const void*>(src), bytes);
    return CUDA_SUCCESS;
}

CUresult cuMemsetD8(CUdeviceptr dst, unsigned char value, size_t count) {
    std::lock_guard<std::mutex> g(lock);
    CUresult r = ready();
    if (r != CUDA_SUCCESS) {
        return r;
    }
    if (find((uintptr_t)dst, count) == nullptr) {
        return fail(CUDA_ERROR_INVALID_VALUE, "cuMemsetD8 outside an allocation");
    }
    std::memset(reinterpret_cast<void*>(dst), value, count);
    return CUDA_SUCCESS;
}

CUresult cuLaunchKernel(CUfunction f, unsigned int gridDimX, unsigned int gridDimY, unsigned int gridDimZ,
        unsigned int blockDimX, unsigned int blockDimY, unsigned int blockDimZ, unsigned int sharedMemBytes,
        CUstream hStream, void** kernelParams, void** extra) {
    std::lock_guard<std::mutex> g(lock);
    CUresult r = ready();
    if (r != CUDA_SUCCESS) {
        return r;
    }
    const GdKernel* k = reinterpret_cast<const GdKernel*>(f);
    if (k == nullptr || gdemu_find_kernel(k->name) != k) {
        return CUDA_ERROR_INVALID_HANDLE;
    }
    if (gridDimX == 0 || gridDimY == 0 || gridDimZ == 0 || gridDimX > 2147483647u || gridDimY > 65535
            || gridDimZ > 65535 || blockDimX == 0 || blockDimY == 0 || blockDimZ == 0 || blockDimZ > 64
            || (size_t)blockDimX * blockDimY * blockDimZ > 1024) {
        return fail(CUDA_ERROR_INVALID_VALUE, (std::string(k->name) + ": invalid launch dimensions").c_str());
    }
    if (sharedMemBytes != 0 || hStream != nullptr || extra != nullptr || kernelParams == nullptr) {
        return fail(CUDA_ERROR_INVALID_VALUE,
                (std::string(k->name) + ": unexpected shared memory, stream, extra or missing parameters").c_str());
    }
    if (!k->run(gd_dim3{gridDimX, gridDimY, gridDimZ}, gd_dim3{blockDimX, blockDimY, blockDimZ}, kernelParams)) {
        sticky = CUDA_ERROR_ILLEGAL_ADDRESS;
        return CUDA_ERROR_ILLEGAL_ADDRESS;
    }
    if (!guards_intact(k->name)) {
        return CUDA_ERROR_ILLEGAL_ADDRESS;
    }
    return CUDA_SUCCESS;
}

CUresult cuGetErrorName(CUresult error, const char** name) {
    *name = error_name(error);
    return CUDA_SUCCESS;
}

CUresult cuGetErrorString(CUresult error, const char** text) {
    *text = error_name(error);
    return CUDA_SUCCESS;
}

}  // extern "C"
