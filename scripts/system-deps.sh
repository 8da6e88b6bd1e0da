#!/usr/bin/env bash
# Installs the Debian packages the app needs when they are missing (as root with apt);
# otherwise prints the exact command and carries on, so the app still starts.
# Usage: scripts/system-deps.sh [app|test]
set -u
want=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk gettext)
[ "${1:-app}" = test ] && want+=(chromium)
command -v npm >/dev/null 2>&1 || want+=(nodejs npm)
python3 -c "import ensurepip" 2>/dev/null || want+=(python3-venv)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || echo "WARNING: apt-get install failed for: ${missing[*]}" >&2
else
  echo "WARNING: missing system packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  echo "Continuing: PDF pages will say what is missing; browser tests will be skipped." >&2
fi
exit 0
