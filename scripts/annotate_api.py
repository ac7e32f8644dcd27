#!/usr/bin/env python3
"""Mark every function declared in the public headers with BMD_API (bmd/api.h).

libbmd is compiled with -fvisibility=hidden; only BMD_API declarations are exported from libbmd.so.
Usage:
  scripts/annotate_api.py [--check] [include/bmd]
Without --check, adds `BMD_API ` in front of each top-level function declaration that lacks it and
`#include "bmd/api.h"` to each header that declares one (idempotent; prints what it changed).
With --check, changes nothing and exits 1 naming every declaration without BMD_API (the CTest
'public_api_marked' runs this).
A declaration is a top-level statement (outside braces, comments and preprocessor lines) that
ends with ';', is not a typedef, not static, and whose first '(' follows an identifier.
"""
import os
import re
import sys

SKIP_HEADERS = {"api.h", "bmd.h", "units.h"}
IDENT_BEFORE_PAREN = re.compile(r"[A-Za-z_][A-Za-z_0-9]*\s*$")


def statements(lines):
    """Yield (first_line_index, text) of the top-level statements of a header."""
    depth = 0
    in_comment = False
    start = None
    text = ""
    continued_pp = False
    for i, raw in enumerate(lines):
        line = raw
        if continued_pp:
            continued_pp = line.rstrip().endswith("\\")
            continue
        # strip comments, tracking block comments across lines
        out = ""
        j = 0
        while j < len(line):
            if in_comment:
                k = line.find("*/", j)
                if k < 0:
                    j = len(line)
                else:
                    in_comment = False
                    j = k + 2
                continue
            if line.startswith("/*", j):
                in_comment = True
                j += 2
                continue
            if line.startswith("//", j):
                break
            out += line[j]
            j += 1
        code = out.strip()
        if not code:
            continue
        if start is None and code.startswith("#"):
            continued_pp = raw.rstrip().endswith("\\")
            continue
        if code.startswith('extern "C"') or (depth == 0 and code == "}" and start is None):
            continue  # the C++ guard's braces do not count
        if start is None and depth == 0:
            start = i
            text = ""
        if start is None:  # inside braces of a definition
            depth += code.count("{") - code.count("}")
            continue
        text += " " + code
        depth += code.count("{") - code.count("}")
        if depth == 0 and code.endswith(";"):
            yield start, i, text.strip()
            start = None
        elif depth < 0:
            depth = 0
            start = None


def is_function_declaration(stmt):
    if stmt.startswith(("typedef", "static", "struct", "enum", "union", "#")) and "(" not in stmt.split("{")[0]:
        return False
    if stmt.startswith(("typedef", "static")) or "{" in stmt:
        return False
    p = stmt.find("(")
    if p < 0:
        return False
    return bool(IDENT_BEFORE_PAREN.search(stmt[:p]))


def process(path, check):
    with open(path) as f:
        lines = f.read().split("\n")
    missing = []
    for idx, end, stmt in statements(lines):
        if not is_function_declaration(stmt):
            continue
        if stmt.startswith("BMD_API ") or " BMD_API " in stmt.split("(")[0]:
            continue
        missing.append((idx, end, stmt))
    if check or not missing:
        return missing, False
    for idx, end, _ in missing:
        lines[idx] = "BMD_API " + lines[idx]
        for k in range(idx + 1, end + 1):  # keep continuation lines aligned with the '('
            if lines[k].startswith("     "):
                lines[k] = " " * len("BMD_API ") + lines[k]
    if not any(re.match(r'#include +"bmd/api.h"', l) for l in lines):
        for k, l in enumerate(lines):
            if re.match(r"#define BMD_[A-Z0-9_]*_H\s*$", l):
                lines[k + 1:k + 1] = ["", '#include "bmd/api.h"']
                break
    with open(path, "w") as f:
        f.write("\n".join(lines))
    return missing, True


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    root = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "include", "bmd")
    total = 0
    for name in sorted(os.listdir(root)):
        if not name.endswith(".h") or name in SKIP_HEADERS:
            continue
        path = os.path.join(root, name)
        missing, changed = process(path, check)
        for idx, _, stmt in missing:
            fn = stmt[:stmt.find("(")].split()[-1].lstrip("*")
            if check:
                print(f"{path}:{idx + 1}: {fn} is declared without BMD_API (libbmd.so would not "
                      f"export it; run scripts/annotate_api.py)")
            else:
                print(f"{path}:{idx + 1}: BMD_API added to {fn}")
        total += len(missing)
    if check:
        print(f"public_api_marked: {total} declaration(s) without BMD_API")
        return 1 if total else 0
    print(f"annotate_api: {total} declaration(s) marked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
