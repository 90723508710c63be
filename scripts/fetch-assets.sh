#!/usr/bin/env bash
# Fetches the browser assets (JavaScript/CSS) the pages serve locally, from the npm registry,
# into the package's static/vendor folders. Idempotent: does nothing when they are present.
set -euo pipefail
cd "$(dirname "$0")/.."

# ---- BEGIN yasgui (api helper; issue 5) ---------------------------------------------------------
# YASGUI, the SPARQL editor the query page at /sparql and /query serves, from the npm registry
# (never a CDN), into the gitignored api/static/vendor/. `npm pack` fetches the exact pinned
# tarball (integrity-checked by npm); we copy only the browser bundle, its stylesheet, the licence.
YASGUI_VERSION="4.6.2"
YASGUI_DEST="api/static/vendor/yasgui"
if [ "$(cat "$YASGUI_DEST/VERSION" 2>/dev/null || true)" != "$YASGUI_VERSION" ]; then
    yasgui_tmp="$(mktemp -d)"
    (cd "$yasgui_tmp" && npm pack --silent "@zazuko/yasgui@$YASGUI_VERSION" >/dev/null \
        && tar xzf "zazuko-yasgui-$YASGUI_VERSION.tgz")
    mkdir -p "$YASGUI_DEST"
    cp "$yasgui_tmp/package/build/yasgui.min.js" "$yasgui_tmp/package/build/yasgui.min.css" "$YASGUI_DEST/"
    cp "$yasgui_tmp"/package/LICENSE* "$YASGUI_DEST/" 2>/dev/null || true
    echo "$YASGUI_VERSION" > "$YASGUI_DEST/VERSION"
    rm -rf "$yasgui_tmp"
    echo "assets: yasgui $YASGUI_VERSION -> $YASGUI_DEST"
else
    echo "assets: yasgui $YASGUI_VERSION present"
fi
# ---- END yasgui ---------------------------------------------------------------------------------

# ---- BEGIN vis-network (visualizations helper; issue 6) ----------------------------------------
# vis-network for the network views, from the npm registry (never a CDN), into the gitignored
# visualizations/static/vendor/. `npm pack` fetches the exact pinned tarball (integrity-checked
# by npm); we copy only the standalone UMD build, its stylesheet and the licences.
VIS_NETWORK_VERSION="10.1.5"
VIS_DEST="visualizations/static/vendor/vis-network"
if [ "$(cat "$VIS_DEST/VERSION" 2>/dev/null || true)" != "$VIS_NETWORK_VERSION" ]; then
    vis_tmp="$(mktemp -d)"
    (cd "$vis_tmp" && npm pack --silent "vis-network@$VIS_NETWORK_VERSION" >/dev/null \
        && tar xzf "vis-network-$VIS_NETWORK_VERSION.tgz")
    mkdir -p "$VIS_DEST"
    cp "$vis_tmp/package/standalone/umd/vis-network.min.js" "$VIS_DEST/"
    cp "$vis_tmp/package/styles/vis-network.min.css" "$VIS_DEST/"
    cp "$vis_tmp"/package/LICENSE* "$VIS_DEST/"
    echo "$VIS_NETWORK_VERSION" > "$VIS_DEST/VERSION"
    rm -rf "$vis_tmp"
    echo "assets: vis-network $VIS_NETWORK_VERSION -> $VIS_DEST"
else
    echo "assets: vis-network $VIS_NETWORK_VERSION present"
fi
# ---- END vis-network ---------------------------------------------------------------------------
