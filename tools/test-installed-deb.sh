#!/usr/bin/env bash
# The end of `make bundle`: installs the .deb Tauri's bundler wrote, checks
# what it installed (binary, desktop entry, icons), starts the installed app
# under Xvfb on a temp database and waits for its first page (the holders
# list answered, IPPDESK_TRACE_STARTUP), screenshots the display and checks
# the picture is not blank, then removes the package again (unless it was
# installed before the test).
# Usage: tools/test-installed-deb.sh [file.deb]   (default: the newest in
# target/release/bundle/deb/). The screenshot stays in target/bundle-test/.
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
fi
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
deb=${1:-$(ls -t target/release/bundle/deb/*.deb 2>/dev/null | head -n1)}
[ -f "$deb" ] || { echo "test-installed-deb: no .deb (run make bundle)" >&2; exit 2; }
deb=$(realpath "$deb")
out=$(realpath -m target/bundle-test)
mkdir -p "$out"

pkg=$(dpkg-deb -f "$deb" Package)
echo "== install $(basename "$deb") (package $pkg, version $(dpkg-deb -f "$deb" Version))"
was_installed=no
dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" && was_installed=yes
dir=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  if [ "$was_installed" = no ]; then
    echo "== remove $pkg"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq -o DPkg::Lock::Timeout=600 "$pkg" >/dev/null || true
  fi
}
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$deb" >/dev/null

fail() { echo "FAIL: $*" >&2; exit 1; }
files=$(dpkg -L "$pkg")
bin=$(grep -m1 '^/usr/bin/' <<<"$files") || fail "the package installs nothing in /usr/bin"
desktop=$(grep -m1 '^/usr/share/applications/.*\.desktop$' <<<"$files") || fail "no desktop entry"
icons=$(grep -c '^/usr/share/icons/hicolor/.*\.png$' <<<"$files") || fail "no icons"
grep -q "^Exec=$(basename "$bin")" "$desktop" || fail "$desktop does not start $(basename "$bin")"
grep -q "^Name=IPP Desk" "$desktop" || fail "$desktop is not named IPP Desk"
echo "installed: $bin, $desktop, $icons icons"

echo "== start the installed app under Xvfb"
IPPDESK_TRACE_STARTUP=1 "$bin" --db "$dir/desk.sqlite3" >"$dir/out.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q "startup-trace [0-9]* answered list_holders" "$dir/out.log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/out.log"; fail "the installed app exited"; }
  sleep 0.05
done
grep -q "startup-trace [0-9]* answered list_holders" "$dir/out.log" || { cat "$dir/out.log"; fail "no first page within 30 s"; }
grep -E "startup-trace [0-9]+ (ui-ready|answered list_holders)" "$dir/out.log"
sleep 2 # the answer drawn
shot="$out/installed-app.png"
import -window root "$shot"
# A blank screen has one colour; the holders page has the menu, the header and
# the empty table with its text and buttons: hundreds of colours (antialiasing).
colours=$(identify -format '%k' "$shot")
spread=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "screenshot: $shot ($colours colours, grey standard deviation $spread)"
[ "$colours" -ge 50 ] || fail "the screenshot is blank ($colours colours)"
awk -v s="$spread" 'BEGIN { exit !(s > 0.02) }' || fail "the screenshot is nearly uniform"
echo "installed .deb: passed"
