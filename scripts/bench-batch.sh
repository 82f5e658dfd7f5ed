#!/usr/bin/env bash
# The batch benchmark (issue #11): one command, one printout.
#
#   scripts/bench-batch.sh [N] [--convert-only]
#
# Builds a deterministic corpus of N interviews (default 1000) in a temp directory —
# colloquy's samples/ and, when ../shared/corpus is present, every real-corpus case in
# it, copied round-robin with a small deterministic change per copy so no two files are
# equal — then measures, in one run, on this machine:
#   colloquy convert (JSON-LD + NewsML-G2, every document checked) — wall, CPU, peak RSS;
#   the same run again with nothing changed (the .colloquy-state skip);
#   xmllint --noout --nonet --schema (the official NewsML-G2 2.35 XSD) over the NewsML-G2;
#   check-jsonschema over the JSON-LD (when installed);
#   a durable-copy floor: the same output bytes written as colloquy writes them (temp
#   files, one syncfs per 512 files, renames, one fsync per directory) by a minimal
#   Python loop;
#   4 shards (--shard K/4, one after the other) against the one run, byte for byte;
#   one file, `convert FILE --to jsonld --stdout`.
# and prints the ratios. --convert-only stops after the first convert (for the memory
# curve at 100 000 inputs). Per-stage numbers: `cargo bench --bench pipeline`.
# The benchmark is not run by CI (it takes minutes); tests/suite/bench_script.rs runs it
# on a tiny corpus so its code paths stay working.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

N=1000
CONVERT_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --convert-only) CONVERT_ONLY=1 ;;
    ''|*[!0-9]*) echo "usage: scripts/bench-batch.sh [N] [--convert-only]" >&2; exit 2 ;;
    *) N=$arg ;;
  esac
done

# The binary: COLLOQUY names one (the test uses the debug build), else a release build.
if [ -z "${COLLOQUY:-}" ]; then
  cargo build --release --locked --quiet
  COLLOQUY=$ROOT/target/release/colloquy
fi
XSD=$ROOT/schemas/newsml-g2/iptc/NewsML-G2_2.35-spec-All-Power.xsd
JSON_SCHEMA=$ROOT/schemas/colloquy-interview.schema.json
WORK=$(mktemp -d "${TMPDIR:-/tmp}/colloquy-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Reproducible versionCreated; no archive profile from a parent directory.
export SOURCE_DATE_EPOCH=1700000000
cd "$WORK"

# --- the corpus ---------------------------------------------------------------------
python3 - "$ROOT" "$N" "$WORK/in" <<'PY'
import os, sys, glob
root, n, dest = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seeds = sorted(glob.glob(os.path.join(root, "samples", "*")))
real = sorted(p for p in glob.glob(os.path.join(root, "..", "shared", "corpus", "*", "*"))
              if not p.endswith(".json") and not p.endswith(".md") and os.path.isfile(p))
shapes = [p for p in seeds + real if os.path.isfile(p)]
langs = sorted({os.path.basename(p).split("-")[1] for p in real if "-" in os.path.basename(p)})
total = sum(os.path.getsize(p) for p in shapes)
used = min(n, len(shapes))
print(f"corpus: {n} interviews, copied round-robin from {used} of {len(shapes)} shapes: "
      f"{len(seeds)} samples/ (de en es fr pt vi; text, Markdown, HTML, WebVTT) + {len(real)} "
      f"real cases from ../shared/corpus"
      + (f" ({len(langs)} languages)" if real else " (absent: samples only)")
      + f"; shapes {min(os.path.getsize(p) for p in shapes)}-{max(os.path.getsize(p) for p in shapes)} bytes")
for i in range(n):
    src = shapes[i % len(shapes)]
    base, ext = os.path.splitext(os.path.basename(src))
    sub = os.path.join(dest, f"d{(i // 500):04d}")
    os.makedirs(sub, exist_ok=True)
    with open(src, "rb") as f:
        data = f.read()
    copy = i // len(shapes)
    if copy:
        # A deterministic small change: the copy number where text ends, so every file
        # differs (and hashes differently) while its shape stays what it was.
        if ext in (".vtt", ".srt", ".html", ".htm"):
            data = data.replace(b"</body>", f"<!-- copy {copy} -->\n</body>".encode(), 1) \
                if ext in (".html", ".htm") else data + f"\n\nNOTE copy {copy}\n".encode()
        else:
            data = data.rstrip(b"\n") + f"\n\n(Archive copy {copy}.)\n".encode()
    with open(os.path.join(sub, f"{base}-{i:06d}{ext}"), "wb") as f:
        f.write(data)
PY
echo "input bytes: $(du -sb in | cut -f1)"
echo "machine: $(nproc) core(s) available, $(uname -sr), colloquy $("$COLLOQUY" --version | cut -d' ' -f2)"

# measure NAME CMD...: wall, user+sys CPU and peak RSS of CMD and its children.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.$name" "$@" >"$WORK/out.$name" 2>"$WORK/err.$name" || {
    echo "$name: exit $? — $(tail -3 "$WORK/err.$name")" >&2
  }
  read -r WALL USER SYS RSS <"$WORK/time.$name"
  CPU=$(python3 -c "print(round($USER + $SYS, 2))")
  eval "WALL_$name=$WALL CPU_$name=$CPU USER_$name=$USER RSS_$name=$RSS"
  local docs=${DOCS:-$N}
  printf '%-22s wall %7.2f s  CPU %7.2f s (user %s + sys %s)  peak RSS %6.1f MB  %s\n' \
    "$name" "$WALL" "$CPU" "$USER" "$SYS" "$(python3 -c "print($RSS/1024)")" \
    "$(python3 -c "print(f'{$docs/max($WALL,1e-9):8.0f} docs/s  {1000*$CPU/$docs:6.3f} ms CPU/doc ({$docs} docs)' if $docs else '')")"
}

