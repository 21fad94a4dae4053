#!/usr/bin/env bash
# Pipeline benchmark (not a test): full build, then a one-day incremental refresh, on generated data.
#   bench/pipeline.sh [SCALE] [DAYS] [LAKEHOUSE]      e.g. bench/pipeline.sh 1 730 /tmp/aurum-bench-sf1
# Prints, per run: wall time of the command, time inside the process (the run's own duration, without JVM and
# Spark start), Bronze rows per second of that time, and peak resident memory (GNU time). JVM options: AURUM_JAVA_OPTS.
# Each run's own output (progress lines and the per-table summary) is kept next to the lakehouse: LAKEHOUSE.<run>.log.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCALE="${1:-1}"
DAYS="${2:-730}"
LAKE="${3:-/tmp/aurum-bench-sf$SCALE}"
rm -rf "$LAKE"

measure() {
  local label="$1"; shift
  local log; log="$(mktemp)"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$log.mem" "$HERE/aurum" "$@" --lakehouse "$LAKE" >"$log" 2>&1 || { cat "$log"; exit 1; }
  end=$(date +%s.%N)
  local line; line="$(grep -E '^run [0-9]+ succeeded' "$log" | tail -1)"
  local inside rows
  inside="$(sed -E 's/.* in ([0-9.]+) s:.*/\1/' <<<"$line")"
  rows="$(sed -E 's/.*: ([0-9]+) Bronze rows.*/\1/' <<<"$line")"
  printf '%-12s wall %7.1f s   in-process %7.1f s   %8d Bronze rows   %8.0f rows/s   peak RSS %6.0f MB\n' \
    "$label" "$(echo "$end - $start" | bc)" "$inside" "$rows" "$(echo "$rows / ($inside + 0.001)" | bc -l)" "$(echo "$(cat "$log.mem") / 1024" | bc -l)"
  cp "$log" "$LAKE.${label// /-}.log"
  rm -f "$log" "$log.mem"
}

"$HERE/aurum" data generate --scale "$SCALE" --days "$DAYS" --lakehouse "$LAKE" >/dev/null
measure "full build" pipeline run
"$HERE/aurum" data generate --days 1 --lakehouse "$LAKE" >/dev/null
measure "+1 day" pipeline run
