#!/usr/bin/env bash
# The benchmark comparison of gdcert against NumPy/OpenBLAS and PyTorch on this machine, in one go:
# builds what it needs, checks the peers, then runs org.gdcert.bench.Comparison, which runs each peer
# and gdcert one after the other (several rounds, medians) and prints the ratios. See bench/README.md.
#
#   bench/run.sh                          # everything: GEMM 1024^3, 2048^3; GD step double and float; sigma_N(F_1)
#   bench/run.sh --rounds 5 --only gemm   # Comparison options: --threads 2 --backend vector --rounds 3
#                                         #   --gemm-seconds 2 --sizes 1024,2048 --steps 20 --only gemm,gd,sigma --also-java
#   bench/run.sh --jmh GemmBenchmark -p size=1024     # the JMH benchmarks instead (any JMH options)
#   bench/run.sh --main StepProfile vector double 2   # a diagnostic main of org.gdcert.bench
#
# Needs: Java 17+ (JAVA_HOME or java on the PATH), Maven, and the Debian packages python3-numpy,
# libopenblas0-pthread (NumPy otherwise runs the reference BLAS) and python3-torch.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-/usr/bin/python3}
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

echo "bench: building (mvn package, tests skipped)" >&2
mvn -q -B -ntp -DskipTests -pl bench -am package dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath >&2
# gdcert's own modules from this checkout (never from ~/.m2), then the external libraries
CP=bench/target/classes
for m in core activations backends/java backends/vector certificates; do CP=$CP:$m/target/classes; done
CP=$CP:$(tr ':' '\n' < bench/target/bench.classpath | grep -v '/org/gdcert/' | paste -sd: -)
JVM=(--add-modules jdk.incubator.vector -Xss4m -Xmx4g -cp "$CP")

if [ "${1:-}" = "--jmh" ]; then
  shift
  exec "$JAVA" "${JVM[@]}" org.openjdk.jmh.Main "$@"
fi
if [ "${1:-}" = "--main" ]; then
  main=$2
  shift 2
  exec "$JAVA" "${JVM[@]}" "org.gdcert.bench.$main" "$@"
fi

if ! "$PYTHON" -c 'import numpy' 2>/dev/null; then
  echo "bench: $PYTHON cannot import numpy; install python3-numpy (and libopenblas0-pthread)" >&2
  exit 2
fi
BLAS=$("$PYTHON" "bench/peers/numpy_gemm.py" 0 | sed -n 's/^blas //p')
case "$BLAS" in
  *openblas*) echo "bench: NumPy uses OpenBLAS ($BLAS)" >&2 ;;
  *) echo "bench: WARNING: NumPy uses $BLAS, not OpenBLAS: install libopenblas0-pthread, or the GEMM ratios" \
       "compare against the single-threaded reference BLAS" >&2 ;;
esac
ARGS=("$@")
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
  echo "bench: $PYTHON cannot import torch (install python3-torch): the GD step comparison is skipped" >&2
  ARGS=(--only gemm,sigma "${ARGS[@]}")
fi
exec "$JAVA" "${JVM[@]}" org.gdcert.bench.Comparison --python "$PYTHON" --peers bench/peers "${ARGS[@]}"
