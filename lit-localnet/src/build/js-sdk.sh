#!/usr/bin/env bash
# Installs the pinned official Lit JS SDK 4.2.0 packages (and the ethers / siwe versions they use)
# into <toolsDir>/js-sdk-4.2.0 when they are missing, for JsSdkV4FlowTest, which runs
# src/test/js/sdk-v4-flow.cjs with them against a lit-localnet network. Never into the repository.
# Its own npm prefix, so it never prunes anvil/solc or the ethers bundle. About 90 MB, 30 s once.
# Usage: js-sdk.sh <toolsDir> [skipTests] [maven.test.skip]   (nothing to do when either is "true")
set -euo pipefail
if [ "${2:-false}" = "true" ] || [ "${3:-false}" = "true" ]; then
  exit 0
fi

SDK_VERSION="4.2.0"
ETHERS_VERSION="5.7.2"
SIWE_VERSION="2.3.2" # what "siwe": "^2.0.5" of the 4.2.0 packages resolved to when 4.2.0 was current
PACKAGES=(
  "@lit-protocol/lit-node-client-nodejs@${SDK_VERSION}"
  "@lit-protocol/contracts-sdk@${SDK_VERSION}"
  "@lit-protocol/auth-helpers@${SDK_VERSION}"
  "@lit-protocol/constants@${SDK_VERSION}"
  # the relay calls and auth method ids of LitAuthClient (JsSdkV4RelayTest, the auth id comparison)
  "@lit-protocol/lit-auth-client@${SDK_VERSION}"
  "ethers@${ETHERS_VERSION}"
  "siwe@${SIWE_VERSION}"
  # contracts-sdk 4.2.0 requires date-and-time without declaring it
  "date-and-time@2.4.3"
  # the reference maths of the committed test vectors (lit-vectors/src/generate): the version
  # they were first made with
  "@noble/curves@1.4.2"
)
TOOLS_DIR="$1"
PREFIX="$TOOLS_DIR/js-sdk-$SDK_VERSION"

fail() {
  echo "lit-localnet: $*" >&2
  exit 1
}

version_of() {
  local pkg="$PREFIX/node_modules/$1/package.json"
  [ -f "$pkg" ] && node -p "require(process.argv[1]).version" "$pkg" 2>/dev/null || echo "none"
}

installed() {
  local spec name version
  for spec in "${PACKAGES[@]}"; do
    name="${spec%@*}"
    version="${spec##*@}"
    [ "$(version_of "$name")" = "$version" ] || return 1
  done
}

command -v node >/dev/null 2>&1 || fail "Node.js 18+ is required for the JS SDK ${SDK_VERSION} compatibility test (it installs ${PACKAGES[*]} into ${PREFIX})"
installed && exit 0
command -v npm >/dev/null 2>&1 || fail "npm is required to install ${PACKAGES[*]} into ${PREFIX}; install Node.js 18+ with npm"
mkdir -p "$PREFIX"
install_sdk() {
  installed && return 0
  echo "lit-localnet: installing the Lit JS SDK ${SDK_VERSION} (${PACKAGES[*]}) into ${PREFIX}"
  npm install --prefix "$PREFIX" --no-audit --no-fund --no-save --no-package-lock --loglevel=error "${PACKAGES[@]}" \
    || fail "npm install of the Lit JS SDK ${SDK_VERSION} into ${PREFIX} failed (see the npm output above)"
  installed || fail "the Lit JS SDK ${SDK_VERSION} packages are still missing in ${PREFIX} after npm install"
}
if command -v flock >/dev/null 2>&1; then
  # several builds may share the tools dir: install under a lock, re-checking inside it
  exec 9>"$PREFIX/.install.lock"
  flock 9
  install_sdk
  flock -u 9
else
  install_sdk
fi
