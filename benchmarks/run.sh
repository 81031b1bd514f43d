#!/usr/bin/env sh
# Runs the benchmark suite: stock Keycloak and Keycloak with VNeID Bridge side by side (both freshly started for each
# server pair, one under load at a time, both brokering to a stand-in VNeID on a third, unmeasured server), each
# scenario warmed up on each until its CPU-seconds per login settle, then rounds in which the two take turns for short
# windows; then ours alone with 10,000 and 1,000,000 legacy accounts.
# Writes benchmarks/target/benchmark-report/report.md, pairs.csv (for CompareRuns) and report.png.
# See docs/benchmarks.md.
#
#   benchmarks/run.sh               full mode (2 server pairs x 3 rounds; about 80 minutes on 2 cores)
#   benchmarks/run.sh --quick       quick mode (1 server pair, 1 round, short fixed warm-ups; indicative only)
#   benchmarks/run.sh --pairs-only  the server pairs of full mode only (a second run to compare ratios with CompareRuns)
#   benchmarks/run.sh --argon2-lottery=9  no servers: 9 fresh JVMs as Keycloak ships them and 9 with Argon2 inlined
#   benchmarks/run.sh --unpaired=step-up-level-1  full mode's server of ours without a stock twin, only the scenarios named
#   benchmarks/run.sh --unpaired=bulk  only the bulk pre-verification, on the server of ours with the large database
#   benchmarks/run.sh --unpaired=all   full mode without the server pairs (the servers of ours, two fresh ones per
#                                      legacy database, each scenario a warm-up and three rounds on each, each server
#                                      with a stock reference beside it; about three hours): with a --pairs-only run,
#                                      the two halves of a full run
#
# Further options go to the runner: --pairs=2 --rounds=3 --concurrency=8 --slice=10 --min-warm-up=30
# --max-warm-up=240 --tolerance=5 --rewarm=10 --window=20 --large-accounts=1000000 --alone-servers=2 --no-reference --jfr --password-only
# --vneid-only --plain-jvm
# MAVEN_ARGS is passed on to Maven (e.g. -Dmaven.repo.local=...).
set -eu
cd "$(dirname "$0")/.."
echo "uptime before: $(uptime)"
./mvnw -q -B -Pbenchmark -pl benchmarks -am -DskipTests package -Dbenchmark.args="$*"
echo "uptime after: $(uptime)"
