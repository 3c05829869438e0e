#!/usr/bin/env bash
# Runs the kernel lab's JMH benchmarks (engine/src/test/java/io/tokenrack/engine/kernels/bench).
# A developer tool, not shipped. Usage: bench/jmh.sh [JMH options and benchmark regex]
#   bench/jmh.sh                       # every kernel benchmark (about 3 minutes)
#   bench/jmh.sh gemmSquare -p n=1024  # one benchmark, one size
#   bench/jmh.sh -l                    # list the benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q ${MVN_OFFLINE:+-o} -pl engine test-compile
./mvnw -B -q ${MVN_OFFLINE:+-o} -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath
cp="engine/target/test-classes:engine/target/classes:$(cat engine/target/jmh.classpath)"
exec java --add-modules jdk.incubator.vector -cp "$cp" org.openjdk.jmh.Main "${@:-io.tokenrack.engine.kernels.bench}"
