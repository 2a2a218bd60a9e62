#!/usr/bin/env bash
# Cold start and idle memory of the real app binary, for the notes of issues
# (no target is set yet). Starts the app on a fresh temp database, times until
# its window is mapped and until the UI has asked the backend for app_info
# (the UI's first call, i.e. React is up), then sums PSS of the app and its
# WebKit helper processes after 10 s idle.
# Usage: tools/measure-startup.sh [app binary]   (needs DISPLAY; `make measure` wraps it in Xvfb)
set -euo pipefail
app=${1:-target/debug/ippdesk-app}
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT

now_ms() { date +%s%3N; }
start=$(now_ms)
IPPDESK_TRACE_STARTUP=1 "$app" --db "$dir/desk.sqlite3" >"$dir/out.log" 2>&1 &
pid=$!
window=""
ready=""
for _ in $(seq 1 600); do
  if [ -z "$window" ] && xwininfo -root -tree 2>/dev/null | grep -q '"IPP Desk"'; then window=$(( $(now_ms) - start )); fi
  if [ -z "$ready" ] && grep -q "ui-ready" "$dir/out.log"; then ready=$(( $(now_ms) - start )); fi
  [ -n "$window" ] && [ -n "$ready" ] && break
  sleep 0.05
done
sleep 10
pss_kb=0
for p in $(echo "$pid" $(pgrep -P "$pid" || true) | tr " " "\n" | sort -u); do
  [ -r /proc/$p/smaps_rollup ] || continue
  kb=$(awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup)
  pss_kb=$(( pss_kb + kb ))
done
echo "window mapped after: ${window:-?} ms"
echo "UI ready (first IPC call) after: ${ready:-?} ms"
echo "idle memory after 10 s (PSS, app + WebKit processes): $(( pss_kb / 1024 )) MiB"
