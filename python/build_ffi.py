"""Emit the C source of the cffi extension bmdsim._bmdsim_cffi (cffi API mode).

Run by CMake at build time: python3 build_ffi.py CDEF OUT.c
The C file #includes bmd/bmd.h; CMake compiles it against include/ and links libbmd.so, so the
struct layouts come from the real headers (see cdef.h and docs/python.md, "Why cffi API mode").
"""
import sys

import cffi


def main(argv):
    if len(argv) != 3:
        print("usage: build_ffi.py CDEF OUT.c", file=sys.stderr)
        return 2
    ffi = cffi.FFI()
    with open(argv[1], encoding="utf-8") as f:
        ffi.cdef(f.read())
    ffi.set_source("bmdsim._bmdsim_cffi", '#include <stdlib.h>\n#include "bmd/bmd.h"\n')
    ffi.emit_c_code(argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
