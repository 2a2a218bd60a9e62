#!/usr/bin/env bash
# Cold start and idle memory of the app binary (`make measure`: the release
# build, under Xvfb when there is no display).
#
# Each run starts the app on its own copy of a database holding the sample
# data and reads the lines the app writes with IPPDESK_TRACE_STARTUP=1
# (`startup-trace <ms since the epoch> <event>`, src-tauri/src/commands/mod.rs):
#   window   the window is mapped (xwininfo, polled every 50 ms)
#   ui-ready the UI's first IPC call: React is up and asks for app_info
#   data     the first page's own query answered (on the holders page,
#            list_holders): the first data, drawn in the next frame
# then waits 10 s idle and reads PSS (/proc/PID/smaps_rollup) of the app and
# of each WebKit process it started. Prints every run and the medians; exits
# non-zero when the median to first data is over the target.
#
# Usage: tools/measure-startup.sh [app binary] [cli binary]
#   defaults target/release/ippdesk-app and target/release/ippdesk (the CLI
#   writes the sample data); RUNS=5, TARGET_MS=1000, IDLE_S=10.
set -euo pipefail
app=${1:-target/release/ippdesk-app}
cli=${2:-target/release/ippdesk}
runs=${RUNS:-5}
target_ms=${TARGET_MS:-1000}
idle_s=${IDLE_S:-10}
[ -n "${DISPLAY:-}" ] || { echo "measure-startup: needs a display (make measure runs it under Xvfb)" >&2; exit 2; }
[ -x "$app" ] || { echo "measure-startup: no app binary at $app" >&2; exit 2; }
[ -x "$cli" ] || { echo "measure-startup: no CLI binary at $cli" >&2; exit 2; }

dir=$(mktemp -d)
pid=""
stop_app() {
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
}
trap 'stop_app; rm -rf "$dir"' EXIT

"$cli" --db "$dir/template/desk.sqlite3" sample >/dev/null

now_ms() { date +%s%3N; }
# The app and every process below it (WebKit's web and network processes).
tree_of() {
  local p=$1 c
  echo "$p"
  for c in $(pgrep -P "$p" || true); do tree_of "$c"; done
}
# CPU time (user + system, ms) a process has used so far: unlike wall time, it
# does not grow when other work on the machine takes the processor.
tck=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$tck" '{ sub(/.*\) /, ""); print int(($12 + $13) * 1000 / t) }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pss_kib() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
name_of() { basename "$(tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | head -n1)"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$dir/results"
echo "app: $app ($(du -h "$app" | cut -f1)), $runs runs, sample data, ${idle_s} s idle"
for run in $(seq 1 "$runs"); do
  rm -rf "$dir/run" && cp -r "$dir/template" "$dir/run"
  start=$(now_ms)
  IPPDESK_TRACE_STARTUP=1 "$app" --db "$dir/run/desk.sqlite3" >"$dir/out.log" 2>&1 &
  pid=$!
  window="" ready="" data="" data_cmd="" cpu_total="?" cpus=""
  for _ in $(seq 1 600); do
    if [ -z "$window" ] && xwininfo -root -tree 2>/dev/null | grep -q '"IPP Desk"'; then window=$(( $(now_ms) - start )); fi
    if [ -z "$ready" ]; then
      t=$(awk '$1 == "startup-trace" && $3 == "ui-ready" { print $2; exit }' "$dir/out.log")
      [ -n "$t" ] && ready=$(( t - start ))
    fi
    if [ -z "$data" ]; then
      line=$(awk '$1 == "startup-trace" && $3 == "answered" && $4 != "app_info" { print $2, $4; exit }' "$dir/out.log")
      if [ -n "$line" ]; then
        data=$(( ${line% *} - start )); data_cmd=${line#* }
        cpu_total=0 cpus=""
        for p in $(tree_of "$pid"); do
          c=$(cpu_ms "$p"); cpu_total=$(( cpu_total + c )); cpus="$cpus, $(name_of "$p") $c"
        done
      fi
    fi
    [ -n "$window" ] && [ -n "$ready" ] && [ -n "$data" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "the app exited:"; cat "$dir/out.log"; exit 1; }
    sleep 0.05
  done
  sleep "$idle_s"
  total=0 procs=""
  for p in $(tree_of "$pid"); do
    [ -r "/proc/$p/smaps_rollup" ] || continue
    n=$(name_of "$p") k=$(pss_kib "$p")
    total=$(( total + k ))
    procs="$procs, $n $(mib "$k")"
    echo "$n $k" >>"$dir/pss.$run"
  done
  echo "run $run: window ${window:-?} ms, ui-ready ${ready:-?} ms, first data (${data_cmd:-?}) ${data:-?} ms;" \
    "CPU ms to first data:${cpus#,}, total $cpu_total; PSS MiB:${procs#,}, total $(mib "$total")"
  echo "${window:-?} ${ready:-?} ${data:-?} $total $cpu_total" >>"$dir/results"
  stop_app
done

col() { awk -v c="$1" '$c != "?" { print $c }' "$dir/results" | median; }
echo "median of $runs runs:"
echo "  window mapped after:                 $(col 1) ms"
echo "  UI ready (first IPC call) after:     $(col 2) ms"
data_median=$(col 3)
echo "  first data (first page's query answered) after: $data_median ms (target <= $target_ms ms)"
echo "  CPU time used by then (app + WebKit): $(col 5) ms"
echo "  idle memory after $idle_s s (PSS):"
# Per process name (processes of the same name in one run summed, their number shown).
for name in $(cat "$dir"/pss.* | awk '{ print $1 }' | awk '!seen[$0]++'); do
  count=$(awk -v n="$name" '$1 == n' "$dir/pss.1" | wc -l)
  label=$name; [ "$count" -le 1 ] || label="$name (x$count)"
  for r in $(seq 1 "$runs"); do
    awk -v n="$name" '$1 == n { s += $2 } END { print s + 0 }' "$dir/pss.$r"
  done | median | { read -r k; printf '    %-26s %7s MiB\n' "$label" "$(mib "$k")"; }
done
printf '    %-26s %7s MiB\n' "total" "$(mib "$(col 4)")"
awk -v m="$data_median" -v t="$target_ms" 'BEGIN { exit !(m != "?" && m <= t) }' || {
  echo "cold start to first data: median $data_median ms is over the target of $target_ms ms"
  exit 1
}
