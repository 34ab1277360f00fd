#!/usr/bin/env bash
# Builds backends/cuda/target/gpu-kit/: everything a GPU machine without Java or Maven needs to run the
# cuda backend's tests and the GD-step benchmark: a Java runtime made by jlink, the jars (gdcert's modules,
# their libraries, JUnit), and run.sh. The GPU machines lent to this project have CUDA 13 and driver 580
# but no Java; the kit (about 45 MB) fits in what the device tool carries.
#
#   backends/cuda/gpu-kit.sh                 # here, on the development machine (needs JDK 17 + Maven)
#   backends/cuda/target/gpu-kit/run.sh test # there: every test of backends/cuda, the contract suite on the GPU
#   backends/cuda/target/gpu-kit/run.sh bench [CudaGdStepBench options]   # there: cuda vs vector (and java)
#
# With the device tool: run(command="backends/cuda/target/gpu-kit/run.sh test && backends/cuda/target/gpu-kit/run.sh bench",
# carry=["backends/cuda/target/gpu-kit"]).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KIT="$ROOT/backends/cuda/target/gpu-kit"
cd "$ROOT"
MODULES=(core activations backends/java backends/cuda)
if [ -d backends/vector ]; then MODULES+=(backends/vector); fi
LIST=$(IFS=,; echo "${MODULES[*]}")
echo "gpu-kit: building $LIST (tests skipped)" >&2
mvn -q -B -o -DskipTests -pl "$LIST" -am package
mvn -q -B -o -pl backends/cuda dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$ROOT/backends/cuda/target/test.classpath" >/dev/null

rm -rf "$KIT"
mkdir -p "$KIT/lib"
# gdcert's own modules from this checkout (jars of classes, and the test classes of core and cuda)
for m in "${MODULES[@]}"; do
  name=gdcert-$(echo "$m" | tr / -)
  jar --create --file "$KIT/lib/$name.jar" -C "$m/target/classes" .
done
jar --create --file "$KIT/lib/gdcert-core-tests.jar" -C core/target/test-classes .
jar --create --file "$KIT/lib/gdcert-backends-cuda-tests.jar" -C backends/cuda/target/test-classes .
# the libraries; of jcuda-natives only the driver library (the backend loads nothing else)
tr ':' '\n' < backends/cuda/target/test.classpath | grep -v '/org/gdcert/' | while read -r j; do
  case "$j" in
    *byte-buddy*) ;; # AssertJ needs it only for soft assertions and proxies, which these tests do not use
    *jcuda-natives*)
      tmp=$(mktemp -d); (cd "$tmp" && unzip -q "$j" 'lib/libJCudaDriver-*' && jar --create --file "$KIT/lib/$(basename "$j")" lib)
      rm -rf "$tmp" ;;
    *) cp "$j" "$KIT/lib/" ;;
  esac
done
# PtxUpToDateTest reads the CUDA source, build-ptx.sh and (with nvcc) the PTX file relative to the module folder
mkdir -p "$KIT/module/src/main/cuda"
cp backends/cuda/src/main/cuda/gdcert_kernels.cu "$KIT/module/src/main/cuda/"
cp backends/cuda/build-ptx.sh "$KIT/module/"
mkdir -p "$KIT/module/src/main/resources/org/gdcert/backend/cuda"
cp backends/cuda/src/main/resources/org/gdcert/backend/cuda/gdcert_kernels.ptx \
   "$KIT/module/src/main/resources/org/gdcert/backend/cuda/"

echo "gpu-kit: jlink (java.base, java.logging, jdk.unsupported, jdk.incubator.vector)" >&2
JLINK=jlink
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then JLINK="$JAVA_HOME/bin/jlink"; fi
"$JLINK" --add-modules java.base,java.logging,jdk.unsupported,jdk.zipfs,jdk.incubator.vector --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$KIT/jre" 2>&1 | grep -v 'incubator modules' >&2 || true

cat > "$KIT/run.sh" <<'RUN'
#!/usr/bin/env bash
# run.sh test | bench [options]: the cuda backend's tests or the GD-step benchmark, with the kit's own Java.
set -euo pipefail
KIT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CP=$(ls "$KIT"/lib/*.jar | paste -sd: -)
JAVA=("$KIT/jre/bin/java" -Xss4m --add-modules jdk.incubator.vector -cp "$CP")
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || true
case "${1:-}" in
  test) cd "$KIT/module" && exec "${JAVA[@]}" -Xmx8g org.gdcert.backend.cuda.GpuTests ;;
  bench) shift; exec "${JAVA[@]}" -Xmx96g org.gdcert.backend.cuda.CudaGdStepBench "$@" ;;
  *) echo "usage: run.sh test | bench [--backends cuda,vector,java] [--precision double,float] [--sizes reference,gpu]" \
       "[--steps 5] [--warmup-seconds 3] [--threads 0]" >&2; exit 2 ;;
esac
RUN
chmod +x "$KIT/run.sh"
echo "gpu-kit: $KIT ($(du -sh "$KIT" | cut -f1))" >&2
