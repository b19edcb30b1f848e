#!/usr/bin/env bash
# Hybride under load, at académie scale, on this machine: issue 7's benchmark.
#
#   bash bench/load.sh [--postgres] [--scale academie|small|tiny] [--fresh] [--duration SECONDS]
#
# Builds the release binary once, seeds (or reuses) an académie-sized database (`hybride seed`:
# SQLite in target/bench/, or with --postgres the database hybride_bench_SCALE on
# postgres://postgres@127.0.0.1:5432), starts `hybride serve`, then measures with wrk on loopback
# (2 threads, 32 connections, --duration seconds each, 10 by default) requests per second and
# p50/p99 latency of: /healthz (the bare reference), a trainer's attendance sheet of the
# 30-trainee half-day, a trainee's home page, a cohort's checklist page, signing (the trainer
# marking trainees through the API, a new event per request, then counted in the database), the
# join-link redirect (a burst under the 300-a-minute limit per address), and the half-day's
# attendance-sheet PDF (also alone, one connection, for its render time); on SQLite, signing again
# with HYBRIDE_SQLITE_SYNCHRONOUS=FULL. Prints each page's throughput as a share of /healthz's,
# p50/p99, and the server's peak resident memory (VmHWM). Not run by .ci/run: it takes minutes.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
scale=academie
backend=sqlite
fresh=0
duration=10
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) backend=postgres ;;
    --scale) scale="$2"; shift ;;
    --fresh) fresh=1 ;;
    --duration) duration="$2"; shift ;;
    *) echo "usage: bash bench/load.sh [--postgres] [--scale academie|small|tiny] [--fresh] [--duration SECONDS]" >&2; exit 2 ;;
  esac
  shift
done

out="${BENCH_OUT:-${root}/target/bench}"
mkdir -p "${out}"
# BENCH_BIN measures another build of the binary (then nothing is built).
bin="${BENCH_BIN:-${CARGO_TARGET_DIR:-${root}/target}/release/hybride}"
threads=2
connections=32
port="${BENCH_PORT:-18080}"
base="http://127.0.0.1:${port}"

if [ -z "${BENCH_BIN:-}" ]; then
  echo "== build (release)"
  (cd "${root}" && nice -n 10 cargo build --release -p hybride --quiet)
fi

if ! command -v wrk >/dev/null; then
  echo "== installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

facts="${out}/${scale}-${backend}.env"
case "${backend}" in
  sqlite)
    db_file="${out}/${scale}.sqlite"
    url="sqlite:${db_file}"
    count_events() { sqlite3 "${db_file}" "SELECT COUNT(*) FROM attendance_events"; }
    drop_db() { rm -f "${db_file}" "${db_file}-wal" "${db_file}-shm"; }
    ;;
  postgres)
    bash "${root}/.ci/postgres.sh"
    db_name="hybride_bench_${scale}"
    url="postgres://postgres@127.0.0.1:5432/${db_name}"
    psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
    count_events() { psql -h 127.0.0.1 -U postgres -d "${db_name}" -qAt -c "SELECT COUNT(*) FROM attendance_events"; }
    drop_db() { psql_admin -c "DROP DATABASE IF EXISTS ${db_name} WITH (FORCE)"; }
    ;;
esac

hybride() { HYBRIDE_LOG=warn "${bin}" --database-url "${url}" "$@"; }

if [ "${fresh}" = 1 ] || [ ! -f "${facts}" ]; then
  echo "== seeding ${scale} on ${backend}"
  drop_db
  if [ "${backend}" = postgres ]; then psql_admin -c "CREATE DATABASE ${db_name}"; fi
  started=$(date +%s.%N)
  nice -n 10 "${bin}" --database-url "${url}" seed --scale "${scale}" --facts "${facts}" | tee "${out}/seed-${scale}-${backend}.log"
  echo "seed wall time: $(echo "$(date +%s.%N) - ${started}" | bc) s" | tee -a "${out}/seed-${scale}-${backend}.log"
else
  echo "== reusing ${url} (seeded $(date -r "${facts}" '+%F %T'); --fresh to seed again)"
fi
# shellcheck disable=SC1090
source "${facts}"
if [ "${BENCH_SLOT:0:10}" != "$(TZ=Europe/Paris date +%F)" ]; then
  echo "the bench half-day is ${BENCH_SLOT}, not today: run again with --fresh" >&2
  exit 1
fi
slot="$(TZ=Europe/Paris date +%F)-$([ "$(TZ=Europe/Paris date +%H)" -lt 13 ] && echo morning || echo afternoon)"

server_pid=""
stop_server() {
  if [ -n "${server_pid}" ]; then
    kill "${server_pid}" 2>/dev/null || true
    wait "${server_pid}" 2>/dev/null || true
    server_pid=""
  fi
}
trap stop_server EXIT

start_server() {
  env "$@" HYBRIDE_LOG=warn "${bin}" --database-url "${url}" serve --addr "127.0.0.1:${port}" \
    --mail-dir "${out}/mail" >"${out}/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    if curl -fs "${base}/readyz" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "the server did not start; see ${out}/server.log" >&2
  exit 1
}

peak_rss_kib() { awk '/^VmHWM/ {print $2}' "/proc/${server_pid}/status"; }

