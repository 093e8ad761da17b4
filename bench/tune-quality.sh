#!/usr/bin/env bash
# Tuned against plain iALS on the three shipped datasets (docs/quality.md, "Tuning").
#
# For each dataset: `als tune` over the default grid and `als tune --plain` (nu = 0, linear or log
# confidence, no BM25) with the same budget, both on a validation split of the training part; then
# each best configuration evaluated on the held-out test part (random 80/20, split seed 42) with
# model seeds 1..5. Writes every file into OUT (default: docs/results/tuning) and prints the tables.
#
# The budgets (trials, so the searches are reproducible) are the most that finish within 5 minutes on
# 2 cores: 200 for the MovieLens sets, 100 for Last.fm, whose 17,632 items make a trial at k = 128
# about 3 times as long. BUDGET overrides them all.
#
# usage: [BUDGET=N] bench/tune-quality.sh [DATASETS] [OUT] [NAME...]   (NAME: ml-100k ml-latest-small lastfm)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jdk25.sh
DATA=${1:-../shared/datasets}
OUT=${2:-docs/results/tuning}
shift $(( $# < 2 ? $# : 2 ))
NAMES=("${@:-ml-100k ml-latest-small lastfm}")
read -r -a NAMES <<< "${NAMES[*]}"
mkdir -p "$OUT"
declare -A BUDGETS=([ml-100k]=200 [ml-latest-small]=200 [lastfm]=100)

declare -A FILES=(
  [ml-100k]="$DATA/ml-100k/u.data --format ml-100k --min-value 4 --binary"
  [ml-latest-small]="$DATA/ml-latest-small/ratings.csv --format ml-csv --min-value 4 --binary"
  [lastfm]="$DATA/hetrec2011-lastfm-2k/user_artists.dat --format lastfm"
)

for name in "${NAMES[@]}"; do
  read -r -a input <<< "${FILES[$name]}"
  budget=${BUDGET:-${BUDGETS[$name]}}
  for search in tuned plain; do
    flags=(); [ "$search" = plain ] && flags=(--plain)
    start=$(date +%s.%N)
    bin/als tune "${input[@]}" --budget "$budget" "${flags[@]}" --output tsv \
        --trials "$OUT/$name-$search-trials.tsv" --out "$OUT/$name-$search.cfg" \
        2> "$OUT/$name-$search-tune.log"
    end=$(date +%s.%N)
    printf '%s %s: tune %.0f s\n' "$name" "$search" "$(echo "$end - $start" | bc)" \
        | tee -a "$OUT/$name-$search-tune.log"
    for seed in 1 2 3 4 5; do
      bin/als evaluate "${input[@]}" --config "$OUT/$name-$search.cfg" --seed "$seed" \
          --split-seed 42 --output tsv 2>/dev/null | awk -v s="$seed" 'NR == 2 { print s "\t" $0 }'
    done > "$OUT/$name-$search-test.tsv"
  done
done

# mean, min and max over the seeds of each metric, tuned against plain
for name in ml-100k ml-latest-small lastfm; do
  [ -f "$OUT/$name-plain-test.tsv" ] || continue
  for search in tuned plain; do
    awk -v n="$name" -v s="$search" -F'\t' '
      { for (c = 3; c <= 7; c++) { v = $c; sum[c] += v; if (NR == 1 || v < lo[c]) lo[c] = v;
          if (NR == 1 || v > hi[c]) hi[c] = v } }
      END { printf "| %s | %s |", n, s;
            for (c = 3; c <= 7; c++) printf " %.4f (%.4f–%.4f) |", sum[c] / NR, lo[c], hi[c];
            printf "\n" }' "$OUT/$name-$search-test.tsv"
  done
done | tee "$OUT/summary.md"
