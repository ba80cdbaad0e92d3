#!/usr/bin/env bash
# lit4j against the official JS SDK 4.2.0 on one lit-localnet (3 nodes, in its own JVM), in one run:
# per operation median wall time and client CPU per call for both SDKs and their ratio, then cold
# start (a fresh JVM / a fresh node process to its first verified pkpSign), with and without an
# AppCDS archive. Prints a markdown table and writes it to benchmarks/target/compare/compare.md.
#
# Steady state: each operation is warmed up with the same number of calls on both sides (default
# 1000, cut short after WARMUP_SECONDS, default 4 s, on either side), then measured; lit4j's CPU is
# also split into its application threads, the JIT compiler threads and the GC threads, so the
# table shows whether the JIT has settled.
#
# usage: benchmarks/compare/compare-with-js-sdk.sh [calls=30] [warm-up calls=1000] [cold starts=5]
#   MVN_FLAGS   flags for the build step (default "-o -q"; use "-q" on a fresh clone without ~/.m2)
#   WARMUP_SECONDS   time limit of one operation's warm-up, per side (default 4)
#   LIT4J_TOOLS_DIR  where the build installed anvil and the JS SDK (default ~/.cache/lit4j/tools)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CALLS=${1:-30}
WARMUP=${2:-1000}
COLD=${3:-5}
export WARMUP_SECONDS=${WARMUP_SECONDS:-4}
TOOLS=${LIT4J_TOOLS_DIR:-$HOME/.cache/lit4j/tools}
NODE_MODULES=$TOOLS/js-sdk-4.2.0/node_modules
OUT=$ROOT/benchmarks/target/compare
mkdir -p "$OUT"
rm -f "$OUT/js-sdk.log" "$OUT/cold.log"
cd "$ROOT"

# build lit-localnet and the benchmarks (nothing is installed) and write their runtime classpaths
mvn ${MVN_FLAGS:--o -q} -pl lit-localnet,benchmarks -am package -DskipTests \
  dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
[ -f "$NODE_MODULES/@lit-protocol/lit-node-client-nodejs/package.json" ] \
  || { echo "the JS SDK 4.2.0 is not installed in $NODE_MODULES (lit-localnet's build installs it)" >&2; exit 1; }
NET_CP="lit-localnet/target/classes:$(cat lit-localnet/target/runtime-classpath.txt)"
# the client runs from the benchmarks' one jar (an AppCDS archive needs jars, not class directories)
CLIENT_CP="benchmarks/target/benchmarks.jar"

# the network: its own JVM, so its CPU is not the client's (Nagle off on the nodes' HTTP server; no
# capacity credits needed, so neither client mints them)
# shellcheck source=localnet.sh
. "$ROOT/benchmarks/compare/localnet.sh"
start_localnet 3 lit4j-compare-with-js-sdk "$OUT/network.log" "$OUT/connection.json" 120

js() { NODE_PATH="$NODE_MODULES" node "$ROOT/benchmarks/compare/js-sdk-bench.cjs" "$@" 2>> "$OUT/js-sdk.log"; }

# the nodes' JVM warms up on a first, unmeasured pass, so neither client pays for it
echo "warming the network up ..." >&2
WARMUP_SECONDS=2 java -cp "$CLIENT_CP" io.lit4j.benchmarks.compare.Lit4jClientBench run "$OUT/connection.json" 5 50 > /dev/null 2>&1
echo "steady state: $CALLS calls per operation after $WARMUP warm-up calls ..." >&2
java -cp "$CLIENT_CP" io.lit4j.benchmarks.compare.Lit4jClientBench run "$OUT/connection.json" "$CALLS" "$WARMUP" \
  2> "$OUT/lit4j.log" | grep '^{"sdk"' > "$OUT/lit4j.jsonl"
# the same with the C1 compiler only: its JIT settles within the warm-up, C2's keeps compiling for
# thousands of calls (a method run once per call reaches C2 after 5 000-15 000 calls)
java -XX:TieredStopAtLevel=1 -cp "$CLIENT_CP" io.lit4j.benchmarks.compare.Lit4jClientBench run "$OUT/connection.json" "$CALLS" "$WARMUP" \
  2> "$OUT/lit4j-c1.log" | grep '^{"sdk"' > "$OUT/lit4j-c1.jsonl"
js run "$OUT/connection.json" "$CALLS" "$WARMUP" | grep '^{"sdk"' > "$OUT/js.jsonl"
LIT4J_PKP=$(grep pkpPublicKey "$OUT/lit4j.jsonl" | sed 's/.*"pkpPublicKey":"\([^"]*\)".*/\1/')
JS_PKP=$(grep pkpPublicKey "$OUT/js.jsonl" | sed 's/.*"pkpPublicKey":"\([^"]*\)".*/\1/')

# cold start: wall time from spawning the process to its exit after a verified pkpSign
echo "cold starts ..." >&2
: > "$OUT/cold.txt"
cold() { # label, command...
  local label=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  "$@" >> "$OUT/cold.log" 2>&1
  t1=$(date +%s%N)
  echo "$label $(( (t1 - t0) / 1000000 ))" >> "$OUT/cold.txt"
}
# one training run writes the AppCDS archive (the classes a cold start loads)
java -XX:ArchiveClassesAtExit="$OUT/lit4j-client.jsa" -cp "$CLIENT_CP" io.lit4j.benchmarks.compare.Lit4jClientBench \
  cold "$OUT/connection.json" "$LIT4J_PKP" > "$OUT/cds-training.log" 2>&1
