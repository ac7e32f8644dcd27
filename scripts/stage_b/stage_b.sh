#!/usr/bin/env bash
# stage_b.sh — issue 14, stage B: split src/io into data/analysis/export/render/report (+ core),
# retire src/flight/brent.[ch] for src/num, regenerate the explicit CMake lists, the layer check and
# the umbrella header, prefix every non-bmd_ global with bmd_, spell 'defense' in identifiers,
# apply the verb set (_init, _name, _parse), mark public declarations with BMD_API.
#
# Usage: stage_b.sh [ROOT] [options]       ROOT: a checkout of the merged main (default: .)
#   --archive PATH   libbmd.a to read the non-bmd_ globals from (default: build it in
#                    ROOT/build/stageb with ccache, target bmd only)
#   --lists-only     only regenerate the CMake source lists from the files on disk (use right after
#                    merging h7-architecture, before anything else, if other branches added files)
#   --symbols-file F also prefix the names listed in F (one a line; e.g. stage_b_symbols.txt, the
#                    137 globals of main 934cf98): for re-running on a merge whose new code still
#                    uses old names (then the library may not build to be read; no build is done)
#   --no-symbols     skip the bmd_ prefixing of globals
#   --no-verbs       skip the verb renames (_default -> _init, _string -> _name, _from_name -> _parse)
#   --no-move        skip the src/io split
#   --allow-dirty    run on a tree with uncommitted changes
# Prints every action. Idempotent where it can be (a second run finds nothing to move or rename).
# Afterwards: build, ctest, review 'git diff --stat', commit. See stage_b.md for what stays manual.
set -euo pipefail
ROOT=.
ARGS=()
archive=""
symfile=""
while [ $# -gt 0 ]; do
    case $1 in
    --archive) archive=$2; shift ;;
    --symbols-file) symfile=$(realpath "$2"); shift ;;
    --*) ARGS+=("$1") ;;
    *) ROOT=$1 ;;
    esac
    shift
done
[ -z "$archive" ] || archive=$(realpath "$archive")
cd "$ROOT"
[ -f CMakeLists.txt ] && [ -d src ] && [ -f cmake/BmdLayers.cmake ] ||
    { echo "stage_b: $PWD is not a bmdsim checkout with cmake/BmdLayers.cmake (merge h7-architecture first)" >&2; exit 2; }
