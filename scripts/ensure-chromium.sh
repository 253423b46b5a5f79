#!/usr/bin/env bash
# Make sure Debian's Chromium, its Chinese UI and a CJK font are installed, for the e2e tests.
#
# Why Debian's `chromium` and not Playwright's download or Google Chrome: branded
# Chrome >= 137 ignores --load-extension, and we only have apt + npm here; the
# unbranded distro build still side-loads unpacked extensions.
# Why the font: fixture pages and the popup are Chinese; without a CJK font
# screenshots show tofu and layout measurements are off.
# Why chromium-l10n: Debian ships Chromium's UI translations separately; without
# them Chromium runs in English whatever LANGUAGE says, chrome.i18n picks the
# extension's English catalogue, and the tests would check a UI Chinese users
# never see.
#
# Idempotent and quiet: does nothing (and needs no root) when all are present.
# Runs as root directly, otherwise through sudo if available.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
FONT_PKG=fonts-wqy-microhei
FONT_FILE=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
L10N_PKG=chromium-l10n
L10N_FILE=/usr/lib/chromium/locales/zh-CN.pak

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -e "$FONT_FILE" ] || missing+=("$FONT_PKG")
[ -e "$L10N_FILE" ] || missing+=("$L10N_PKG")

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "ensure-chromium: need ${missing[*]} but am not root and sudo is unavailable." >&2
  echo "Install them with: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: apt-get not found; install Chromium so that $CHROMIUM exists (${missing[*]})." >&2
  exit 1
fi

echo "ensure-chromium: installing ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${as_root[@]}" apt-get update -qq &&
       "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "ensure-chromium: apt-get failed" >&2
  exit 1
fi

[ -x "$CHROMIUM" ] || { echo "ensure-chromium: $CHROMIUM still missing after install" >&2; exit 1; }
[ -e "$L10N_FILE" ] || { echo "ensure-chromium: $L10N_FILE still missing after installing $L10N_PKG" >&2; exit 1; }
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium installed)" >&2
