#!/usr/bin/env bash
# test.sh — install build and test dependencies, build a Release tree and an AddressSanitizer +
# UndefinedBehaviorSanitizer tree, and run every test with CTest in both; then a ThreadSanitizer
# tree (clang, libomp, archer) of the OpenMP tests only. Exit 0 only if all pass.
set -uo pipefail
cd "$(dirname "$0")"
. scripts/deps.sh
bmd_ensure_deps build test || exit $?
bmd_ensure_locale || exit $?
mkdir -p build
status=0
for flavour in release asan; do
    dir=build/$flavour
    mkdir -p "$dir"
    if [ "$flavour" = asan ]; then
        extra=(-DBMD_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBMD_BUILD_BENCH=OFF)
    else
        # the release tree is built with OpenMPI so that the suite runs 'mpirun -n 2 bmdsim
        # footprint' (tests/mpi_footprint.sh); bmdsim also runs without mpirun (one process)
        extra=(-DBMD_MPI=ON)
    fi
    echo "== $flavour build =="
    if ! bmd_build "$dir" "${extra[@]}"; then
        echo "$flavour build failed" >&2
        status=1
        continue
    fi
    echo "== $flavour tests =="
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir "$dir" --output-on-failure -j "$(nproc)" || status=1
done

# ThreadSanitizer tree of the OpenMP paths (issue 13): clang with LLVM's libomp and its archer tool
# (which tells TSan about OpenMP's own synchronisation), only the tests that run threads — the
# footprint maps and the scenario analysis — so CI time stays reasonable. Must stay clean.
echo "== tsan build (OpenMP paths) =="
dir=build/tsan
mkdir -p "$dir"
tsan_tests=(test_footprint test_analysis test_scenario)
if CC=clang cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBMD_BUILD_BENCH=OFF \
        -DCMAKE_C_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >"$dir.configure.log" 2>&1 &&
    cmake --build "$dir" -j "$(nproc)" --target "${tsan_tests[@]}" >"$dir.build.log" 2>&1; then
    echo "== tsan tests =="
    archer=$(ls /usr/lib/llvm-*/lib/libarcher.so 2>/dev/null | tail -1)
    OMP_TOOL_LIBRARIES=$archer TSAN_OPTIONS="halt_on_error=1:ignore_noninstrumented_modules=1" \
        ctest --test-dir "$dir" --output-on-failure -R "^($(IFS='|'; echo "${tsan_tests[*]}"))\$" || status=1
else
    cat "$dir.configure.log" "$dir.build.log" >&2
    echo "tsan build failed" >&2
    status=1
fi

# the fuzz smoke: every libFuzzer target for BMD_FUZZ_SECONDS (default 20) seconds (clang, ASan +
# UBSan; about 4 minutes with its build on 2 cores); the long run is in docs/reliability.md
echo "== fuzz smoke =="
fuzz/run.sh "${BMD_FUZZ_SECONDS:-20}" || status=1
exit $status
