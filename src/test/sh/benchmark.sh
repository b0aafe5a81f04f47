#!/usr/bin/env bash
# Benchmark of the polling hot path: scheduler, SNMP collector and metrics writer against a real
# InfluxDB, polling simulated Cisco C3750 switches (59 interfaces) that answer from memory in their
# own JVM on 127.0.x.y.
#   benchmark.sh [devices=2000] [interval=20s] [measured intervals=2]   the scheduled fleet
#   benchmark.sh collector [devices=200] [in flight=32] [seconds=10]    the SNMP collector alone, flat out
#   benchmark.sh evaluator [devices=10000] [rounds=6]                    the alert evaluator with the shipped rules
#   benchmark.sh traps [senders=50] [traps per sender=2000] [version=2c|3] [offered traps/s=0, flat out] [rate limit=off|default]
#                                                                        the trap receiver, fed from a JVM of its own
# The reference run: benchmark.sh 10000 60s 2
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath
main=org.leitwarte.bench.PollBenchmark
extra=()
if [ "${1:-}" = collector ]; then
  main=org.leitwarte.bench.RecordedAgentBenchmark
  shift
elif [ "${1:-}" = evaluator ]; then
  main=org.leitwarte.bench.EvaluatorBenchmark
  shift
  extra=("${1:-10000}" "${2:-6}" shipped)
  set --
elif [ "${1:-}" = traps ]; then
  main=org.leitwarte.bench.TrapBenchmark
  shift
fi
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  -Dlogback.configurationFile=src/test/sh/benchmark-logback.xml "$main" "${extra[@]}" "$@"
