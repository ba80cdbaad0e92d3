#!/usr/bin/env bash
# Issue 10 goal 5: connect to N local nodes (default 10) against the slowest single handshake. Starts
# a lit-localnet of N nodes in its own JVM, runs io.lit4j.benchmarks.connect.ConnectScalingBench
# against it and prints its JSON line (also in benchmarks/target/compare/connect-scaling.json).
#
# usage: benchmarks/compare/connect-scaling.sh [nodes=10] [rounds=50] [warm-up rounds=50]
#   MVN_FLAGS   flags for the build step (default "-o -q"); SKIP_BUILD=1 uses the last build
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NODES=${1:-10}
ROUNDS=${2:-50}
WARMUP=${3:-50}
TOOLS=${LIT4J_TOOLS_DIR:-$HOME/.cache/lit4j/tools}
OUT=$ROOT/benchmarks/target/compare
mkdir -p "$OUT"
cd "$ROOT"
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn ${MVN_FLAGS:--o -q} -pl lit-localnet,benchmarks -am package -DskipTests \
    dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
fi
NET_CP="lit-localnet/target/classes:$(cat lit-localnet/target/runtime-classpath.txt)"
# shellcheck source=localnet.sh
. "$ROOT/benchmarks/compare/localnet.sh"
start_localnet "$NODES" lit4j-connect-scaling "$OUT/scaling-network.log" "$OUT/scaling-connection.json" 240
java -cp benchmarks/target/benchmarks.jar io.lit4j.benchmarks.connect.ConnectScalingBench \
  "$OUT/scaling-connection.json" "$ROUNDS" "$WARMUP" 2> "$OUT/connect-scaling.log" | tee "$OUT/connect-scaling.json"
