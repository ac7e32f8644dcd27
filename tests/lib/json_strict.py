#!/usr/bin/env python3
"""Strict JSON check for the command-line tests: every file (or stdin with '-') must be valid
JSON (RFC 8259: no NaN/Infinity, one value) whose objects never repeat a key. One line per
problem on stderr; exit status 1 if any. Usage: json_strict.py FILE... ('-' reads stdin)."""
import json
import sys


class DuplicateKey(ValueError):
    pass


def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey("duplicate key '%s' (keys: %s)" % (key, ", ".join(k for k, _ in pairs)))
        seen[key] = value
    return seen


def reject_constant(name):
    raise ValueError("non-standard constant %s" % name)


def check(name, text):
    try:
        json.loads(text, object_pairs_hook=no_duplicates, parse_constant=reject_constant)
    except ValueError as e:  # JSONDecodeError and DuplicateKey are ValueErrors
        print("%s: %s" % (name, str(e)[:400]), file=sys.stderr)
        return False
    return True


def main(argv):
    ok = True
    for path in argv[1:]:
        if path == "-":
            ok &= check("stdin", sys.stdin.read())
        else:
            with open(path, encoding="utf-8") as f:
                ok &= check(path, f.read())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
