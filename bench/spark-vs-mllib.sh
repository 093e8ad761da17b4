#!/usr/bin/env bash
# The spark module against Spark MLlib's ALS (docs/distributed.md): the same cached DataFrame, fits of
# 1, 2 and 10 iterations side by side in one JMH run per matrix, on local[2] (threads=all), k = 64,
# implicit, 10 × 10 blocks (both engines' default); then the kernel alone on other core and block
# settings. Raw JMH JSON goes to OUT (default docs/results/spark).
#
#   bench/spark-vs-mllib.sh [OUT]
#
# Builds with the Maven profile spark (downloads Spark 4.2.0, about 340 MB, the first time) and installs
# OpenBLAS so that MLlib's normal equations run on native BLAS, as Spark recommends. Takes about an
# hour on 2 cores: MLlib's 10-iteration fit of the 50M matrix alone runs for many minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/results/spark}"
mkdir -p "$out"
. bench/jdk25.sh

if ! ldconfig -p | grep -q 'libblas\.so\.3'; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libopenblas0-pthread
fi
export OPENBLAS_NUM_THREADS=1   # Spark's advice: one BLAS thread per task

mvn -B -q -Pspark -pl kernel,validation,spark,bench -am install -DskipTests
jmh() {
  java -cp "bench/target/benchmarks.jar:bench/target/spark-lib/*" org.openjdk.jmh.Main "$@"
}
# the fork's flags of SparkFits with a larger heap, for the 50M matrix
flags="--add-modules=jdk.incubator.vector -Xmx18g --enable-native-access=ALL-UNNAMED"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
    sun.security.action sun.util.calendar; do
  flags="$flags --add-opens=java.base/$p=ALL-UNNAMED"
done
flags="$flags -Dio.netty.tryReflectionSetAccessible=true"

jmh 'bench\.(KernelOnSpark|SparkAls)Benchmark' -p data=synthetic-5m -p k=64 -p threads=all \
  -p blocks=10 -rf json -rff "$out/5m.json"
jmh 'bench\.(KernelOnSpark|SparkAls)Benchmark' -p data=synthetic-50m -p k=64 -p threads=all \
  -p blocks=10 -wi 0 -i 1 -to 60m -jvmArgsAppend "$flags" -rf json -rff "$out/50m.json"
# the kernel on one core, and on 2 cores as one block per task holding both (spark.task.cpus = 2)
jmh 'bench\.KernelOnSparkBenchmark\.fitOneIteration' 'bench\.KernelOnSparkBenchmark\.fitTenIterations' -p data=synthetic-5m -p k=64 \
  -p threads=1 -p blocks=10 -wi 1 -i 2 -rf json -rff "$out/5m-one-core.json"
jmh 'bench\.KernelOnSparkBenchmark\.fitOneIteration' 'bench\.KernelOnSparkBenchmark\.fitTenIterations' -p data=synthetic-5m -p k=64 \
  -p threads=all -p blocks=1 -p taskCpus=2 -wi 1 -i 2 -rf json -rff "$out/5m-one-block-two-cores.json"
