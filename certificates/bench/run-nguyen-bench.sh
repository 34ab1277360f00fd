#!/usr/bin/env bash
# Issue item 7: nguyen_mondelli and ntk for N = 2000, widths 784 -> 4000 -> 64 -> 10, against NumPy
# computing the same spectral quantities, in one run (see README.md next to this file).
# Usage: certificates/bench/run-nguyen-bench.sh [NguyenBench options, e.g. --ntk-products 10 --backend java]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q -pl certificates,activations -am test-compile
mvn -o -q -pl certificates -am dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test >/dev/null
EXT=$(tr ':' '\n' < certificates/target/bench.classpath | grep -v '/org/gdcert/' | paste -sd: -)
CP=core/target/classes:core/target/test-classes:certificates/target/classes:certificates/target/test-classes:$EXT
# plugin modules on the class path when built: the smoothrelu activation and the fast backends
for m in activations backends/java backends/vector; do
  if [ -d "$m/target/classes" ]; then CP=$CP:$m/target/classes; fi
done
exec java ${GDCERT_BENCH_JAVA_OPTS:-} -Xmx12g --add-modules jdk.incubator.vector -cp "$CP" org.gdcert.certificates.bench.NguyenBench "$@"
