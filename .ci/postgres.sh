#!/usr/bin/env bash
# Makes sure PostgreSQL answers on 127.0.0.1:5432 with trust authentication for user postgres:
# starts the local cluster when it is stopped, installs Debian's server when it is missing.
set -euo pipefail

ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if command -v pg_isready >/dev/null && ready; then
  exit 0
fi

installed=0
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "PostgreSQL is missing: installing it from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql postgresql-client >/dev/null
  installed=1
fi

version="$(ls /etc/postgresql | sort -V | tail -n 1)"
if [ ! -d "/etc/postgresql/${version}/main" ]; then
  pg_createcluster "${version}" main
  installed=1
fi
conf="/etc/postgresql/${version}/main"
if [ "${installed}" = 1 ] || ! grep -q '^host all all 127.0.0.1/32 trust' "${conf}/pg_hba.conf"; then
  # Tests connect as postgres over loopback without a password, as on the developers' machines.
  sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "${conf}/pg_hba.conf"
fi
grep -q "^listen_addresses" "${conf}/postgresql.conf" || echo "listen_addresses = 'localhost'" >> "${conf}/postgresql.conf"

echo "Starting PostgreSQL ${version}"
pg_ctlcluster --skip-systemctl-redirect "${version}" main start || pg_ctlcluster --skip-systemctl-redirect "${version}" main reload || true
for _ in $(seq 1 60); do
  if ready; then exit 0; fi
  sleep 1
done
echo "PostgreSQL did not start" >&2
exit 1
