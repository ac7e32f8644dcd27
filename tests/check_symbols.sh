#!/usr/bin/env bash
# Public surface check: every symbol a library exports starts with bmd_.
#   check_symbols.sh shared LIBBMD.so   nm -D --defined-only: the dynamic symbols (BMD_API only)
#   check_symbols.sh static LIBBMD.a    nm -g --defined-only: every global of every object
# OpenMP's named critical sections (#pragma omp critical(bmd_...)) become the common symbols
# .gomp_critical_user_NAME, which the compiler makes global; their NAME must start with bmd_.
# AddressSanitizer adds an ODR indicator __odr_asan.NAME beside each global variable NAME; it is
# accepted when NAME starts with bmd_ (sanitizer builds only).
set -u
kind=$1 lib=$2
case $kind in
shared) syms=$(nm -D --defined-only "$lib" | awk 'NF == 3 {print $3}') ;;
static) syms=$(nm -g --defined-only "$lib" 2>/dev/null | awk 'NF == 3 {print $3}' | sort -u) ;;
*) echo "usage: check_symbols.sh shared|static LIBRARY"; exit 2 ;;
esac
total=$(printf '%s\n' "$syms" | grep -c .)
bad=$(printf '%s\n' "$syms" | grep -v -E '^(bmd_|\.gomp_critical_user_bmd_|__odr_asan\.bmd_)' | grep . || true)
n_bad=$(printf '%s\n' "$bad" | grep -c . || true)
if [ "$n_bad" -gt 0 ]; then
    echo "$lib: $n_bad of $total global symbols do not start with bmd_ (make them static, or prefix"
    echo "them bmd_ and declare them in a private header; public ones need BMD_API):"
    printf '%s\n' "$bad" | head -200 | sed 's/^/  /'
    exit 1
fi
echo "$lib: all $total global symbols start with bmd_"
