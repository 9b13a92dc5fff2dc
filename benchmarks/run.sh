#!/usr/bin/env bash
# Runs every benchmark once with the allocation profiler, writes target/jmh-result.json and prints one
# table of ratios against the baselines, with the machine's load average sampled every 15 s during the
# run. About 15 to 17 minutes on 2 idle cores, the build included. Extra arguments go to JMH, for example:
# benchmarks/run.sh DecodeBenchmark  (a subset: the rows of benchmarks not run say "(not run)").
set -euo pipefail
cd "$(dirname "$0")"
# Always rebuild, so the jar measures the sources as they are.
(cd .. && mvn -B -ntp -q package -DskipTests -pl benchmarks -am)
mkdir -p target
: > target/load.txt
(while true; do cat /proc/loadavg >> target/load.txt; sleep 15; done) &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT
# JMH's machine-wide lock (java.io.tmpdir/jmh.lock) is kept per checkout: on a shared machine another
# checkout's build (its smoke test runs JMH) must neither stop this run nor be stopped by it.
mkdir -p target/tmp
java -Djava.io.tmpdir=target/tmp -Djmh.ignoreLock=true -jar target/benchmarks.jar -prof gc -rf json -rff target/jmh-result.json "$@" | tee target/jmh-output.txt
cat /proc/loadavg >> target/load.txt
kill "$sampler" 2>/dev/null || true
java -cp target/benchmarks.jar dev.runlist.bench.RatioTable target/jmh-result.json target/load.txt | tee target/ratio-table.md
