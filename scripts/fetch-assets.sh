#!/usr/bin/env bash
# Fetches the one optional browser asset, YASGUI (the SPARQL editor of the query page), from the
# npm registry into api/static/vendor/. Optional: without it (no npm, or a pip-installed wheel
# built without it) the query page offers a plain query form, and every other page works.
# Swagger UI comes from the fastapi-offline wheel and vis-network from the pyvis wheel.
# Idempotent: does nothing when YASGUI is present; exits 0 with a note when npm is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# ---- BEGIN yasgui (api helper; issue 5) ---------------------------------------------------------
# YASGUI, the SPARQL editor the query page at /sparql and /query serves, from the npm registry
# (never a CDN), into the gitignored api/static/vendor/. `npm pack` fetches the exact pinned
# tarball (integrity-checked by npm); we copy only the browser bundle, its stylesheet, the licence.
YASGUI_VERSION="4.6.2"
YASGUI_DEST="api/static/vendor/yasgui"
if [ "$(cat "$YASGUI_DEST/VERSION" 2>/dev/null || true)" = "$YASGUI_VERSION" ]; then
    echo "assets: yasgui $YASGUI_VERSION present"
elif ! command -v npm >/dev/null 2>&1; then
    echo "assets: npm not found; the query page will use its plain form (install npm and rerun for YASGUI)"
else
    yasgui_tmp="$(mktemp -d)"
    (cd "$yasgui_tmp" && npm pack --silent "@zazuko/yasgui@$YASGUI_VERSION" >/dev/null \
        && tar xzf "zazuko-yasgui-$YASGUI_VERSION.tgz")
    mkdir -p "$YASGUI_DEST"
    cp "$yasgui_tmp/package/build/yasgui.min.js" "$yasgui_tmp/package/build/yasgui.min.css" "$YASGUI_DEST/"
    cp "$yasgui_tmp"/package/LICENSE* "$YASGUI_DEST/" 2>/dev/null || true
    echo "$YASGUI_VERSION" > "$YASGUI_DEST/VERSION"
    rm -rf "$yasgui_tmp"
    echo "assets: yasgui $YASGUI_VERSION -> $YASGUI_DEST"
fi
# ---- END yasgui ---------------------------------------------------------------------------------

# vis-network is not fetched any more: the views serve the standalone build that the pinned
# pyvis wheel ships (visualizations/render.py), so no page needs npm.
