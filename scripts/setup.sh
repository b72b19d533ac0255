#!/usr/bin/env bash
# The outside programs some tests need, installed from Debian packages (CI calls this before the test command):
#   pdfsig (poppler-utils) — an independent checker of the PAdES signatures on issued results and documents;
#   SoftHSM 2 (softhsm2) — a PKCS#11 token, to show that a key on an HSM signs through SunPKCS11;
#   Chromium and ChromeDriver (chromium, chromium-driver) — the real browser that the web front's journeys drive.
# Run as root, or with sudo available. Tests that need a program fail (never skip) when it is missing.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v pdfsig >/dev/null 2>&1 || missing+=(poppler-utils)
[ -e /usr/lib/softhsm/libsofthsm2.so ] || missing+=(softhsm2)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
echo "Test tools present: $(pdfsig -v 2>&1 | head -1); SoftHSM $(softhsm2-util --version); $(/usr/bin/chromedriver --version | cut -d' ' -f1-2)"
