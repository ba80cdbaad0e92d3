# Sourced by the compare scripts: starts a lit-localnet in its own JVM and waits for its connection
# line. Needs ROOT, TOOLS and NET_CP set; kills the network on exit.
#
# usage: start_localnet <nodes> <seed> <log file> <connection json out> <wait seconds>
start_localnet() {
  local nodes=$1 seed=$2 log=$3 json=$4 wait=$5
  java -Dsun.net.httpserver.nodelay=true -Dlit4j.tools.dir="$TOOLS" -cp "$NET_CP" io.lit4j.localnet.LocalLitNetworkMain \
    --nodes "$nodes" --no-rate-limiting --seed "$seed" > "$log" 2>&1 &
  NET_PID=$!
  trap 'kill $NET_PID 2>/dev/null; wait $NET_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 $((wait * 2))); do
    grep -q '^{"network"' "$log" && break
    kill -0 $NET_PID 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  grep '^{"network"' "$log" | head -1 > "$json"
  [ -s "$json" ] || { echo "the network did not start" >&2; exit 1; }
}
