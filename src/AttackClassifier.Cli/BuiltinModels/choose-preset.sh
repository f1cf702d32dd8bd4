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

# Both presets on one held-out split of each public file (stratified 60/20/20, seed 42): test macro F1 and top-3 accuracy.
split_dir="$(mktemp -d)"
for f in atomic-linux atomic-windows; do
  "${cli[@]}" split --data "data/$f.csv" --out "$split_dir/$f" --seed 42 > /dev/null
  for preset in study default; do
    "${cli[@]}" train --train "$split_dir/$f/train.csv" --val "$split_dir/$f/val.csv" --preset "$preset" --out "$model" > /dev/null
    echo "$preset $f held-out $("${cli[@]}" evaluate --model "$model" --data "$split_dir/$f/test.csv" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); e=d["evaluation"]; c=d["calibration"]; print("macro_f1", round(e["macro_f1"],4), "top3", round(d["top3_accuracy"],4), "ece", round(c["expected_calibration_error"],4), "acc@50%", round(c["accuracy_at_coverage"]["0.5"],4))')"
  done
done
