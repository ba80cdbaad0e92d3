#!/usr/bin/env bash
# Installs the pinned local-chain tools (anvil and solc from npm) into the tools dir when they
# are missing, then compiles lit-localnet's Solidity into classpath resources.
# Usage: tools.sh <toolsDir> <solidityDir> <outDir>
set -euo pipefail

ANVIL_VERSION="1.7.1"
SOLC_VERSION="0.8.28"

TOOLS_DIR="$1"
SOLIDITY_DIR="$2"
OUT_DIR="$3"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

fail() {
  echo "lit-localnet: $*" >&2
  exit 1
}

command -v node >/dev/null 2>&1 || fail "Node.js is required to install anvil and solc (npm packages @foundry-rs/anvil@${ANVIL_VERSION}, solc@${SOLC_VERSION}); install Node.js 18+ with npm, or put both into ${TOOLS_DIR}/node_modules yourself"

version_of() {
  local pkg="$TOOLS_DIR/node_modules/$1/package.json"
  [ -f "$pkg" ] && node -p "require(process.argv[1]).version" "$pkg" 2>/dev/null || echo "none"
}

installed() {
  [ "$(version_of @foundry-rs/anvil)" = "$ANVIL_VERSION" ] \
    && [ "$(version_of solc)" = "$SOLC_VERSION" ] \
    && ls "$TOOLS_DIR"/node_modules/@foundry-rs/anvil-*/bin/anvil* >/dev/null 2>&1
}

install_tools() {
  command -v npm >/dev/null 2>&1 || fail "npm is required to install @foundry-rs/anvil@${ANVIL_VERSION} and solc@${SOLC_VERSION} into ${TOOLS_DIR}; install Node.js 18+ with npm"
  echo "lit-localnet: installing @foundry-rs/anvil@${ANVIL_VERSION} and solc@${SOLC_VERSION} into ${TOOLS_DIR}"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --no-save --no-package-lock --loglevel=error \
    "@foundry-rs/anvil@${ANVIL_VERSION}" "solc@${SOLC_VERSION}" \
    || fail "npm install of anvil and solc into ${TOOLS_DIR} failed (see the npm output above)"
  installed || fail "anvil ${ANVIL_VERSION} / solc ${SOLC_VERSION} are still missing in ${TOOLS_DIR} after npm install (no anvil binary for this platform?)"
}

if ! installed; then
  mkdir -p "$TOOLS_DIR"
  if command -v flock >/dev/null 2>&1; then
    # several builds may share the tools dir: install under a lock, re-checking inside it
    exec 9>"$TOOLS_DIR/.install.lock"
    flock 9
    installed || install_tools
    flock -u 9
  else
    install_tools
  fi
fi

node "$HERE/compile-contracts.cjs" "$TOOLS_DIR" "$SOLIDITY_DIR" "$OUT_DIR"
