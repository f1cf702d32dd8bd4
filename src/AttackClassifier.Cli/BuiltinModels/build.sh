#!/usr/bin/env bash
# Builds the two models shipped inside the tool, builtin:linux and builtin:windows, from the files in data/, and measures
# them on data they did not see. One command, reproducible (same data and seed → byte-identical model files):
#
#     bash src/AttackClassifier.Cli/BuiltinModels/build.sh            # from the repository root, after a Release build
#
# Per platform P:
#  1. Benign lines: every 5th tool family (in sorted order, starting with the 3rd) is held out entirely, so near-duplicate
#     lines of one tool never sit on both sides; the rest joins the training data.
#  2. Training data: data/atomic-P.csv + data/attacker-P.csv + the benign families kept, labels mapped to parent techniques
#     (--label-column technique --parent-techniques), parents with fewer than 8 rows merged into Z999; split stratified
#     70/15/15 (seed 42).
#  3. An evaluation model trained on the 70 % (calibrated on the 15 % validation part) is measured on the 15 % test part and
#     on the held-out benign families: these are the figures of MODELS.md.
#  4. The shipped model is trained the same way on train + test (85 %), calibrated on the same validation part.
# Against the default preset, terms must occur in 2 rows (--min-df 2) and each block keeps its 8000 most frequent (ties by
# term order): D · K · 8 bytes must stay under 10 MB per model with K ≈ 55–70 classes.
set -euo pipefail
cd "$(dirname "$0")/../../.."
cli=(dotnet src/AttackClassifier.Cli/bin/Release/net10.0/attack-classifier.dll)
out="${BUILD_DIR:-artifacts/builtin-models}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1764806400}"   # fixed creation time: byte-identical model files
model_options=(--preset default --min-df 2 --max-features 8000 --seed 42 --no-progress)
data_options=(--label-column technique --parent-techniques --min-rows 8)

for platform in linux windows; do
  dir="$out/$platform"
  rm -rf "$dir"; mkdir -p "$dir"
  # 1. Hold out whole benign families (the family is the last, never-quoted column).
  tail -n +2 "data/benign-$platform.csv" | awk -F, '{print $NF}' | sort -u | awk 'NR % 5 == 3' > "$dir/heldout-families.txt"
  awk -F, -v kept="$dir/benign-kept.csv" -v held="$dir/benign-heldout.csv" '
    NR == FNR { heldout[$1] = 1; next }
    FNR == 1 { print > kept; print > held; next }
    ($NF in heldout) { print > held; next }
    { print > kept }' "$dir/heldout-families.txt" "data/benign-$platform.csv"
  # 2. The split.
  "${cli[@]}" split --data "data/atomic-$platform.csv,data/attacker-$platform.csv,$dir/benign-kept.csv" "${data_options[@]}" \
    --val 0.15 --test 0.15 --seed 42 --out "$dir/split" > /dev/null
  # 3. Evaluation model and its held-out figures.
  "${cli[@]}" train --train "$dir/split/train.csv" --val "$dir/split/val.csv" --test "$dir/split/test.csv" "${model_options[@]}" \
    --out "$dir/evaluation.acm" --json > "$dir/evaluation-train.json"
  "${cli[@]}" evaluate --model "$dir/evaluation.acm" --data "$dir/split/test.csv" --json > "$dir/evaluation-test.json"
  "${cli[@]}" evaluate --model "$dir/evaluation.acm" --data "$dir/split/test.csv" --json --uncalibrated > "$dir/evaluation-test-uncalibrated.json"
  "${cli[@]}" evaluate --model "$dir/evaluation.acm" --data "$dir/benign-heldout.csv" --json > "$dir/evaluation-benign-heldout.json"
  # 4. The shipped model.
  "${cli[@]}" train --train "$dir/split/train.csv,$dir/split/test.csv" --val "$dir/split/val.csv" "${model_options[@]}" \
    --out "src/AttackClassifier.Cli/BuiltinModels/$platform.acm" --json > "$dir/shipped-train.json"
  ls -l "src/AttackClassifier.Cli/BuiltinModels/$platform.acm"
done