for _ in $(seq 1 "$COLD"); do
  cold "lit4j" java -cp "$CLIENT_CP" io.lit4j.benchmarks.compare.Lit4jClientBench cold "$OUT/connection.json" "$LIT4J_PKP"
  cold "lit4j+AppCDS" java -XX:SharedArchiveFile="$OUT/lit4j-client.jsa" -cp "$CLIENT_CP" io.lit4j.benchmarks.compare.Lit4jClientBench \
    cold "$OUT/connection.json" "$LIT4J_PKP"
  cold "lit4j+AppCDS+C1" java -XX:SharedArchiveFile="$OUT/lit4j-client.jsa" -XX:TieredStopAtLevel=1 -cp "$CLIENT_CP" \
    io.lit4j.benchmarks.compare.Lit4jClientBench cold "$OUT/connection.json" "$LIT4J_PKP"
  cold "js" js cold "$OUT/connection.json" "$JS_PKP"
done

node - "$OUT" "$CALLS" "$WARMUP" <<'JS' | tee "$OUT/compare.md"
const fs = require('fs');
const [out, calls, warmup] = process.argv.slice(2);
const read = (f) => fs.readFileSync(`${out}/${f}`, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.op);
const lit4j = Object.fromEntries(read('lit4j.jsonl').map((l) => [l.op, l]));
const js = Object.fromEntries(read('js.jsonl').map((l) => [l.op, l]));
const f = (x) => x.toFixed(1);
const c1 = Object.fromEntries(read('lit4j-c1.jsonl').map((l) => [l.op, l]));
console.log(`3 nodes (own JVM), ${calls} calls per operation after a warm-up of up to ${warmup} calls (at most ${process.env.WARMUP_SECONDS} s per operation and side; the calls made are in the second table), one at a time (connect: a new client per call sharing the process's HTTP pool, JS: Node's global agent and one provider, lit4j: one OkHttpClient; connectOwnHttp: lit4j's default, each client with its own HTTP stack, against the same JS connect). CPU = the client process's CPU time per measured call, every thread (JIT compiler and GC included); "C1 only" = the lit4j client JVM with -XX:TieredStopAtLevel=1.\n`);
console.log('| operation | lit4j wall ms | JS wall ms | wall lit4j/JS | lit4j CPU ms/call | JS CPU ms/call | CPU lit4j/JS | lit4j C1-only CPU ms/call | C1-only CPU lit4j/JS |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const op of Object.keys(lit4j)) {
  const a = lit4j[op], b = js[op] || js[op.replace('OwnHttp', '')], c = c1[op] || {};
  console.log(`| ${op} | ${f(a.medianMs)} | ${f(b.medianMs)} | ${(a.medianMs / b.medianMs).toFixed(2)} | ${f(a.cpuMsPerCall)} | ${f(b.cpuMsPerCall)} | ${(a.cpuMsPerCall / b.cpuMsPerCall).toFixed(2)} | ${c.cpuMsPerCall === undefined ? '' : f(c.cpuMsPerCall)} | ${c.cpuMsPerCall === undefined ? '' : (c.cpuMsPerCall / b.cpuMsPerCall).toFixed(2)} |`);
}
console.log('\nWhere lit4j\'s CPU goes (ms per call; application threads = the Java threads: caller, HTTP, pools; JIT = the C1/C2 compiler threads; GC = GC and VM threads; the rest of the process CPU is other JVM threads and threads that ended):\n');
console.log('| operation | warm-up calls lit4j / C1-only / JS | app threads | JIT | GC | KB allocated/call | C1-only: app threads | JIT | GC |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const op of Object.keys(lit4j)) {
  const a = lit4j[op], b = js[op] || js[op.replace('OwnHttp', '')], c = c1[op] || {};
  console.log(`| ${op} | ${a.warmup} / ${c.warmup} / ${b.warmup} | ${f(a.appThreadCpuMsPerCall)} | ${f(a.jitCpuMsPerCall)} | ${f(a.gcCpuMsPerCall)} | ${a.allocKbPerCall} | ${f(c.appThreadCpuMsPerCall)} | ${f(c.jitCpuMsPerCall)} | ${f(c.gcCpuMsPerCall)} |`);
}
const cold = {};
for (const line of fs.readFileSync(`${out}/cold.txt`, 'utf8').trim().split('\n')) {
  const [label, ms] = line.split(' ');
  (cold[label] = cold[label] || []).push(Number(ms));
}
console.log('\nCold start: process spawn to exit after the first verified pkpSign (connect, PKP session sigs, sign)\n');
console.log('| client | runs | median ms | min ms |');
console.log('|---|---|---|---|');
for (const [label, v] of Object.entries(cold)) {
  v.sort((x, y) => x - y);
  console.log(`| ${label} | ${v.length} | ${v[Math.floor(v.length / 2)]} | ${v[0]} |`);
}
JS
