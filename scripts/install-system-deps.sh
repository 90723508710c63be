#!/usr/bin/env bash
# Installs the Debian packages the tests need: Chromium (browser tests), a CJK font (so
# Chinese labels render as glyphs, not boxes) and Virtuoso (the remote SPARQL store the
# contract suite runs against on loopback).
#
# Idempotent and fast when everything is present: apt is not touched at all then, so a
# repeated `make test` costs a few dpkg look-ups. Without root a missing package is reported
# and the tests that need it skip with a visible reason; under CI=true it is an error,
# because CI never skips.
set -euo pipefail

# package -> command (or file) that proves it is usable; dpkg -s alone can report a package
# as known but half-removed.
PACKAGES=(chromium fonts-noto-cjk virtuoso-opensource-7)

probe() {
    case "$1" in
    chromium) command -v chromium >/dev/null 2>&1 ;;
    fonts-noto-cjk) compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK*" >/dev/null ;;
    virtuoso-opensource-7) command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1 ;;
    *) return 1 ;;
    esac
}

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" && probe "$1"
}

missing=()
for pkg in "${PACKAGES[@]}"; do
    installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} > 0)); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "system-deps: installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        # Wait for a concurrent apt/dpkg (another shell, unattended upgrades) instead of failing.
        apt_opts=(-o DPkg::Lock::Timeout=600)
        apt-get "${apt_opts[@]}" update -qq
        apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}"
    else
        echo "system-deps: MISSING ${missing[*]} — install with:" >&2
        echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
        if [[ "${CI:-}" == "true" ]]; then
            echo "system-deps: CI=true and packages are missing: failing (CI never skips)" >&2
            exit 1
        fi
        echo "system-deps: continuing; tests needing them will skip with a reason" >&2
    fi
fi

# Report what is there now (versions come from Debian; nothing is pinned beyond the release).
status=0
for pkg in "${PACKAGES[@]}"; do
    if installed "$pkg"; then
        echo "system-deps: $pkg $(dpkg-query -W -f='${Version}' "$pkg")"
    else
        echo "system-deps: $pkg not installed" >&2
        [[ "${CI:-}" == "true" ]] && status=1
    fi
done
exit "$status"
