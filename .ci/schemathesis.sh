#!/usr/bin/env bash
# The API against its own OpenAPI document: schemathesis (from PyPI) generates requests for every
# operation of /api/openapi.json on the demo académie, with an admin's token, and checks that no
# answer is a server error and that every answer's status, content type and body are the ones
# documented. A fixed seed and a time budget keep the run repeatable and short. Requests may take
# up to a minute: marking a bundle transmitted typesets the whole bundle (every PDF of the cohort)
# to keep its SHA-256, which a debug build on a busy 2-core machine does in seconds, not in
# schemathesis's default 10.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v schemathesis >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check schemathesis
fi
target="${CARGO_TARGET_DIR:-target}"
BIN="${HYBRIDE_BIN:-$target/debug/hybride}"
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
[ -x "$BIN" ] || cargo build -p hybride

dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
db="sqlite:${dir}/schemathesis.sqlite"
(cd "$dir" && exec "$BIN" serve --demo --addr "127.0.0.1:${port}" --database-url "$db" --mail-dir "${dir}/mail" > "${dir}/server.log" 2>&1) &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:${port}/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "${dir}/server.log"; exit 1; fi
  sleep 0.5
done
token="$("$BIN" --database-url "$db" token create --email admin@demo.hybride.test | tail -1)"

here="$PWD/.ci/schemathesis"
PYTHONPATH="${here}${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=hooks \
schemathesis --config-file "${here}/schemathesis.toml" run "http://127.0.0.1:${port}/api/openapi.json" \
  --header "Authorization: Bearer ${token}" \
  --checks all \
  --max-response-time 60 \
  --phases examples,coverage,fuzzing \
  --workers 2 \
  --seed "${SCHEMATHESIS_SEED:-20261129}" \
  --max-time "${SCHEMATHESIS_SECONDS:-90}" \
  --request-timeout 60 \
  --suppress-health-check all

if grep -q 'panicked' "${dir}/server.log"; then
  echo "schemathesis: the server panicked:"; grep -A5 'panicked' "${dir}/server.log"; exit 1
fi
echo "schemathesis: passed"
