#!/usr/bin/env bash
# Runs every benchmark once with the allocation profiler, writes target/jmh-result.json and prints one
# table of ratios against the baselines. About 11 minutes on 2 cores. Extra arguments go to JMH, for
# example: benchmarks/run.sh DecodeBenchmark  (a subset; the table then needs the full set).
set -euo pipefail
cd "$(dirname "$0")"
# Always rebuild, so the jar measures the sources as they are.
(cd .. && mvn -B -ntp -q package -DskipTests -pl benchmarks -am)
java -jar target/benchmarks.jar -prof gc -rf json -rff target/jmh-result.json "$@" | tee target/jmh-output.txt
java -cp target/benchmarks.jar dev.runlist.bench.RatioTable target/jmh-result.json | tee target/ratio-table.md
