#!/usr/bin/env bash
# Fetches the browser assets (JavaScript/CSS) the pages serve locally, from the npm registry,
# into the package's static/vendor folders. Idempotent: does nothing when they are present.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "assets: nothing to fetch yet"
