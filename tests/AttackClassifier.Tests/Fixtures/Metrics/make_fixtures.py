"""Golden metrics fixtures from scikit-learn (run with a Python that has scikit-learn >= 1.2 and numpy).

    python3 make_fixtures.py > metrics_cases.json

Each case holds y_true, y_pred, optional sample weights and K class names, and scikit-learn's answers:
per-class precision/recall/F1/support over all K labels, accuracy, the (K, K) confusion matrix, the macro,
weighted and micro averages over the labels present in y_true or y_pred (scikit-learn's default label set),
and classification_report text (target names of the present labels) at several digit counts.
The tests compare numbers to 1e-12 and text exactly.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, classification_report, confusion_matrix, f1_score,
                             precision_recall_fscore_support, precision_score, recall_score)
from sklearn.utils.multiclass import unique_labels


def case(name, y_true, y_pred, names, weights=None, digits=(0, 1, 2, 3, 4)):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    k = len(names)
    sw = None if weights is None else np.asarray(weights, dtype=float)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=list(range(k)), average=None,
                                                 sample_weight=sw, zero_division=0)
    present = [int(v) for v in unique_labels(y_true, y_pred)]
    averages = {}
    for avg in ("macro", "weighted", "micro"):
        averages[avg] = {
            "precision": float(precision_score(y_true, y_pred, average=avg, sample_weight=sw, zero_division=0)),
            "recall": float(recall_score(y_true, y_pred, average=avg, sample_weight=sw, zero_division=0)),
            "f1": float(f1_score(y_true, y_pred, average=avg, sample_weight=sw, zero_division=0)),
        }
    return {
        "name": name,
        "class_names": list(names),
        "y_true": [int(v) for v in y_true],
        "y_pred": [int(v) for v in y_pred],
        "sample_weight": None if sw is None else [float(v) for v in sw],
        "accuracy": float(accuracy_score(y_true, y_pred, sample_weight=sw)),
        "precision": [float(v) for v in p],
        "recall": [float(v) for v in r],
        "f1": [float(v) for v in f],
        "support": [float(v) for v in s],
        "confusion_matrix": [[float(v) for v in row] for row in
                             confusion_matrix(y_true, y_pred, labels=list(range(k)), sample_weight=sw)],
        "present_labels": present,
        "averages": averages,
        "reports": {str(d): classification_report(y_true, y_pred, target_names=[names[i] for i in present],
                                                  sample_weight=sw, digits=d, zero_division=0) for d in digits},
    }


def noisy_predictions(rng, y_true, k, error_rate, never_predicted=None, only_predicted=None):
    y_pred = y_true.copy()
    wrong = rng.random(len(y_true)) < error_rate
    y_pred[wrong] = rng.integers(0, k, wrong.sum())
    if never_predicted is not None:   # reassign every prediction of this class elsewhere
        mask = y_pred == never_predicted
        y_pred[mask] = (never_predicted + 1) % k
    if only_predicted is not None:    # a class that never is a true label but is sometimes predicted
        y_pred[rng.random(len(y_true)) < 0.08] = only_predicted
    return y_pred


def main():
    rng = np.random.default_rng(20240607)
    names6 = ["T1059.004", "T1082", "T1003.008", "T1070.004", "T1548.001", "T1105"]
    cases = []

    # Hand-made small cases: a tie in rounding (0.125 → 0.12), a class never predicted, a class only predicted.
    cases.append(case("tiny_round_half_even",
                      [0] * 8 + [1] * 8, [0] + [1] * 7 + [1] * 8, ["a", "b"]))
    cases.append(case("tiny_round_half_even_weighted",
                      [0] * 8 + [1] * 8, [0] + [1] * 7 + [1] * 8, ["a", "b"], weights=[1.0] * 16))
    cases.append(case("absent_class_and_long_name",
                      [0, 0, 1, 1, 2, 2, 0], [0, 1, 1, 1, 0, 2, 2],
                      ["short", "a-rather-long-technique-name", "x", "never-seen"]))
    cases.append(case("only_predicted_and_never_predicted",
                      [0, 0, 0, 1, 1, 2, 2, 2], [0, 3, 0, 3, 3, 2, 0, 2], ["c0", "c1", "c2", "c3"]))
    cases.append(case("fractional_weights_small",
                      [0, 1, 2, 0, 1, 2, 2], [0, 2, 2, 0, 1, 1, 2], ["p", "q", "r"],
                      weights=[0.1, 0.2, 0.3, 1.5, 2.25, 0.7, 1e-5]))
    cases.append(case("support_needs_17_digits",
                      [0, 0, 1, 1], [0, 1, 1, 0], ["x", "y"], weights=[0.1, 0.2, 0.3, 1e-7]))
    cases.append(case("single_class", [0, 0, 0], [0, 0, 0], ["only-one"]))
    cases.append(case("single_class_weighted", [0, 0, 0], [0, 0, 0], ["only-one"], weights=[1e20, 2.5, 3.0]))
    cases.append(case("zero_weight_rows",
                      [0, 1, 2, 1, 0], [0, 1, 1, 2, 0], ["u", "v", "w"], weights=[2.0, 3.0, 0.0, 1.0, 0.0]))
    # No prediction right, without weights: scikit-learn prints every support as a float (its "pathological case").
    cases.append(case("no_prediction_right", [0, 0, 1, 1, 2], [1, 1, 2, 2, 0], ["x", "y", "z"]))
    cases.append(case("no_prediction_right_absent_class", [0, 0, 1], [1, 1, 0], ["x", "y", "unused"]))
    cases.append(case("one_prediction_right", [0, 0, 1, 1, 2], [0, 1, 2, 2, 0], ["x", "y", "z"]))
    # A right row of weight 0 is still a right row for that rule: the weighted report prints floats anyway.
    cases.append(case("only_zero_weight_row_right", [0, 1, 1], [0, 0, 0], ["x", "y"], weights=[0.0, 2.0, 1.0]))

    # Random cases: K up to 6, N up to 200, with observation-count weights (integers 1..1000, skewed) and fractional ones.
    for i, (n, k, err) in enumerate([(40, 3, 0.3), (120, 5, 0.2), (200, 6, 0.35), (200, 6, 0.1), (75, 4, 0.5)]):
        y_true = rng.integers(0, k - 1, n)       # class k-1 never a true label ...
        y_true[: k - 1] = np.arange(k - 1)
        y_pred = noisy_predictions(rng, y_true, k, err,
                                   never_predicted=0 if i % 2 == 0 else None,
                                   only_predicted=k - 1 if i != 3 else None)
        names = names6[:k]
        counts = np.minimum(1000, np.floor(rng.pareto(1.2, n) * 3) + 1)   # skewed integer counts in 1..1000
        fractional = np.round(rng.exponential(2.0, n), 6) + 0.001
        cases.append(case(f"random_{i}_unweighted", y_true, y_pred, names))
        cases.append(case(f"random_{i}_counts", y_true, y_pred, names, weights=counts))
        cases.append(case(f"random_{i}_fractional", y_true, y_pred, names, weights=fractional))

    json.dump({"generator": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}", "cases": cases},
              sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
