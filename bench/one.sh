#!/usr/bin/env bash
# One page of the académie-scale benchmark alone, to look into it: its throughput and latency
# under wrk (2 threads, 32 connections, 10 s), the server's peak and current memory and threads
# afterwards, and with `perf` a CPU profile of the server while it runs.
#
#   bash bench/one.sh PAGE [--perf] [--connections N] [--env 'VAR=value …']
#   bash bench/one.sh pilotage EMAIL      # the pilot's dashboard as EMAIL: two timed requests
#
# PAGE is one of sheet, home, checklist, signing, pdf. Runs the release binary already built on
# the SQLite database that `bash bench/load.sh` seeded (target/bench/academie.sqlite; run that
# first). --env passes variables to the server only (e.g. --env MALLOC_ARENA_MAX=2, to compare an
# allocator setting). With --perf the profile is written to target/bench/perf-PAGE.data; read it
# with `perf report -i target/bench/perf-PAGE.data --no-children --sort dso,symbol`.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${BENCH_OUT:-${root}/target/bench}"
bin="${BENCH_BIN:-${CARGO_TARGET_DIR:-${root}/target}/release/hybride}"
url="sqlite:${out}/academie.sqlite"
port="${BENCH_PORT:-18099}"
base="http://127.0.0.1:${port}"
usage() { echo "usage: bash bench/one.sh sheet|home|checklist|signing|pdf [--perf] [--connections N] [--env 'VAR=value …'] | pilotage EMAIL" >&2; exit 2; }

[ $# -ge 1 ] || usage
what="$1"
shift
perf=0
connections=32
server_env=""
email=""
while [ $# -gt 0 ]; do
  case "$1" in
    --perf) perf=1 ;;
    --connections) connections="$2"; shift ;;
    --env) server_env="$2"; shift ;;
    *) if [ "${what}" = pilotage ] && [ -z "${email}" ]; then email="$1"; else usage; fi ;;
  esac
  shift
done
[ -f "${out}/academie-sqlite.env" ] || { echo "seed first: bash bench/load.sh" >&2; exit 1; }
[ -x "${bin}" ] || { echo "build first: cargo build --release -p hybride" >&2; exit 1; }
# shellcheck disable=SC1091
source "${out}/academie-sqlite.env"
slot="$(TZ=Europe/Paris date +%F)-$([ "$(TZ=Europe/Paris date +%H)" -lt 13 ] && echo morning || echo afternoon)"

# shellcheck disable=SC2086
env ${server_env} HYBRIDE_LOG=warn "${bin}" --database-url "${url}" serve --addr "127.0.0.1:${port}" \
  --mail-dir "${out}/mail-one" >"${out}/one-server.log" 2>&1 &
server_pid=$!
trap 'kill "${server_pid}" 2>/dev/null || true; wait "${server_pid}" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  if curl -fs "${base}/readyz" >/dev/null 2>&1; then break; fi
  sleep 0.1
done

# shellcheck source=bench/session.sh
source "${root}/bench/session.sh"

cookie=""
path=""
case "${what}" in
  home) cookie="$(session_cookie "${BENCH_TRAINEE}")"; path="/" ;;
  sheet) cookie="$(session_cookie "${BENCH_TRAINER}")"; path="/cohorts/${BENCH_COHORT}/activities/${BENCH_ACTIVITY}/attendance?slot=${slot}" ;;
  checklist) cookie="$(session_cookie "${BENCH_TRAINER}")"; path="/cohorts/${BENCH_COHORT}" ;;
  pdf) cookie="$(session_cookie "${BENCH_TRAINER}")"; path="/cohorts/${BENCH_COHORT}/activities/${BENCH_ACTIVITY}/attendance.pdf?slot=${slot}" ;;
  signing) ;;
  pilotage)
    [ -n "${email}" ] || usage
    cookie="$(session_cookie "${email}")"
    for _ in 1 2; do
      curl -s -o /dev/null -w "pilotage %{http_code} %{time_total} s\n" -H "Cookie: ${cookie}" "${base}/pilotage"
    done
    exit 0
    ;;
  *) usage ;;
esac

perf_pid=""
if [ "${perf}" = 1 ]; then
  perf record -F 999 -g -p "${server_pid}" -o "${out}/perf-${what}.data" -- sleep 8 >/dev/null 2>&1 &
  perf_pid=$!
fi
script="$(mktemp --suffix=.lua)"
cat "${root}/bench/wrk/report.lua" >"${script}"
if [ "${what}" = signing ]; then
  token="$(HYBRIDE_LOG=warn "${bin}" --database-url "${url}" token create --email "${BENCH_TRAINER}" --label one 2>/dev/null | tail -n 1)"
  cat "${root}/bench/wrk/sign.lua" >>"${script}"
  wrk --latency -t 2 -c "${connections}" -d 10s -s "${script}" "${base}/" -- "${BENCH_MARKS}" "${token}" | grep '^RESULT'
else
  wrk --latency -t 2 -c "${connections}" -d 10s -s "${script}" -H "Cookie: ${cookie}" "${base}${path}" | grep '^RESULT'
fi
rm -f "${script}"
if [ -n "${perf_pid}" ]; then wait "${perf_pid}" || true; fi
grep -E '^(VmHWM|VmRSS|Threads)' "/proc/${server_pid}/status" | tr -s ' \t' ' ' | tr '\n' ' '
echo
