# tests/browser/web_modules.sh — sourced by the browser tests: make the npm packages of web/
# (package.json + package-lock.json: leaflet, cesium, puppeteer-core) available under
# $BMD_WEB_DIR/node_modules (default: build/web beside the bmdsim binary), with `npm ci` when they
# are missing or older than the lock. Nothing is copied into the source tree. Sets web_dir; returns
# 77 (skip) with a message when node or npm is missing or the registry cannot be reached.
bmd_web_modules() {
    local src=$1 bin_dir=$2
    web_dir=${BMD_WEB_DIR:-$bin_dir/web}
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        echo "SKIP: node and npm are needed (scripts/deps.sh test list: nodejs npm)"; return 77
    fi
    mkdir -p "$web_dir" || return 1
    if [ ! -f "$web_dir/node_modules/.package-lock.json" ] ||
       ! cmp -s "$src/web/package-lock.json" "$web_dir/package-lock.json"; then
        cp "$src/web/package.json" "$src/web/package-lock.json" "$web_dir/" || return 1
        if ! (cd "$web_dir" && timeout 900 npm ci --no-audit --no-fund --ignore-scripts >npm-ci.log 2>&1); then
            if grep -qiE "ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network" "$web_dir/npm-ci.log"; then
                echo "SKIP: the npm registry cannot be reached ($(grep -m1 -iE 'ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network' "$web_dir/npm-ci.log"))"
                return 77
            fi
            echo "FAIL: npm ci in $web_dir failed:"; tail -5 "$web_dir/npm-ci.log"; return 1
        fi
    fi
    return 0
}

# The Chromium binary for puppeteer-core.
bmd_chromium() {
    for c in "${BMD_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
        [ -n "$c" ] && [ -x "$c" ] && { echo "$c"; return 0; }
    done
    return 1
}
