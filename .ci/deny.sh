#!/usr/bin/env bash
# `cargo deny check` against the dated snapshot of the RustSec advisory database that sits beside
# the project (../shared/advisory-db: nothing here can fetch it), and the licences (deny.toml).
# Installs cargo-deny when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
DENY_VERSION=0.20.2
if ! cargo deny --version 2>/dev/null | grep -q "$DENY_VERSION"; then
  cargo install cargo-deny --locked --version "$DENY_VERSION"
fi
snapshot="${ADVISORY_DB:-../shared/advisory-db}"
if [ ! -d "$snapshot/crates" ]; then
  echo "deny: no advisory database snapshot at $snapshot" >&2
  exit 1
fi
# cargo-deny reads its database as a git repository named after the database's address.
dbs="target/advisory-dbs"
db="$dbs/advisory-db-3157b0e258782691"
rm -rf "$db"
mkdir -p "$dbs"
cp -r "$snapshot" "$db"
(
  cd "$db"
  git init -q
  git add -A
  git -c user.name=hybride-ci -c user.email=ci@hybride.invalid commit -qm "RustSec snapshot"
)
cargo fetch --locked
cargo deny --offline check advisories licenses bans sources
