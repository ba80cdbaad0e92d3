#!/usr/bin/env bash
# Installs the pinned ethers v5 bundle the Lit Actions runtime loads (as real v4 nodes do) into
# <toolsDir>/ethers-5.7.2 when it is missing. Its own npm prefix, so it never prunes anvil/solc.
# Usage: ethers.sh <toolsDir>
set -euo pipefail

ETHERS_VERSION="5.7.2"
TOOLS_DIR="$1"
PREFIX="$TOOLS_DIR/ethers-$ETHERS_VERSION"
BUNDLE="$PREFIX/node_modules/ethers/dist/ethers.umd.min.js"

fail() {
  echo "lit-localnet: $*" >&2
  exit 1
}

[ -f "$BUNDLE" ] && exit 0
command -v npm >/dev/null 2>&1 || fail "npm is required to install ethers@${ETHERS_VERSION} into ${PREFIX}; install Node.js 18+ with npm, or put ethers.umd.min.js at ${BUNDLE} yourself"
mkdir -p "$PREFIX"
install_ethers() {
  [ -f "$BUNDLE" ] && return 0
  echo "lit-localnet: installing ethers@${ETHERS_VERSION} into ${PREFIX}"
  npm install --prefix "$PREFIX" --no-audit --no-fund --no-save --no-package-lock --loglevel=error \
    "ethers@${ETHERS_VERSION}" || fail "npm install of ethers@${ETHERS_VERSION} into ${PREFIX} failed (see the npm output above)"
  [ -f "$BUNDLE" ] || fail "ethers@${ETHERS_VERSION} installed but ${BUNDLE} is missing"
}
if command -v flock >/dev/null 2>&1; then
  exec 9>"$PREFIX/.install.lock"
  flock 9
  install_ethers
  flock -u 9
else
  install_ethers
fi
