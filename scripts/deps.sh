# scripts/deps.sh — sourced by test.sh and demo.sh: make sure the Debian packages bmdsim needs are
# installed. As root, installs what is missing with apt-get; otherwise prints the exact apt-get
# line and returns 2. Two lists, one package a line:
#   build: what building the library and bmdsim and running the demo need (./demo.sh);
#   test:  what only the test suite and the benchmarks add (./test.sh installs both lists).
# nodejs and npm (test): the browser tests install web/package-lock.json's packages (cesium,
# leaflet, puppeteer-core) with `npm ci` into the build tree (tests/browser/web_modules.sh).
# chromium (headless) takes the screenshot of the report in tests/cli_report.sh; installing it
# (about 70 packages, ~100 MB download) took about two minutes on the 2-core test machine.
BMD_BUILD_PACKAGES="
gcc
make
cmake
pkg-config
libproj-dev
libcjson-dev
libyaml-dev
librsvg2-dev
"
BMD_TEST_PACKAGES="
libcmocka-dev
libgsl-dev
libxml2-dev
python3
chromium
libopenmpi-dev
openmpi-bin
python3-shapely
clang
libomp-dev
libclang-rt-dev
locales
python3-dev
python3-cffi
python3-numpy
python3-pytest
python3-matplotlib
python3-nbclient
python3-nbformat
python3-ipykernel
nodejs
npm
"

# The packages of the named lists (build, test) that are not installed.
bmd_missing_packages() {
    local missing="" p list packages=""
    for list in "$@"; do
        case $list in
        build) packages="$packages $BMD_BUILD_PACKAGES" ;;
        test) packages="$packages $BMD_TEST_PACKAGES" ;;
        *) echo "bmd_missing_packages: unknown list '$list' (build, test)" >&2; return 2 ;;
        esac
    done
    for p in $packages; do
        # node and npm from elsewhere (e.g. NodeSource's nodejs, which bundles npm and conflicts
        # with Debian's npm package) serve the browser tests just as well
        case $p in nodejs|npm) command -v "${p%js}" >/dev/null 2>&1 && continue ;; esac
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    printf '%s' "${missing# }"
}

# bmd_ensure_deps LIST...: install what the lists need (build: ./demo.sh; build test: ./test.sh).
bmd_ensure_deps() {
    local missing
    missing=$(bmd_missing_packages "${@:-build}") || return 2
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "bmdsim needs these Debian packages: $missing" >&2
        echo "install them with: sudo apt-get install -y $missing" >&2
        return 2
    fi
    echo "installing Debian packages: $missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || return 1
    apt-get install -y -qq --no-install-recommends $missing >&2 || return 1
}

# The decimal-comma locale the tests run bmdsim under (tests/cli_hostile_input.sh): generated as
# root when missing (the 'locales' package ships its definition).
bmd_ensure_locale() {
    locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$' && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "the tests need the de_DE.UTF-8 locale: sudo localedef -i de_DE -f UTF-8 de_DE.UTF-8" >&2
        return 2
    fi
    localedef -i de_DE -f UTF-8 de_DE.UTF-8 >&2
}

# Configure and build one tree: bmd_build DIR [cmake args...]
bmd_build() {
    local dir=$1; shift
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >"$dir.configure.log" 2>&1 \
        || { cat "$dir.configure.log" >&2; return 1; }
    if ! cmake --build "$dir" -j "$(nproc)" >"$dir.build.log" 2>&1; then
        cat "$dir.build.log" >&2
        return 1
    fi
    grep -E 'warning:' "$dir.build.log" >&2 || true
}
