#!/usr/bin/env bash
# Builds the two session taggers shipped inside the tool, builtin:linux-sessions and builtin:windows-sessions, from the session
# corpus in data/, and measures them on its held-out test families. One command, reproducible (same data → byte-identical files):
#
#     bash src/AttackClassifier.Cli/BuiltinModels/build-sessions.sh     # from the repository root, after a Release build
#
# Per platform P: train-sessions on data/sessions-P.csv — the tagger is fitted on the sessions of split 'train' only (w, β and the
# command weight chosen on families held out of them), measured on split 'test' (whole families never seen), and saved as
# BuiltinModels/P-sessions.acm. The measurements land in $BUILD_DIR (default artifacts/builtin-models)/P-sessions.json; they are
# the figures of the README's "Sessions: attack chains" section. The tagger weighs builtin:P's view of each statement, so the
# shipped command model must be built first (build.sh) and tagging uses it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
cli=(dotnet src/AttackClassifier.Cli/bin/Release/net10.0/attack-classifier.dll)
out="${BUILD_DIR:-artifacts/builtin-models}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1764806400}"   # fixed creation time: byte-identical model files
mkdir -p "$out"
# The command-feature block is chosen per platform on the validation families (README, "Sessions: attack chains"): Linux w_f = 8,
# the statement's own view only; Windows w_f = 1 with the neighbours' views. Every other setting is the library's default or chosen
# inside train-sessions on validation.
for platform in linux windows; do
  case "$platform" in linux) block=(--command-feature-weight 8) ;; windows) block=(--command-feature-weight 1 --command-feature-neighbours) ;; esac
  "${cli[@]}" train-sessions --data "data/sessions-$platform.csv" --command-model "builtin:$platform" "${block[@]}" \
    --name "builtin:$platform-sessions" --out "src/AttackClassifier.Cli/BuiltinModels/$platform-sessions.acm" --json > "$out/$platform-sessions.json"
  ls -l "src/AttackClassifier.Cli/BuiltinModels/$platform-sessions.acm"
done
