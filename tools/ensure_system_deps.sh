#!/usr/bin/env bash
# Makes sure the Debian/Ubuntu packages the app needs are present, before Qt
# fails later with a cryptic "could not load the xcb platform plugin".
#   tools/ensure_system_deps.sh run    packages to run the app
#   tools/ensure_system_deps.sh test   those plus what the tests need (Xvfb, a tray host)
# As root it installs what is missing; otherwise it prints the one apt-get
# command to run and exits 1. On systems without dpkg it checks nothing.
set -euo pipefail

mode=${1:-run}
run_pkgs=(
  fonts-dejavu-core libpulse0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0
  libxkbcommon-x11-0 libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-randr0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxss1
)
# xdotool and x11-utils drive and inspect the tray end to end; dbus gives a
# private bus for the notification and idle-monitor stand-ins; appstream
# validates the metainfo; pulseaudio gives the bundle test a silent sound output.
test_pkgs=(xvfb xauth trayer make desktop-file-utils xdotool x11-utils dbus appstream
  pulseaudio pulseaudio-utils)
case "$mode" in
  run) wanted=("${run_pkgs[@]}") ;;
  test) wanted=("${run_pkgs[@]}" "${test_pkgs[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: please install the equivalents of: ${wanted[*]}" >&2
  exit 0
fi

# python3-venv: Debian's python3 cannot make a venv without it.
py=${PYTHON:-python3}
if ! "$py" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  wanted+=(python3-venv)
fi

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "Installing ${missing[*]} failed (see above)." >&2
    exit 1
  fi
  rm -f "$log"
else
  echo "Some system packages the app needs are missing. Please run:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
