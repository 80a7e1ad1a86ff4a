#!/bin/sh
# Size report: the .wasm (raw, gzipped -9), each zip in dist/, and the largest contributors.
# usage: benches/size.sh [--build]     (--build, or no pkg/ yet: runs ./build.sh first)
# Budgets (issue 6): .wasm <= 550 KB gzipped, each zip <= 800 KB (KB = 1000 bytes here).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if [ "${1:-}" = "--build" ] || [ ! -f pkg/rendezvous_bg.wasm ]; then
  ./build.sh
fi
status=0
wasm=pkg/rendezvous_bg.wasm
raw=$(wc -c < "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
verdict() { if [ "$1" -le "$2" ]; then echo "within $2"; else echo "OVER $2"; status=1; fi; }
echo "| artifact | raw bytes | gzipped -9 | budget |"
echo "|---|---|---|---|"
echo "| $wasm | $raw | $gz | $(verdict "$gz" 550000) (gz) |"
for z in dist/*.zip; do
  [ -f "$z" ] || continue
  s=$(wc -c < "$z")
  echo "| $z | $s | (zip) | $(verdict "$s" 800000) |"
done
echo
for z in dist/*.zip; do
  [ -f "$z" ] || continue
  echo "largest entries of $z:"
  unzip -lv "$z" | awk 'NR>3 && $1 ~ /^[0-9]+$/ && NF>=8 {print $3, $1, $8}' | sort -rn | head -6 |
    awk '{printf "  %9d compressed %9d raw  %s\n", $1, $2, $3}'
done
echo
# Attribution: the cargo output keeps function names (build.sh strips them).
cargo_wasm=target-wasm/wasm32-unknown-unknown/release/rendezvous.wasm
if [ -f "$cargo_wasm" ]; then
  python3 "$ROOT/benches/wasm_size.py" "$cargo_wasm" --data-dir "$ROOT/data" --top 12
fi
echo
python3 "$ROOT/benches/wasm_size.py" "$wasm" --data-dir "$ROOT/data" --top 12 | sed -n '1,/^data:/p'
exit $status
