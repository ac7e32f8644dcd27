#!/usr/bin/env python3
"""Compare an output with its golden file, numbers within a tolerance.

Usage: compare.py EXPECTED ACTUAL [--rtol R] [--atol A] [--ignore-key REGEX]
Both files are split into numbers and the text between them. The text must be identical; each
pair of numbers must satisfy |actual - expected| <= atol + rtol * |expected| (defaults 1e-9 and
1e-9: the outputs are deterministic, the tolerance absorbs only the last printed digit of a
different libm or compiler). Wall-clock timings are not compared: the value of a JSON key that
matches --ignore-key (default: run_time_s, prepare_time_s and keys with 'wall' or 'elapsed').
Works for JSON, GeoJSON, KML, CSV and plain tables alike. Exit 0 when
equal, 1 with every difference (expected and actual, line and column) on stdout, 2 on bad use.
"""
import re
import sys

IGNORE_KEYS = r"run_time_s|prepare_time_s|\w*wall\w*|\w*elapsed\w*"
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|\b(?:nan|NaN|inf|Infinity)\b")


def tokens(text):
    out, last = [], 0
    for m in NUMBER.finditer(text):
        out.append(("text", text[last:m.start()], last))
        out.append(("num", m.group(0), m.start()))
        last = m.end()
    out.append(("text", text[last:], last))
    return out


def where(text, pos):
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {col}"


def as_float(s):
    try:
        return float(s.replace("Infinity", "inf"))
    except ValueError:
        return None


def compare(expected, actual, rtol, atol, ignore=IGNORE_KEYS, limit=20):
    te, ta = tokens(expected), tokens(actual)
    key_before = re.compile(r'"(?:' + ignore + r')"\s*:\s*$')
    diffs = []
    if len(te) != len(ta):
        diffs.append(f"different shape: {len(te) // 2} numbers expected, {len(ta) // 2} found")
    prev_text = None
    for (ke, ve, pe), (ka, va, pa) in zip(te, ta):
        if ke != ka:
            diffs.append(f"{where(actual, pa)}: expected {ke} {ve!r}, found {ka} {va!r}")
        elif ke == "text" and ve != va:
            diffs.append(f"{where(actual, pa)}: expected text {ve[:60]!r}, found {va[:60]!r}")
        elif ke == "num" and prev_text is not None and key_before.search(prev_text):
            pass  # a wall-clock time
        elif ke == "num":
            e, a = as_float(ve), as_float(va)
            if e is None or a is None or e != e or a != a:
                same = ve == va
            else:
                same = abs(a - e) <= atol + rtol * abs(e)
            if not same:
                diffs.append(f"{where(actual, pa)}: expected {ve}, found {va} "
                             f"(tolerance {atol:g} + {rtol:g} x |expected|)")
        prev_text = ve if ke == "text" else None
        if len(diffs) >= limit:
            diffs.append("... (more differences not shown)")
            break
    return diffs


def main(argv):
    args = [a for a in argv[1:]]
    rtol, atol, ignore = 1e-9, 1e-9, IGNORE_KEYS
    if "--ignore-key" in args:
        i = args.index("--ignore-key")
        ignore = args[i + 1]
        del args[i:i + 2]
    for name in ("--rtol", "--atol"):
        if name in args:
            i = args.index(name)
            val = float(args[i + 1])
            del args[i:i + 2]
            if name == "--rtol":
                rtol = val
            else:
                atol = val
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2])
        return 2
    with open(args[0]) as f:
        expected = f.read()
    with open(args[1]) as f:
        actual = f.read()
    diffs = compare(expected, actual, rtol, atol, ignore)
    for d in diffs:
        print(f"{args[1]} vs {args[0]}: {d}")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
