#!/usr/bin/env bash
# Benchmark of the polling hot path: scheduler, SNMP collector and metrics writer against a real
# InfluxDB, polling simulated Cisco C3750 switches (59 interfaces) that answer from memory in their
# own JVM on 127.0.x.y. Usage: benchmark.sh [devices=2000] [interval=20s] [measured intervals=2]
# The issue's reference run: benchmark.sh 10000 60s 2
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  -Dlogback.configurationFile=src/test/sh/benchmark-logback.xml \
  org.leitwarte.bench.PollBenchmark "$@"
