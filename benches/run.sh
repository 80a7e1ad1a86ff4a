#!/bin/sh
# Native benchmark: Rendezvous beside dom_smoothie and rs-trafilatura on the ScrapingHub and
# Readability corpus pages, same pages, same run. Extra arguments go to the bench program
# (e.g. --reps 5, --csv out.csv, --only nytimes).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus=${CORPUS:-$here/../../shared/corpus}
[ -d "$corpus" ] || corpus=/work/shared/corpus
cd "$here/baselines"
cargo build --release --quiet
exec ./target/release/rendezvous-bench "$@" "$corpus/scrapinghub/html" "$corpus/readability/test-pages"
