#!/usr/bin/env bash
# Regenerates the committed test vectors that the official JS SDK 4.2.0 packages can produce, into
# <vectorsDir>, with the packages lit-localnet/src/build/js-sdk.sh installs (pinned) into
# <toolsDir>/js-sdk-4.2.0. Each generator prints one file; inputs are fixed, so a rerun gives the
# same bytes (GeneratedVectorsTest checks that in every build).
# Usage: generate.sh <toolsDir> <vectorsDir>
#   or:  mvn -o -pl lit-vectors -Pgenerate-vectors generate-test-resources
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$1"
out="$2"
bash "$here/../../../lit-localnet/src/build/js-sdk.sh" "$tools"
export NODE_PATH="$tools/js-sdk-4.2.0/node_modules"
mkdir -p "$out"
# generator script → vector file
declare -A GENERATORS=(
  ["ed25519-session-sigs.cjs"]="ed25519_session_sigs.generated.json"
  ["hd-derivation-v4.cjs"]="hd_derivation_v4.generated.json"
  ["ecdsa-k256-combine.cjs"]="ecdsa_k256_combine.generated.json"
  ["ecdsa-k256-node-shaped.cjs"]="ecdsa_k256_node_shaped.generated.json"
  ["bls-threshold-signatures.cjs"]="bls_threshold_signatures.generated.json"
  ["bls-encryption.cjs"]="bls_encryption.generated.json"
  ["siwe-session.cjs"]="siwe_session.generated.json"
)
for script in "${!GENERATORS[@]}"; do
  file="${GENERATORS[$script]}"
  node "$here/$script" > "$out/$file.tmp"
  mv "$out/$file.tmp" "$out/$file"
  echo "lit-vectors: generated $file with $script"
done
