#!/usr/bin/env python3
"""Stage B duplicates (issue 14): idempotent edits, bit-identical by construction.
Run from the repository root after stage_b.sh:  python3 scripts/stage_b/stage_b_dups.py
Only replaces forms whose double value is identical:
  (180.0 / M_PI) == BMD_DEG_PER_RAD, (M_PI / 180.0) == BMD_RAD_PER_DEG, 40.0*M_PI/180.0 == 40.0*BMD_RAD_PER_DEG.
Leaves x * M_PI / 180 (rounds differently), files in src/defense (owned elsewhere)."""
import os, re, sys

def edit(path, subs, include=True):
    if not os.path.exists(path):
        print(f"skip {path}: missing"); return
    s = o = open(path).read()
    for a, b, is_re in subs:
        s = re.sub(a, b, s) if is_re else s.replace(a, b)
    if include and s != o and '#include "bmd/units.h"' not in s:
        # after the last #include line of the first include block
        m = list(re.finditer(r'^#include [<"].*$', s, re.M))
        if m:
            i = m[-1].end()
            s = s[:i] + '\n#include "bmd/units.h"' + s[i:]
    if s != o:
        open(path, "w").write(s); print(f"edited {path}")
    else:
        print(f"unchanged {path}")

DOT3 = (r'\nstatic double dot3\(const double a\[3\], const double b\[3\]\)\n\{\n    return a\[0\] \* b\[0\] \+ a\[1\] \* b\[1\] \+ a\[2\] \* b\[2\];\n\}\n', '', True)
NORM3 = (r'\nstatic double norm3\(const double a\[3\]\) \{ return sqrt\(dot3\(a, a\)\); \}\n', '', True)
edit("src/flight/aim_target.c", [DOT3, (r'\bdot3\(', 'bmd_dot3(', True), (r'\bbmd_bmd_dot3', 'bmd_dot3', True)])
edit("src/flight/kepler.c", [DOT3, NORM3, (r'#define KEPLER_RAD_TO_DEG [0-9.]+\n', '', True),
     (r'\bKEPLER_RAD_TO_DEG\b', 'BMD_DEG_PER_RAD', True),
     (r'(?<!bmd_)\bdot3\(', 'bmd_dot3(', True), (r'(?<!bmd_)\bnorm3\(', 'bmd_norm3(', True)])
DEG = (r'#define DEG \(180\.0 / M_PI\)', '#define DEG BMD_DEG_PER_RAD', True)
for f in ["src/report/report_footprints.c", "src/analysis/analysis_footprint.c",
          "src/export/footprint_io.c", "src/export/footprint_export.c", "cli/footprint_cmd.h"]:
    edit(f, [DEG])
COV = (r'#define COVERAGE_STEP_RAD \(M_PI / 180\.0\)', '#define COVERAGE_STEP_RAD BMD_RAD_PER_DEG', True)
for f in ["src/export/kml.c", "src/export/geojson.c", "src/render/map.c"]:
    edit(f, [COV])
edit("src/data/radar_catalog.c", [(r'\? M_PI / 180\.0 : 1\.0', '? BMD_RAD_PER_DEG : 1.0', True)])
edit("src/flight/trajectory_series.c", [(r'40\.0 \* M_PI / 180\.0', '40.0 * BMD_RAD_PER_DEG', True)])

# BMD_DATA_DIR lookups in cli/ -> bmd_data_dir() (bmd/version.h); then the -DBMD_DATA_DIR of bmdsim goes.
import glob
for p in sorted(glob.glob("cli/*.c")):
    s = o = open(p).read()
    s = s.replace('#ifndef BMD_DATA_DIR\n#define BMD_DATA_DIR "data"\n#endif\n', '')
    s = re.sub(r'\n[ \t]*const char \*env = getenv\("BMD_DATA_DIR"\);', '', s)
    s = s.replace(', *env = getenv("BMD_DATA_DIR");', ';')
    s = s.replace('(env && *env ? env : BMD_DATA_DIR)', 'bmd_data_dir()')
    s = s.replace('env && *env ? env : BMD_DATA_DIR', 'bmd_data_dir()')
    s = re.sub(r'dir = bmd_data_dir\(\);', 'dir = bmd_data_dir();', s)
    if s != o:
        if '"bmd/version.h"' not in s:
            m = list(re.finditer(r'^#include ".*$', s, re.M)); i = m[-1].end()
            s = s[:i] + '\n#include "bmd/version.h"' + s[i:]
        open(p, "w").write(s); print(f"edited {p} (bmd_data_dir)")
cm = open("CMakeLists.txt").read()
cm2 = re.sub(r'\ntarget_compile_definitions\(bmdsim PRIVATE BMD_DATA_DIR="\$\{PROJECT_SOURCE_DIR\}/data"\)', '', cm)
if cm2 != cm:
    open("CMakeLists.txt", "w").write(cm2); print("CMakeLists.txt: dropped -DBMD_DATA_DIR of bmdsim")

# Comments still naming io/X.h or src/io/X (stage_b.sh step 2 only rewrote #include lines and
# exact src/io/x paths): point them at the new folder of X (glob patterns like scenario_*.c too).
import fnmatch
FOLDERS = ["core", "num", "earth", "flight", "defense", "data", "analysis", "export", "render", "report"]
def folder_of(name):
    for f in FOLDERS:
        d = os.path.join("src", f)
        if os.path.isdir(d) and any(fnmatch.fnmatch(n, name) for n in os.listdir(d)):
            return f
    return None
pat = re.compile(r'(?<![\w/])(src/)?io/([A-Za-z0-9_*]+\.[ch])\b')
for root in ["src", "cli", "tests", "bench", "examples", "include", "docs/parts"]:
    for dp, _, fs in os.walk(root):
        for fn in fs:
            if not fn.endswith((".c", ".h", ".md", ".sh")):
                continue
            p = os.path.join(dp, fn)
            s = o = open(p).read()
            def rep(m):
                f = folder_of(m.group(2))
                return (m.group(1) or "") + f + "/" + m.group(2) if f else m.group(0)
            s = pat.sub(rep, s)
            s = s.replace("(private to src/io)", "(private to src/render)") if p.startswith("src/render") else s
            if s != o:
                open(p, "w").write(s); print(f"edited {p} (io/ paths in comments)")

# "module `io`" in the first comment of public headers -> the header's layer (tests/check_layers.sh).
lay = {}
for names, l in re.findall(r"^\s*([\w|]+)\)\s*echo\s+(\w+)\s*;;", open("tests/check_layers.sh").read(), re.M):
    for n in names.split("|"):
        lay[n] = l
for fn in sorted(os.listdir("include/bmd")):
    p = os.path.join("include/bmd", fn)
    s = open(p).read()
    if "module `io`" in s and fn[:-2] in lay:
        open(p, "w").write(s.replace("module `io`", "module `%s`" % lay[fn[:-2]]))
        print(f"edited {p} (module `{lay[fn[:-2]]}`)")
