#!/usr/bin/env bash
# Builds PIMFuzz with libFuzzer and AddressSanitizer and runs its targets one after another.
#
#   Tests/Fuzz/run-fuzzers.sh [TARGET...]          default: every target
#   RUNS=10000000 MAX_TIME=1800 Tests/Fuzz/run-fuzzers.sh duration
#   REPLAY=1 Tests/Fuzz/run-fuzzers.sh             replay the seed corpora only (no libFuzzer build)
#   SKIP_BUILD=1 ...                               run the fuzzer built last time
#
# Seeds live in Tests/Fuzz/corpus/<target>/ and are never written to; the growing corpus, logs and
# crash artifacts go under .build-fuzz/. Exit status is non-zero when any target found a crash.
# See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-10000000}
MAX_TIME=${MAX_TIME:-1800}
SCRATCH=.build-fuzz
ALL_TARGETS=(duration graph-json sanitizer arguments config keys transport)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")

# The Swift runtime's backtracer trips ASan and can leave a helper holding stdout open.
export SWIFT_BACKTRACE=enable=no
# No leak report (the runtimes keep allocations alive on purpose); no malloc stack traces (Swift is
# memory-safe outside unsafe code, and recording them halves the speed of allocation-heavy targets).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:malloc_context_size=0}

if [ "${REPLAY:-0}" = 1 ]; then
    swift build --product PIMFuzz
    for target in "${TARGETS[@]}"; do
        .build/debug/PIMFuzz "$target" "Tests/Fuzz/corpus/$target"
    done
    exit 0
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    swift build -c release --product PIMFuzz \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xlinker --export-dynamic \
        --scratch-path "$SCRATCH"
fi
BIN=${BIN:-$SCRATCH/release/PIMFuzz}     # another build of the driver, e.g. one made while a run goes on

mkdir -p "$SCRATCH/logs" "$SCRATCH/artifacts"
status=0
for target in "${TARGETS[@]}"; do
    work="$SCRATCH/corpus/$target"
    mkdir -p "$work" "$SCRATCH/artifacts/$target"
    log="$SCRATCH/logs/$target.log"
    echo "== $target: up to $RUNS runs or $MAX_TIME s (log: $log)"
    started=$(date +%s)
    if "$BIN" "$target" "$work" "Tests/Fuzz/corpus/$target" \
        -runs="$RUNS" -max_total_time="$MAX_TIME" -max_len="${MAX_LEN:-4096}" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$SCRATCH/artifacts/$target/" >"$log" 2>&1; then
        result=ok
    else
        result="CRASH (see $log and $SCRATCH/artifacts/$target/)"
        status=1
    fi
    elapsed=$(( $(date +%s) - started ))
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1 || true)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
    echo "   $target: $result; ${runs:-?} executions in ${elapsed}s; ${cov:-no coverage line}; corpus $(ls "$work" | wc -l) files"
done
exit $status
