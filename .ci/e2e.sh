#!/usr/bin/env bash
# Browser tests (e2e/): the real server driven through Debian's Chromium with playwright-core,
# every page checked with axe-core (WCAG 2.1 AA), screenshots in ${CARGO_TARGET_DIR:-target}/e2e-screenshots.
# Installs what is missing (Chromium from apt, the npm packages from e2e/package-lock.json), builds
# the binary when needed, then runs `node --test` in e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM:-}" ]; then
  echo "e2e: installing Chromium from Debian's packages"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get install -y --no-install-recommends chromium \
    || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends chromium; }
fi

# npm ci only when node_modules is missing or was installed from another lock file.
lock_sum=$(sha256sum e2e/package-lock.json | cut -d' ' -f1)
stamp=e2e/node_modules/.hybride-lock.sha256
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  (cd e2e && npm ci --no-audit --no-fund)
  echo "$lock_sum" > "$stamp"
fi

# The académie's OpenID Connect provider (sign_in.test.mjs), from its own lock file.
peer_sum=$(sha256sum peers/oidc-provider/package-lock.json | cut -d' ' -f1)
peer_stamp=peers/oidc-provider/node_modules/.hybride-lock.sha256
if [ ! -f "$peer_stamp" ] || [ "$(cat "$peer_stamp")" != "$peer_sum" ]; then
  (cd peers/oidc-provider && npm ci --no-audit --no-fund)
  echo "$peer_sum" > "$peer_stamp"
fi

# The binary under test; cargo does nothing when it is up to date. HYBRIDE_BIN skips the build.
if [ -z "${HYBRIDE_BIN:-}" ]; then
  cargo build -p hybride
fi

target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$PWD/$target" ;; esac
export E2E_SCREENSHOTS="${E2E_SCREENSHOTS:-$target/e2e-screenshots}"
rm -rf "$E2E_SCREENSHOTS"
mkdir -p "$E2E_SCREENSHOTS"

cd e2e
node --test --test-concurrency=2 --test-timeout=300000 --test-reporter=spec ./*.test.mjs
echo "e2e: passed in $(( $(date +%s) - started )) s; screenshots in $E2E_SCREENSHOTS ($(find "$E2E_SCREENSHOTS" -name '*.png' | wc -l) pages)"
