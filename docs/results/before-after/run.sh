#!/usr/bin/env bash
# Alternates the session-start jar (base) and this session's jar (new) on the kernels this session changed.
set -u
. /work/main/bench/jdk25.sh
export ALSKERNEL_DATASETS=/work/shared/datasets
for round in 1 2; do
  for jar in base new; do
    extra=(); [ $jar = new ] && extra=(-p solver=cholesky)
    java --add-modules jdk.incubator.vector -jar /tmp/$jar-benchmarks.jar 'RowBuildBenchmark|BatchedCholeskyBenchmark' -p k=32,64,128 -p interactions=64 -p ops=vector -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc -rf json -rff /tmp/ba-$jar-$round-kernels.json > /tmp/ba-$jar-$round-kernels.log 2>&1
    java --add-modules jdk.incubator.vector -jar /tmp/$jar-benchmarks.jar 'SweepBenchmark.userHalfSweep' -p data=synthetic-5m -p k=64 -p threads=1 -p ops=vector "${extra[@]}" -f 1 -wi 2 -i 3 -prof gc -rf json -rff /tmp/ba-$jar-$round-sweep.json > /tmp/ba-$jar-$round-sweep.log 2>&1
    echo "$jar round $round done $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
