#!/bin/sh
# Runs every target for SECONDS (default 600) one after another at the lowest CPU
# priority, from prebuilt binaries (`RUSTC_BOOTSTRAP=1 cargo fuzz build -s none -a`),
# with seeds from ./seed.sh. Logs go to logs/TARGET.log, crashes to artifacts/TARGET/.
# Targets named after SECONDS run alone (`./run-all.sh 600 convert`); FUZZ_BIN names
# another build directory (a build made with `--target-dir`).
set -u
cd "$(dirname "$0")"
secs=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-read_recognize convert validate_json validate_xml}
bin=${FUZZ_BIN:-target/x86_64-unknown-linux-gnu/release}
mkdir -p logs
for t in $targets; do
    case $t in
        read_recognize|convert) seeds=seeds/text ;;
        validate_json) seeds=seeds/json ;;
        validate_xml) seeds=seeds/xml ;;
    esac
    mkdir -p corpus/$t artifacts/$t
    nice -n 19 $bin/$t corpus/$t $seeds -max_total_time=$secs -timeout=30 -rss_limit_mb=3072 \
        -max_len=65536 -artifact_prefix=artifacts/$t/ -print_final_stats=1 \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 > logs/$t.log 2>&1
    echo "$t exit $? at $(date -u +%H:%M:%S)" >> logs/summary.txt
done
