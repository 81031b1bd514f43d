#!/usr/bin/env sh
# Runs the benchmark suite: stock Keycloak, then Keycloak with VNeID Bridge (10,000 then 1,000,000 legacy accounts),
# one server at a time, and writes benchmarks/target/benchmark-report/report.md and report.png.
#
#   benchmarks/run.sh            full mode (about 20 minutes on 2 cores)
#   benchmarks/run.sh --quick    quick mode (under 5 minutes; "large" database of 100,000 accounts)
#
# Further options go to the runner: --concurrency=8 --warm-up=12 --measure=35 --large-accounts=1000000
# MAVEN_ARGS is passed on to Maven (e.g. -Dmaven.repo.local=...).
set -eu
cd "$(dirname "$0")/.."
echo "uptime before: $(uptime)"
./mvnw -q -B -Pbenchmark -pl benchmarks -am -DskipTests package -Dbenchmark.args="$*"
echo "uptime after: $(uptime)"