# shellcheck source=bench/session.sh
source "${root}/bench/session.sh"

results="${out}/results-${scale}-${backend}.txt"
: >"${results}"
# run NAME URL [wrk options…]: one measurement, appended to the results.
run() {
  local name="$1" url="$2"
  shift 2
  local script
  script="$(mktemp --suffix=.lua)"
  cat "${root}/bench/wrk/report.lua" >"${script}"
  local extra=()
  local lua=""
  local args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --lua) lua="$2"; shift 2 ;;
      --) shift; args=("$@"); break ;;
      *) extra+=("$1"); shift ;;
    esac
  done
  [ -n "${lua}" ] && cat "${root}/bench/wrk/${lua}" >>"${script}"
  local line
  line="$(wrk --latency -t "${threads}" -c "${connections}" -d "${duration}s" "${extra[@]}" -s "${script}" "${url}" -- "${args[@]}" | tee -a "${out}/wrk-${scale}-${backend}.log" | grep '^RESULT')"
  rm -f "${script}"
  echo "${name} ${line#RESULT }" | tee -a "${results}"
}

echo "== tokens and sessions"
trainer_token="$(hybride token create --email "${BENCH_TRAINER}" --label bench 2>/dev/null | tail -n 1)"
start_server
trainer_cookie="$(session_cookie "${BENCH_TRAINER}")"
trainee_cookie="$(session_cookie "${BENCH_TRAINEE}")"
sheet="/cohorts/${BENCH_COHORT}/activities/${BENCH_ACTIVITY}/attendance?slot=${slot}"
pdf="/cohorts/${BENCH_COHORT}/activities/${BENCH_ACTIVITY}/attendance.pdf?slot=${slot}"
checklist="/cohorts/${BENCH_COHORT}"
for check in "${sheet}" "${checklist}" "${pdf}"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${trainer_cookie}" "${base}${check}")"
  [ "${code}" = 200 ] || { echo "GET ${check} answered ${code}" >&2; exit 1; }
done
code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${trainee_cookie}" "${base}/")"
[ "${code}" = 200 ] || { echo "the trainee's home answered ${code}" >&2; exit 1; }

echo "== measuring (${threads} threads, ${connections} connections, ${duration} s each; load average before: $(cut -d ' ' -f 1-3 /proc/loadavg))"
echo "load_average_before $(cut -d ' ' -f 1-3 /proc/loadavg)" >>"${results}"
run healthz "${base}/healthz"
run sheet "${base}${sheet}" -H "Cookie: ${trainer_cookie}"
run trainee_home "${base}/" -H "Cookie: ${trainee_cookie}"
run checklist "${base}${checklist}" -H "Cookie: ${trainer_cookie}"
before="$(count_events)"
run signing "${base}/" --lua sign.lua -- "${BENCH_MARKS}" "${trainer_token}"
after="$(count_events)"
echo "signing_check events_before=${before} events_after=${after} written=$((after - before))" | tee -a "${results}"
run join "${base}/j/${BENCH_JOIN_TOKEN}" --lua burst.lua -- 240 "${threads}" "${connections}"
run pdf "${base}${pdf}" -H "Cookie: ${trainer_cookie}"
threads=1 connections=1 run pdf_alone "${base}${pdf}" -H "Cookie: ${trainer_cookie}"
echo "server peak_rss_kib=$(peak_rss_kib)" | tee -a "${results}"
stop_server

if [ "${backend}" = sqlite ]; then
  echo "== signing with HYBRIDE_SQLITE_SYNCHRONOUS=FULL"
  start_server HYBRIDE_SQLITE_SYNCHRONOUS=FULL
  run healthz_full "${base}/healthz"
  before="$(count_events)"
  run signing_full "${base}/" --lua sign.lua -- "${BENCH_MARKS}" "${trainer_token}"
  after="$(count_events)"
  echo "signing_full_check events_before=${before} events_after=${after} written=$((after - before))" | tee -a "${results}"
  echo "server_full peak_rss_kib=$(peak_rss_kib)" | tee -a "${results}"
  stop_server
fi

echo "== hybride verify"
started=$(date +%s.%N)
hybride verify | tee -a "${results}"
echo "verify wall time: $(echo "$(date +%s.%N) - ${started}" | bc) s" | tee -a "${results}"

echo
echo "== ${scale} on ${backend}, $(date '+%F %T'), $(nproc) cores, $(grep '^load_average_before' "${results}")"
# The join burst stops early (wrk's duration does not): its throughput is its connections over
# its mean latency (Little's law), every connection being busy until the burst ends.
awk -v connections="${connections}" '
  function field(name,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] } return "" }
  $1 == "healthz" { ref = field("rps") }
  $1 == "healthz_full" { ref_full = field("rps") }
  field("rps") != "" {
    r = (($1 ~ /_full$/) ? ref_full : ref)
    rps = ($1 == "join") ? connections * 1000 / field("mean") : field("rps")
    printf "%-14s %10.0f req/s %7.1f %% of /healthz   p50 %7.2f ms   p99 %7.2f ms   failed %s   acknowledged %s\n", $1, rps, 100 * rps / r, field("p50"), field("p99"), field("non2xx3xx") + field("socket"), field("acknowledged")
  }
  $1 ~ /check$/ || $1 ~ /^server/ { print }
' "${results}"
