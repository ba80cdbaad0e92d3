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
java -Dsun.net.httpserver.nodelay=true -Dlit4j.tools.dir="$TOOLS" -cp "$NET_CP" io.lit4j.localnet.LocalLitNetworkMain \
  --nodes "$NODES" --no-rate-limiting --seed lit4j-connect-scaling > "$OUT/scaling-network.log" 2>&1 &
NET_PID=$!
trap 'kill $NET_PID 2>/dev/null; wait $NET_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 480); do
  grep -q '^{"network"' "$OUT/scaling-network.log" && break
  kill -0 $NET_PID 2>/dev/null || { cat "$OUT/scaling-network.log" >&2; exit 1; }
  sleep 0.5
done
grep '^{"network"' "$OUT/scaling-network.log" | head -1 > "$OUT/scaling-connection.json"
[ -s "$OUT/scaling-connection.json" ] || { echo "the network did not start" >&2; exit 1; }
java -cp benchmarks/target/benchmarks.jar io.lit4j.benchmarks.connect.ConnectScalingBench \
  "$OUT/scaling-connection.json" "$ROUNDS" "$WARMUP" 2> "$OUT/connect-scaling.log" | tee "$OUT/connect-scaling.json"
