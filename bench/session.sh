# Sourced by bench/load.sh and bench/one.sh.
# session_cookie EMAIL: the session and CSRF cookies of EMAIL (password ${BENCH_PASSWORD}), logging
# in at ${base} through the form like a browser (CSRF token included).
session_cookie() {
  local jar csrf
  jar="$(mktemp)"
  csrf="$(curl -fs -c "${jar}" -b "${jar}" "${base}/login" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')"
  curl -fs -o /dev/null -c "${jar}" -b "${jar}" --data-urlencode "csrf=${csrf}" \
    --data-urlencode "email=$1" --data-urlencode "password=${BENCH_PASSWORD}" --data-urlencode "next=/" "${base}/login"
  awk '$6 == "hybride_session" || $6 == "hybride_csrf" { printf "%s=%s; ", $6, $7 }' "${jar}"
  rm -f "${jar}"
}
