#!/usr/bin/env bash
# CPU seconds each part of the platform used while a command ran (user + system time from /proc),
# e.g. to compare a service's cost per message before and after a change:
#
#   load/cpu-per-service.sh node load/delivery-bench.mjs --rate 400 --duration 30 --via socket
#
# Java processes are named by the first "<name>-service" in their command line (the launcher,
# which hosts the embedded Kafka broker, has none); PostgreSQL backends are summed.
set -euo pipefail

snapshot() {
  local pid name ticks
  for pid in $(pgrep -x java) $(pgrep -x postgres) $(pgrep -x redis-server) $(pgrep -x node); do
    name=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -o '[a-z]*-service' | head -1 || true)
    [ -n "$name" ] || name=$(cat "/proc/$pid/comm" 2>/dev/null || true)
    [ "$name" = java ] && name="launcher (Kafka)"
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true)
    [ -n "$ticks" ] && printf '%s\t%s\n' "$name" "$ticks"
  done | awk -F'\t' '{sum[$1] += $2} END {for (n in sum) printf "%s\t%d\n", n, sum[n]}' | sort
}

hz=$(getconf CLK_TCK)
before=$(snapshot)
"$@"
after=$(snapshot)
join -t $'\t' <(echo "$before") <(echo "$after") |
  awk -F'\t' -v hz="$hz" '{d = ($3 - $2) / hz; if (d >= 0.1) printf "%7.1f s  %s\n", d, $1}' | sort -rn
