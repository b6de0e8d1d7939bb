#!/usr/bin/env bash
# Debian packages the browser tests and screenshots need: Chromium (driven by
# Playwright through executable_path, never a downloaded browser) and CJK fonts.
# Installs nothing when both are there; without root or sudo, says what to install.
set -eu

missing=()
[ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# fc-list's whole output is read (no `grep -q` closing the pipe early under pipefail)
fonts="$(fc-list :lang=zh family 2>/dev/null || true)"
case "$fonts" in *"Noto Sans CJK"*|*"Noto Serif CJK"*) ;; *) missing+=(fonts-noto-cjk) ;; esac
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
    echo "install-system-deps: missing ${missing[*]}; install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
echo "install-system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
