#!/usr/bin/env bash
# How the default preset was chosen (run from the repository root after a Release build; prints one line per candidate and
# evaluation): on the public data only, two kinds of held-out evaluation —
#   split:  data/atomic-P.csv split 60/20/20 by `train --data` (stratified, seed 42; lines of one Atomic test can fall on
#           both sides, so this flatters every candidate alike);
#   A→B:    trained on the Atomic Red Team file, tested on the project's attacker file of the same platform (other authors,
#           other class set: absolute figures are low, differences between candidates are what counts).
# Columns: candidate, evaluation, test macro F1, weighted F1, weighted accuracy, features, training seconds.
set -euo pipefail
cd "$(dirname "$0")/../../.."
cli=(dotnet src/AttackClassifier.Cli/bin/Release/net10.0/attack-classifier.dll)
declare -A candidates=(
  [study]="--preset study"
  [default]="--preset default"
  [default-nonorm]="--preset default --normalize false"
  [default-C10]="--preset default --C 10"
  [default-nobal]="--preset default --class-weight none"
)
model="$(mktemp -d)/candidate.acm"
show() { python3 -c 'import json,sys; d=json.loads(sys.stdin.read().strip().splitlines()[-1]); t=d["test"]; print(round(t["macro_f1"],4), round(t["weighted_f1"],4), round(t["weighted_accuracy"],4), d["features"], round(d["train_seconds"],1))'; }
for name in study default default-nonorm default-C10 default-nobal; do
  read -r -a options <<< "${candidates[$name]}"
  for f in atomic-linux atomic-windows; do
    echo "$name $f split $("${cli[@]}" train --data "data/$f.csv" --out "$model" --json "${options[@]}" | show)"
  done
  for platform in linux windows; do
    echo "$name atomic-$platform→attacker-$platform $("${cli[@]}" train --train "data/atomic-$platform.csv" --test "data/attacker-$platform.csv" --out "$model" --json "${options[@]}" | show)"
  done
done
