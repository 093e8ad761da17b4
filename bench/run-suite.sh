#!/usr/bin/env bash
# The benchmark suite in one command: build, run, report.
#   bench/run-suite.sh [--full | --smoke] [--spark] [--label NAME] [--jvm-arg ARG]... [--out DIR]
# Writes results/<host>-<date>[-label]/ with jmh.json, machine.properties, summary.tsv, report.md
# and SVG charts. The default (quick) profile takes about 15 minutes on 2 cores. SKIP_BUILD=1 uses
# the jar already built (CI runs the smoke profile that way right after its build).
# --spark adds the Spark MLlib ALS baseline (SparkAlsBenchmark): it builds with the Maven profile
# spark (downloads Spark 4.1.0, about 340 MB, into ~/.m2 the first time) and runs with Spark's jars
# (bench/target/spark-lib/) on the class path.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jdk25.sh

# The spark-native baseline needs a native BLAS/LAPACK (netlib loads libblas.so.3 / liblapack.so.3).
case " $* " in
  *" --smoke "*) ;;
  *)
    if ! ldconfig -p 2>/dev/null | grep -q 'libblas.so.3'; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing OpenBLAS for the spark-native baseline"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libopenblas0-pthread
      else
        echo "no libblas.so.3: the spark-native baseline will fail (install libopenblas0-pthread)" >&2
      fi
    fi
    ;;
esac

profile=()
classpath=bench/target/benchmarks.jar
case " $* " in
  *" --spark "*)
    profile=(-Pspark)
    classpath="$classpath:bench/target/spark-lib/*"
    ;;
esac

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q install -DskipTests ${profile[@]+"${profile[@]}"}
fi
export ALSKERNEL_DATASETS="${ALSKERNEL_DATASETS:-$(pwd)/../shared/datasets}"
java --add-modules jdk.incubator.vector -cp "$classpath" org.alskernel.bench.Suite "$@"
