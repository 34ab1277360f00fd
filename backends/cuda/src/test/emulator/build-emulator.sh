#!/usr/bin/env bash
# Builds the fake libcuda.so.1 (fake_libcuda.cpp + gdcert_kernels.cu compiled for the CPU) into
# backends/cuda/target/emulator/. A JVM started with LD_LIBRARY_PATH=backends/cuda/target/emulator runs
# the cuda backend on the CPU; `mvn -pl backends/cuda -am verify -Pemulator` does that for the GPU tests.
# Needs g++ (C++17) and CUDA's cuda.h (for the driver API's exact signatures; CUDA_HOME, default
# /usr/local/cuda).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(cd "$HERE/../../.." && pwd)"
OUT="$MODULE/target/emulator"
CUDA_HOME=${CUDA_HOME:-/usr/local/cuda}
PTX="$MODULE/src/main/resources/org/gdcert/backend/cuda/gdcert_kernels.ptx"
mkdir -p "$OUT"
if [ ! -f "$CUDA_HOME/include/cuda.h" ]; then
  echo "build-emulator: $CUDA_HOME/include/cuda.h not found (set CUDA_HOME)" >&2
  exit 2
fi
# the kernels the PTX defines, as the table of the fake driver
sed -n 's/^\.visible \.entry \([A-Za-z0-9_]*\)(.*/GD_KERNEL(\1)/p' "$PTX" > "$OUT/kernel_names.inc"
CXX=${CXX:-g++}
"$CXX" -std=c++17 -O2 -fPIC -pthread -Wall -Wno-unknown-pragmas -Wno-unused-function \
  -I"$HERE" -I"$MODULE/src/main/cuda" -I"$OUT" -c "$HERE/kernels_emulated.cpp" -o "$OUT/kernels_emulated.o"
"$CXX" -std=c++17 -O2 -fPIC -pthread -Wall -I"$HERE" -I"$CUDA_HOME/include" \
  -c "$HERE/fake_libcuda.cpp" -o "$OUT/fake_libcuda.o"
"$CXX" -shared -pthread -Wl,-soname,libcuda.so.1 -o "$OUT/libcuda.so.1" "$OUT/fake_libcuda.o" "$OUT/kernels_emulated.o"
echo "build-emulator: wrote $OUT/libcuda.so.1 ($(wc -l < "$OUT/kernel_names.inc") kernels)" >&2