echo
echo "== colloquy convert + validate, JSON-LD and NewsML-G2 ($N inputs, jobs = all cores)"
measure convert "$COLLOQUY" convert in -o out
tail -1 "$WORK/err.convert"
[ "$CONVERT_ONLY" = 1 ] && exit 0

measure rerun_unchanged "$COLLOQUY" convert in -o out
grep -E 'unchanged since the last run' "$WORK/err.rerun_unchanged" | sed 's/ (input, options.*//' || true
tail -1 "$WORK/err.rerun_unchanged"

find out -name '*.newsml.xml' -print0 | sort -z >newsml.list
find out -name '*.jsonld' -print0 | sort -z >jsonld.list
echo
echo "== anchors over the same outputs"
measure xmllint_newsml xargs -0 -n 2000 xmllint --noout --nonet --schema "$XSD" <newsml.list
echo "   xmllint: $(grep -c ' validates$' "$WORK/err.xmllint_newsml" || true) of $(tr -cd '\0' <newsml.list | wc -c) files validate"
if command -v check-jsonschema >/dev/null; then
  measure check_jsonschema xargs -0 -n 2000 check-jsonschema --schemafile "$JSON_SCHEMA" <jsonld.list
else
  echo "check-jsonschema: not installed, skipped (pip install check-jsonschema)"
fi
measure durable_copy_floor python3 -c '
import ctypes, os
# As colloquy writes: temp files, one syncfs per group of 512 files (256 inputs), then
# the renames, then one fsync per directory at the end.
libc = ctypes.CDLL(None, use_errno=True)
src, dst = "out", "floor"
dirs, group = set(), []
def commit():
    fd = os.open(dst, os.O_RDONLY)
    if libc.syncfs(fd) != 0:
        raise OSError(ctypes.get_errno(), "syncfs")
    os.close(fd)
    for tmp, t in group:
        os.rename(tmp, t)
    group.clear()
os.makedirs(dst, exist_ok=True)
for d, _, files in sorted(os.walk(src)):
    for name in sorted(files):
        if name.startswith(".colloquy"):
            continue
        s = os.path.join(d, name)
        t = os.path.join(dst, os.path.relpath(s, src))
        os.makedirs(os.path.dirname(t), exist_ok=True)
        with open(s, "rb") as f:
            data = f.read()
        tmp = t + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        group.append((tmp, t))
        dirs.add(os.path.dirname(t))
        if len(group) == 512:
            commit()
commit()
for d in dirs:
    fd = os.open(d, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)
'

echo
echo "== 4 shards (--shard K/4, one after the other, each on all cores) vs the one run"
SHARD_WALL=0; SHARD_CPU=0
for k in 0 1 2 3; do
  DOCS=0 measure "shard_$k" "$COLLOQUY" convert in -o "shard$k" --shard "$k/4"
  grep -o 'share [0-9]*/4: [0-9]* of [0-9]* input(s)' "$WORK/err.shard_$k" | sed 's/^/   /' || true
  SHARD_WALL=$(python3 -c "print(round($SHARD_WALL + $(eval echo \$WALL_shard_$k), 2))")
  SHARD_CPU=$(python3 -c "print(round($SHARD_CPU + $(eval echo \$CPU_shard_$k), 2))")
done
mkdir union
for k in 0 1 2 3; do cp -r "shard$k/." union/; done
if diff -r -x '.colloquy*' out union >/dev/null; then SAME="identical, byte for byte"; else SAME="DIFFERENT"; fi
echo "4 shards: wall $SHARD_WALL s, CPU $SHARD_CPU s; union of their outputs vs one run: $SAME"

echo
echo "== one file: convert FILE --to jsonld --stdout (median of 7)"
ONE=$(find in -name '*.txt' | sort | awk 'NR == 1')
python3 - "$COLLOQUY" "$ONE" <<'PY'
import subprocess, sys, time, statistics, resource
times = []
for _ in range(7):
    t = time.perf_counter()
    subprocess.run([sys.argv[1], "convert", sys.argv[2], "--to", "jsonld", "--stdout"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - t)
print(f"one file ({sys.argv[2]}): {1000 * statistics.median(times):.1f} ms wall")
PY

echo
echo "== ratios"
python3 - <<PY
def r(a, b):
    return f"{a / b:.2f}x" if b > 0 else "n/a"
conv, rerun, xml = $CPU_convert, $CPU_rerun_unchanged, $CPU_xmllint_newsml
print(f"convert+validate CPU / xmllint CPU:          {r(conv, xml)}")
# System time of file creation swings with the file system's state (on ext4 without a
# journal it grows for a minute after many deletions, see the README): user time alone
# compares the work itself.
print(f"convert+validate user / xmllint user:        {r($USER_convert, $USER_xmllint_newsml)}")
print(f"unchanged re-run CPU / xmllint CPU:          {r(rerun, xml)}")
print(f"unchanged re-run CPU / first run CPU:        {r(rerun, conv)}")
print(f"convert wall / durable-copy floor wall:      {r($WALL_convert, $WALL_durable_copy_floor)}")
print(f"4 shards CPU / one run CPU:                  {r($SHARD_CPU, conv)}")
cj = "${CPU_check_jsonschema:-}"
if cj:
    print(f"convert+validate CPU / check-jsonschema CPU: {r(conv, float(cj))}")
PY
