// gdcert_kernels.cu compiled for the CPU (after cuda_emulation.h), the block/thread engine that runs
// a kernel launch, and the table of kernels by name that the fake
// driver (fake_libcuda.cpp) looks up. The table lists the entries of the committed PTX
// (kernel_names.inc is generated from it by build-emulator.sh), so a kernel the Java side asks for
// that the PTX lacks is missing here too.
#include <ucontext.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "cuda_emulation.h"
#include "gdcert_kernels.cu"
#include "kernels_emulated.h"

namespace gdemu {
thread_local gd_uint3 thread_index;
thread_local gd_uint3 block_index;
gd_dim3 block_dim;
gd_dim3 grid_dim;

namespace {
// The threads of a block are fibers (ucontext) on the launching thread. The scheduler runs every
// fiber of the block in turn until it reaches __syncthreads() or returns; one round of the scheduler
// is one barrier phase, so no fiber passes a barrier before all have reached it.
const size_t STACK = 256 * 1024;

struct Fiber {
    ucontext_t context;
    std::vector<char> stack;
    bool done = false;
};

ucontext_t scheduler;
std::vector<Fiber> fibers;
unsigned current = 0;
const std::function<void()>* body = nullptr;

void trampoline() {
    (*body)();
    fibers[current].done = true;
    // uc_link returns to the scheduler
}

gd_uint3 index_of(unsigned id) {
    return gd_uint3{id % block_dim.x, (id / block_dim.x) % block_dim.y, id / (block_dim.x * block_dim.y)};
}
}  // namespace

void sync_threads() {
    swapcontext(&fibers[current].context, &scheduler);
}

// Runs body once per thread of every block, the blocks one after another. Returns false if a block's
// threads did not all reach the same barriers (some returned while others waited: undefined on a GPU).
bool launch(gd_dim3 grid, gd_dim3 block, const std::function<void()>& run) {
    const unsigned size = block.x * block.y * block.z;
    if (fibers.size() != size) {
        fibers = std::vector<Fiber>(size);
        for (Fiber& f : fibers) {
            f.stack.resize(STACK);
        }
    }
    block_dim = block;
    grid_dim = grid;
    body = &run;
    for (unsigned z = 0; z < grid.z; ++z) {
        for (unsigned y = 0; y < grid.y; ++y) {
            for (unsigned x = 0; x < grid.x; ++x) {
                block_index = gd_uint3{x, y, z};
                for (Fiber& f : fibers) {
                    getcontext(&f.context);
                    f.context.uc_stack.ss_sp = f.stack.data();
                    f.context.uc_stack.ss_size = f.stack.size();
                    f.context.uc_link = &scheduler;
                    makecontext(&f.context, trampoline, 0);
                    f.done = false;
                }
                for (;;) {
                    unsigned live = 0;
                    for (unsigned i = 0; i < size; ++i) {
                        if (!fibers[i].done) {
                            current = i;
                            thread_index = index_of(i);
                            swapcontext(&scheduler, &fibers[i].context);
                            live += fibers[i].done ? 0 : 1;
                        }
                    }
                    if (live == 0) {
                        break;
                    }
                    if (live != size) {
                        return false;  // some threads returned while others wait at a barrier
                    }
                }
            }
        }
    }
    return true;
}
}  // namespace gdemu

namespace {
// A pointer argument must be null or point into (or one past) a live allocation.
template <typename T>
bool valid_argument(void* slot, const char* kernel, size_t index) {
    if constexpr (std::is_pointer_v<T>) {
        const void* v = *static_cast<T*>(slot);
        if (v != nullptr && !gdemu_is_device_pointer(v)) {
            std::fprintf(stderr, "fake libcuda: %s: argument %zu (%p) is not device memory\n", kernel, index, v);
            return false;
        }
    }
    return true;
}

template <typename... A, size_t... I>
bool invoke(void (*f)(A...), const char* name, gd_dim3 grid, gd_dim3 block, void** params,
        std::index_sequence<I...>) {
    if (!(valid_argument<A>(params[I], name, I) && ...)) {
        return false;
    }
    // the driver copies the argument values at launch; so do we
    std::tuple<std::decay_t<A>...> args(*static_cast<std::decay_t<A>*>(params[I])...);
    std::function<void()> body = [&]() { std::apply(f, args); };
    if (!gdemu::launch(grid, block, body)) {
        std::fprintf(stderr, "fake libcuda: %s: the threads of a block did not reach the same barriers\n", name);
        return false;
    }
    return true;
}

template <typename... A>
GdKernel entry(const char* name, void (*f)(A...)) {
    GdKernel k;
    k.name = name;
    k.arity = sizeof...(A);
    k.run = [f, name](gd_dim3 grid, gd_dim3 block, void** params) {
        return invoke(f, name, grid, block, params, std::index_sequence_for<A...>{});
    };
    return k;
}

#define GD_KERNEL(name) entry(#name, &name),
const std::vector<GdKernel> table = {
#include "kernel_names.inc"
};
#undef GD_KERNEL
}  // namespace

const GdKernel* gdemu_find_kernel(const char* name) {
    for (const GdKernel& k : table) {
        if (std::strcmp(k.name, name) == 0) {
            return &k;
        }
    }
    return nullptr;
}