if [[ " ${ARGS[*]-} " != *" --allow-dirty "* ]] && [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "stage_b: uncommitted changes in $PWD (commit them, or --allow-dirty)" >&2; exit 2
fi
ARGS_STR=" ${ARGS[*]-} "
if [[ $ARGS_STR != *" --lists-only "* && $ARGS_STR != *" --no-symbols "* && -z $archive && -z $symfile ]]; then
    echo "== building libbmd.a (build/stageb) to list its global symbols"
    cmake -S . -B build/stageb -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER_LAUNCHER=ccache \
        -DBMD_BUILD_TESTS=OFF -DBMD_BUILD_BENCH=OFF >build/stageb.configure.log 2>&1 ||
        { cat build/stageb.configure.log; exit 1; }
    cmake --build build/stageb -j2 --target bmd >build/stageb.build.log 2>&1 ||
        { tail -40 build/stageb.build.log; exit 1; }
    archive=build/stageb/libbmd.a
fi
SYMS=""
if [ -n "$archive" ]; then
    SYMS=$(nm -g --defined-only "$archive" | awk 'NF == 3 && $3 !~ /^bmd_/ && $3 !~ /^\./ {print $3}' | sort -u | tr '\n' ' ')
fi
if [ -n "$symfile" ]; then
    SYMS="$SYMS $(grep -v '^bmd_' "$symfile" | tr '\n' ' ')"
    export STAGEB_KNOWN_SYMS="$(grep -v '^bmd_' "$symfile" | tr '\n' ' ')"
fi
STAGEB_SYMS=$SYMS STAGEB_ARGS=$ARGS_STR python3 - <<'PY'
import os, re, subprocess, sys

ARGS = os.environ["STAGEB_ARGS"]
LISTS_ONLY = " --lists-only " in ARGS
DO_SYMBOLS = " --no-symbols " not in ARGS and not LISTS_ONLY
DO_VERBS = " --no-verbs " not in ARGS and not LISTS_ONLY
DO_MOVE = " --no-move " not in ARGS and not LISTS_ONLY
SYMS = sorted(set(os.environ.get("STAGEB_SYMS", "").split()))
# names renamed by an earlier run (--symbols-file): bmd_X existing is that earlier rename
KNOWN_SYMS = set(os.environ.get("STAGEB_KNOWN_SYMS", "").split())

LAYERS = ["core", "num", "earth", "flight", "defense", "data", "analysis", "export", "render",
          "report"]
RANK = {l: i for i, l in enumerate(LAYERS)}
# src/io file stem (or public header name) -> layer, longest prefix first
RULES = [
    ("report", "report"),
    ("analysis", "analysis"), ("scene", "analysis"), ("montecarlo", "analysis"), ("monte_carlo", "analysis"),
    ("scenario", "data"), ("catalog", "data"), ("radar_catalog", "data"),
    ("interceptor_catalog", "data"), ("yaml", "data"), ("points", "data"),
    ("atomic_file", "core"), ("strbuf", "core"),
    ("geojson", "export"), ("kml", "export"), ("geo_split", "export"), ("footprint_io", "export"),
    ("footprint_input", "data"), ("footprint_summary", "analysis"),
    ("csv", "export"), ("json", "export"), ("palette", "export"), ("export", "export"),
    ("map", "render"), ("svg", "render"), ("plot", "render"), ("png", "render"),
    ("raster", "render"), ("render", "render"), ("figure", "render"),
]
RULES.sort(key=lambda r: -len(r[0]))
CODE_DIRS = ["src", "cli", "tests", "bench", "examples", "include"]
TEXT_DIRS = CODE_DIRS + ["docs", "scripts"]
actions = []
warnings = []


def say(msg):
    print(msg)
    actions.append(msg)


def warn(msg):
    print("WARNING: " + msg)
    warnings.append(msg)


def git(*a):
    subprocess.run(["git"] + list(a), check=True)


def files(dirs, exts):
    out = []
    for d in dirs:
        for base, _, names in os.walk(d):
            if "/build" in base or base.startswith("build"):
                continue
            for n in names:
                if n.endswith(exts):
                    out.append(os.path.join(base, n))
    return sorted(out)


def layer_of(stem, path=None):
    for p, l in RULES:
        if stem.startswith(p):
            return l
    if path and os.path.exists(path):  # unknown name: look at what it includes
        text = open(path).read()
        if re.search(r'#include\s+"(io/)?yaml_walk\.h"|<yaml\.h>', text):
            return "data"
        if re.search(r'#include\s+"(io/)?(svg|map_canvas|map_internal)\.h"', text):
            return "render"
        if re.search(r'#include\s+"(io/)?report_internal\.h"', text):
            return "report"
    return None


# string literals (and char literals, so that '"' does not open a string)
STRING_RE = re.compile(r"'(?:\\.|[^'\\\n])'|\"(?:\\.|[^\"\\\n])*\"")


def sub_code(text, pattern, repl):
    """re.sub outside string literals and #include lines."""
    out = []
    for line in text.split("\n"):
        if line.lstrip().startswith("#include"):
            out.append(line)
            continue
        parts = []
        last = 0
        for m in STRING_RE.finditer(line):
            parts.append(pattern.sub(repl, line[last:m.start()]))
            parts.append(m.group(0))
            last = m.end()
        parts.append(pattern.sub(repl, line[last:]))
        out.append("".join(parts))
    return "\n".join(out)


def rename_words(mapping, dirs, exts=(".c", ".h"), code=True, label="rename"):
    if not mapping:
        return 0
    pat = re.compile(r"\b(" + "|".join(sorted(map(re.escape, mapping), key=len, reverse=True)) + r")\b")
    changed = 0
    for f in files(dirs, exts):
        text = open(f).read()
        new = sub_code(text, pat, lambda m: mapping[m.group(1)]) if code else \
            pat.sub(lambda m: mapping[m.group(1)], text)
        if new != text:
            open(f, "w").write(new)
            changed += 1
    say(f"{label}: {len(mapping)} name(s) rewritten in {changed} file(s)")
    return changed


# ------------------------------------------------------------------ 1. the src/io split
moved = {}  # old path (src/io/x.h) -> new path
if DO_MOVE and os.path.isdir("src/io"):
    for n in sorted(os.listdir("src/io")):
        path = os.path.join("src/io", n)
        stem = os.path.splitext(n)[0]
        l = layer_of(stem, path)
        if l is None:
            l = "analysis"
            warn(f"{path}: no rule for its name; put in src/analysis (check it)")
        dest = os.path.join("src", l, n)
        if os.path.exists(dest):
            warn(f"{path}: {dest} exists already; left in place")
            continue
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        git("mv", path, dest)
        moved[path] = dest
        say(f"git mv {path} {dest}")
    if os.path.isdir("src/io") and not os.listdir("src/io"):
        os.rmdir("src/io")

# private includes "io/x.h" -> "layer/x.h"; paths in comments and docs
if moved:
    inc_map = {old[len("src/"):]: new[len("src/"):] for old, new in moved.items() if old.endswith(".h")}
    pat = re.compile(r'#include\s+"(' + "|".join(map(re.escape, inc_map)) + r')"')
    n = 0
    for f in files(CODE_DIRS, (".c", ".h")):
        t = open(f).read()
        u = pat.sub(lambda m: '#include "%s"' % inc_map[m.group(1)], t)
        if u != t:
            open(f, "w").write(u)
            n += 1
    say(f"#include \"io/...\" rewritten in {n} file(s)")
    path_map = {old: new for old, new in moved.items()}
    pat = re.compile(r"\b(" + "|".join(map(re.escape, path_map)) + r")\b")
    n = 0
    for f in files(TEXT_DIRS, (".c", ".h", ".md", ".sh", ".py", ".txt")) + ["README.md", "CMakeLists.txt"]:
        t = open(f).read()
        u = pat.sub(lambda m: path_map[m.group(1)], t)
        if u != t:
            open(f, "w").write(u)
            n += 1
    say(f"paths src/io/... rewritten in {n} text file(s)")

# re-run after a merge: #include "io/x.h" left in new code, x.h already moved by an earlier run
if not LISTS_ONLY:
    where = {}
    for l in LAYERS:
        d = os.path.join("src", l)
        if os.path.isdir(d):
            for n in os.listdir(d):
                if n.endswith(".h"):
                    where.setdefault(n, l)
    pat = re.compile(r'#include\s+"io/(\w+\.h)"')
    n = 0
    for f in files(CODE_DIRS, (".c", ".h")):
        t = open(f).read()
        u = pat.sub(lambda m: '#include "%s/%s"' % (where[m.group(1)], m.group(1))
                    if m.group(1) in where and not os.path.exists("src/io/" + m.group(1)) else m.group(0), t)
        if u != t:
            open(f, "w").write(u)
            n += 1
    if n:
        say(f"leftover #include \"io/...\" rewritten in {n} file(s)")

# ------------------------------------------------------------------ 2. brent.[ch] -> src/num
if not LISTS_ONLY and os.path.exists("src/num/num_brent.c"):
    if os.path.exists("src/flight/brent.c"):
        git("rm", "-q", "src/flight/brent.c", "src/flight/brent.h")
        say("git rm src/flight/brent.c src/flight/brent.h (bmd_num_brent_root in src/num/num_brent.c)")
    for f in files(CODE_DIRS, (".c", ".h")):
        t = open(f).read()
        u = t.replace('#include "flight/brent.h"', '#include "bmd/num.h"')
        if u != t:
            open(f, "w").write(u)
    rename_words({"bmd_brent_root": "bmd_num_brent_root", "bmd_brent_stop": "bmd_num_stop",
                  "bmd_brent_fn": "bmd_num_fn"}, CODE_DIRS, label="brent -> num")

# ------------------------------------------------------------------ 3. symbols: bmd_ prefix
if DO_SYMBOLS and SYMS:
    OVERRIDES = {"map_project": "bmd_map_canvas_project"}
    words = set()
    for f in files(CODE_DIRS, (".c", ".h")):
        words.update(re.findall(r"\bbmd_\w+", open(f).read()))
    mapping = {}
    for s in SYMS:
        new = OVERRIDES.get(s, "bmd_" + s)
        if new in words and s not in OVERRIDES and s not in KNOWN_SYMS:
            new = "bmd_" + s + "_internal"
            warn(f"{s}: bmd_{s} exists already; renamed to {new}")
        mapping[s] = new
    rename_words(mapping, CODE_DIRS, label="globals prefixed bmd_")
    say("  " + ", ".join(f"{k}->{v}" for k, v in sorted(mapping.items())))

# ------------------------------------------------------------------ 4. one spelling: defense
if not LISTS_ONLY:
    ids = set()
    for f in files(CODE_DIRS, (".c", ".h")):
        for line in open(f):
            if line.lstrip().startswith("#include"):
                continue
            ids.update(w for w in re.findall(r"\b\w*defence\w*\b", STRING_RE.sub("", line)) if "_" in w)
    rename_words({w: w.replace("defence", "defense") for w in sorted(ids)}, CODE_DIRS,
                 label="identifiers 'defence' -> 'defense'")
    # and the same identifiers where documents name them
    rename_words({w: w.replace("defence", "defense") for w in sorted(ids) if w.startswith("bmd_")},
                 ["docs"], exts=(".md",), code=False, label="  ... in docs")

# ------------------------------------------------------------------ 5. verbs
if DO_VERBS:
    decl = re.compile(r"^(?:BMD_API\s+)?([\w\s\*]+?)\b(bmd_\w+)\s*\(([^)]*)\)", re.M)
    public = {}
    for f in files(["include"], (".h",)):
        for m in decl.finditer(open(f).read()):
            public[m.group(2)] = (m.group(1).strip(), m.group(3))
    words = set()
    for f in files(CODE_DIRS, (".c", ".h")):
        words.update(re.findall(r"\bbmd_\w+", open(f).read()))
    mapping = {}
    for name, (ret, params) in sorted(public.items()):
        new = None
        if name.endswith("_default"):
            new = name[:-len("_default")] + "_init"
        elif name.endswith("_default_for"):
            new = name[:-len("_default_for")] + "_init_for"
        elif name.endswith("_string") and ret.startswith("const char") and "," not in params and "*" not in params:
            new = name[:-len("_string")] + "_name"
        elif name.endswith("_from_name"):
            new = name[:-len("_from_name")] + "_parse"
        if not new:
            continue
        if new in words or new in public:
            warn(f"verb: {name} -> {new} skipped, {new} exists already")
            continue
        mapping[name] = new
    # the renames of the first run (main 934cf98): old names in code merged afterwards
    KNOWN_VERBS = dict(p.split("->") for p in """bmd_aim_fly_options_default->bmd_aim_fly_options_init bmd_analysis_footprint_options_default->bmd_analysis_footprint_options_init bmd_analysis_options_default->bmd_analysis_options_init bmd_analysis_status_string->bmd_analysis_status_name bmd_engage_options_default->bmd_engage_options_init bmd_engage_reason_string->bmd_engage_reason_name bmd_exchange_doctrine_from_name->bmd_exchange_doctrine_parse bmd_flight_options_default->bmd_flight_options_init bmd_flyout_options_default->bmd_flyout_options_init bmd_footprint_options_default->bmd_footprint_options_init bmd_footprint_status_string->bmd_footprint_status_name bmd_interceptor_default->bmd_interceptor_init bmd_ir_sensor_default->bmd_ir_sensor_init bmd_kml_options_default->bmd_kml_options_init bmd_loft_band_spec_default->bmd_loft_band_spec_init bmd_loft_setup_default->bmd_loft_setup_init bmd_ode_options_default->bmd_ode_options_init bmd_plan_default->bmd_plan_init bmd_plan_default_for->bmd_plan_init_for bmd_radar_default->bmd_radar_init bmd_reach_reason_string->bmd_reach_reason_name bmd_required_speed_options_default->bmd_required_speed_options_init bmd_status_string->bmd_status_name bmd_timeline_default->bmd_timeline_init""".split())
    for k, v in KNOWN_VERBS.items():
        if k not in public:
            mapping.setdefault(k, v)
    rename_words(mapping, CODE_DIRS, label="verbs (_init, _name, _parse)")
    rename_words(mapping, ["docs"], exts=(".md",), code=False, label="  ... in docs")
    rename_words(mapping, ["."], exts=("README.md",), code=False, label="  ... in README")
    say("  " + ", ".join(f"{k}->{v}" for k, v in sorted(mapping.items())))

# ------------------------------------------------------------------ 6. layer map of the headers
def header_layers():
    """Public header -> layer: the current check_layers.sh, io headers re-assigned by name."""
    text = open("tests/check_layers.sh").read()
    body = text[text.index("layer_of_header()"):]
    body = body[:body.index("esac")]
    m = {}
    for names, l in re.findall(r"^\s*([\w|]+)\)\s*echo\s+(\w+)\s*;;", body, re.M):
        for n in names.split("|"):
            if n not in ("bmd", "*"):
                m[n] = l
    # bmd/footprint_io.h declares the grid input (data), the summary (analysis) and the writers
    # (export); analysis.h needs its types, so it counts as analysis until it is split (stage_b.md)
    HEADER_OVERRIDES = {"footprint_io": "analysis"} if not os.path.exists("include/bmd/footprint_summary.h") else {}
    for h in sorted(os.listdir("include/bmd")):
        n = h[:-2]
        if not h.endswith(".h") or n == "bmd":
            continue
        if n in HEADER_OVERRIDES and m.get(n) in (None, "io"):
            m[n] = HEADER_OVERRIDES[n]
            warn(f"include/bmd/{h}: assigned to {m[n]} (mixed content: split it, see stage_b.md)")
            continue
        if m.get(n) in (None, "io"):
            l = layer_of(n)
            if l is None:
                l = "analysis"
                warn(f"include/bmd/{h}: no layer known; assigned to analysis (check it)")
            m[n] = l
    # only headers that exist (the old map also named some that do not)
    return {n: l for n, l in m.items() if os.path.exists(f"include/bmd/{n}.h")}


if not LISTS_ONLY:
    hl = header_layers()
    by_layer = {l: sorted(n for n, x in hl.items() if x == l) for l in LAYERS}
    cases = "\n".join(f"    {'|'.join(by_layer[l])}) echo {l} ;;" for l in LAYERS if by_layer[l])
    ranks = " ".join(f"{l}) echo {i} ;;" for i, l in enumerate(LAYERS)) + f" cli) echo {len(LAYERS)} ;;"
    dirs = " ".join(LAYERS)
    script = f'''#!/usr/bin/env bash
# Layering check: {" -> ".join(LAYERS)} -> cli. A file may include headers of its own layer or
# lower ones, never higher. Public headers are assigned to layers below; a new header must be added
# here (the check fails on an unknown one, so the list cannot silently go stale). It also runs
# before the library compiles (cmake/BmdLayers.cmake), so an upward include fails the build.
# Usage: check_layers.sh [SOURCE_ROOT]
set -u
root=${{1:-$(dirname "$0")/..}}
cd "$root" || exit 2

rank_of_layer() {{
    case $1 in {ranks} *) echo -1 ;; esac
}}
layer_of_header() {{
    case $1 in
{cases}
    bmd) echo report ;;  # the umbrella header includes everything
    *) echo unknown ;;
    esac
}}

fail=0; checked=0
check_file() {{ # check_file FILE LAYER
    local file=$1 layer=$2 own inc hl
    own=$(rank_of_layer "$layer")
    while read -r inc; do
        hl=$(layer_of_header "$inc")
        if [ "$hl" = unknown ]; then
            echo "$file: includes bmd/$inc.h, which tests/check_layers.sh does not assign to a layer"
            fail=$((fail + 1)); continue
        fi
        if [ "$(rank_of_layer "$hl")" -gt "$own" ]; then
            echo "$file (layer $layer) includes bmd/$inc.h (layer $hl): lower layers never include higher ones"
            fail=$((fail + 1))
        fi
    done < <(grep -oE '#include +"bmd/[a-z_0-9]+\\.h"' "$file" | sed -E 's/.*bmd\\/([a-z_0-9]+)\\.h.*/\\1/')
    # private headers: "layer/x.h" of the same or a lower layer only
    while read -r inc; do
        if [ "$(rank_of_layer "$inc")" -gt "$own" ]; then
            echo "$file (layer $layer) includes a private header of layer $inc: lower layers never include higher ones"
            fail=$((fail + 1))
        fi
    done < <(grep -oE '#include +"(\\.\\./)?[a-z]+/[a-z_0-9]+\\.h"' "$file" | sed -E 's/.*"(\\.\\.\\/)?([a-z]+)\\/.*/\\2/' | grep -v '^bmd$')
    checked=$((checked + 1))
}}

for dir in {dirs}; do
    for f in src/$dir/*.c src/$dir/*.h; do [ -f "$f" ] && check_file "$f" "$dir"; done
done
for f in src/*/*.[ch]; do
    d=$(basename "$(dirname "$f")")
    [ "$(rank_of_layer "$d")" -ge 0 ] || {{ echo "$f: folder src/$d is not a layer of tests/check_layers.sh"; fail=$((fail + 1)); }}
done
for f in include/bmd/*.h; do
    name=$(basename "$f" .h)
    layer=$(layer_of_header "$name")
    if [ "$layer" = unknown ]; then
        echo "$f: public header not assigned to a layer in tests/check_layers.sh"; fail=$((fail + 1)); continue
    fi
    check_file "$f" "$layer"
done
echo "layers: $checked passed, $fail failed"
[ "$fail" -eq 0 ]
'''
    open("tests/check_layers.sh", "w").write(script)
    say("tests/check_layers.sh regenerated: " + "; ".join(f"{l}: {' '.join(by_layer[l])}" for l in LAYERS if by_layer[l]))

    # the umbrella header, grouped by layer
    u = open("include/bmd/bmd.h").read()
    head = u[:u.index("#define BMD_BMD_H") + len("#define BMD_BMD_H")]
    body = "\n"
    for l in LAYERS:
        if by_layer[l]:
            body += f"\n/* {l} */\n" + "".join(f'#include "bmd/{n}.h"\n' for n in by_layer[l])
    open("include/bmd/bmd.h", "w").write(head + body + "\n#endif\n")
    say("include/bmd/bmd.h regrouped by layer")

# ------------------------------------------------------------------ 7. CMake source lists
def wrap(items, indent, first_prefix, width=100):
    lines, cur = [], first_prefix
    for it in items:
        if len(cur) + 1 + len(it) > width and cur.strip():
            lines.append(cur)
            cur = indent + it
        else:
            cur = (cur + " " + it) if cur.strip() else cur + it
    lines.append(cur)
    return "\n".join(lines)


cm = open("CMakeLists.txt").read()
a = cm.index("# layers: begin")
a = cm.index("\n", a) + 1
b = cm.index("# layers: end")
present = [l for l in LAYERS if os.path.isdir(f"src/{l}")] + \
    [d for d in sorted(os.listdir("src")) if os.path.isdir(f"src/{d}") and d not in LAYERS]
block = ""
for i, l in enumerate(present):
    srcs = sorted(f"src/{l}/{n}" for n in os.listdir(f"src/{l}") if n.endswith(".c"))
    if not srcs:
        continue
    deps = [d for d in reversed(present[:i])]
    head = f"bmd_add_layer({l}" + (" DEPENDS " + " ".join(deps) if deps else "")
    block += head + "\n" + wrap(srcs, "    ", "  SOURCES") + ")\n"
cm = cm[:a] + block + cm[b:]
a = cm.index("# cli sources: begin")
a = cm.index("\n", a) + 1
b = cm.index("# cli sources: end")
clis = sorted(f"cli/{n}" for n in os.listdir("cli") if n.endswith(".c"))
cm = cm[:a] + "add_executable(bmdsim\n" + wrap(clis, "  ", "  ") + ")\n" + cm[b:]
if DO_SYMBOLS and SYMS:
    cm = cm.replace('option(BMD_CHECK_STATIC_SYMBOLS "Test that every global symbol of libbmd.a starts with bmd_" OFF)',
                    'option(BMD_CHECK_STATIC_SYMBOLS "Test that every global symbol of libbmd.a starts with bmd_" ON)')
open("CMakeLists.txt", "w").write(cm)
say("CMakeLists.txt: layer and cli source lists regenerated (" + ", ".join(present) + ")")

t = open("tests/CMakeLists.txt").read()
progs = sorted(n[:-2] for n in os.listdir("tests") if n.startswith("test_") and n.endswith(".c"))
clit = sorted(n[:-3] for n in os.listdir("tests") if n.startswith("cli_") and n.endswith(".sh"))
t = re.sub(r"set\(BMD_TEST_PROGRAMS\n[^)]*\)", "set(BMD_TEST_PROGRAMS\n" + wrap(progs, "  ", "  ") + ")", t)
t = re.sub(r"set\(BMD_CLI_TESTS\n[^)]*\)", "set(BMD_CLI_TESTS\n" + wrap(clit, "  ", "  ") + ")", t)
open("tests/CMakeLists.txt", "w").write(t)
say(f"tests/CMakeLists.txt: {len(progs)} unit tests, {len(clit)} CLI tests listed")
bt = open("bench/CMakeLists.txt").read()
benches = sorted(n[:-2] for n in os.listdir("bench") if n.startswith("bench_") and n.endswith(".c"))
gsl = [b_ for b_ in benches if "gsl" in open(f"bench/{b_}.c").read()]
plain = [b_ for b_ in benches if b_ not in gsl]
bt = re.sub(r"set\(BMD_BENCH_PLAIN [^)]*\)", "set(BMD_BENCH_PLAIN " + " ".join(plain) + ")", bt)
bt = re.sub(r"set\(BMD_BENCH_GSL [^)\"]*\)", "set(BMD_BENCH_GSL " + " ".join(gsl) + ")", bt, count=1)
open("bench/CMakeLists.txt", "w").write(bt)
say(f"bench/CMakeLists.txt: plain {' '.join(plain)}; GSL {' '.join(gsl)}")

# ------------------------------------------------------------------ 8. BMD_API on new declarations
if not LISTS_ONLY:
    r = subprocess.run(["python3", "scripts/annotate_api.py", "include/bmd"], capture_output=True, text=True)
    say("scripts/annotate_api.py: " + r.stdout.strip().splitlines()[-1])

print("\n== stage_b summary: %d action(s), %d warning(s)" % (len(actions), len(warnings)))
for w in warnings:
    print("WARNING: " + w)
PY
echo "== next: cmake -S . -B build/release -DCMAKE_C_COMPILER_LAUNCHER=ccache && cmake --build build/release -j2 && ctest --test-dir build/release -j2"
