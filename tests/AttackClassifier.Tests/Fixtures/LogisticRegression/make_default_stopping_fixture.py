"""Golden fixture: where scikit-learn 1.2's default LogisticRegression stops on count-weighted data.

Run with scikit-learn 1.2 (numpy, scipy):  python3 make_default_stopping_fixture.py
Reads the project's data/commands.csv, consolidates it by (proctitle, technique_grouped) summing counts (the study's
step), fits the study's pipeline with scikit-learn's DEFAULT stopping rule (tol=1e-4; scipy's default ftol and maxls)
and counts as sample weights, and writes sample_default_stopping.json with the objective at its solution in the sum
form  F = sum_n s_n * CE_n + ||W||^2 / (2C)  (what scikit-learn 1.2.1 hands to scipy for lbfgs: no division by the
weight sum), its iteration count and its training-set predictions. The C# test checks our trainer, with its
defaults, stops at least as low (within 1e-6 relative) and not absurdly lower.
"""
import csv
import json
import os

import numpy as np
from scipy.special import logsumexp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
PATTERN = (r"(?:https?://[^\s]+)|(?:\b(?:\d{1,3}\.){3}\d{1,3}\b)|(?:[A-Za-z]:\\[^\s]+)"
           r"|(?:/(?:[^ \t\n\r\f\v/]+/)*[^ \t\n\r\f\v]+)|(?:--?[\w-]+(?:=[^\s]+)?)|(?:\$\{?\w+\}?)"
           r"|(?:0x[0-9a-fA-F]+)|(?:[A-Za-z_]\w+)|(?:\d+)")
C = 10.0


def main():
    path = os.path.join(HERE, "..", "..", "..", "..", "data", "commands.csv")
    index, commands, labels, counts = {}, [], [], []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["proctitle"], row["technique_grouped"])
            if key in index:
                counts[index[key]] += float(row["count"])
            else:
                index[key] = len(commands)
                commands.append(row["proctitle"]); labels.append(row["technique_grouped"]); counts.append(float(row["count"]))
    s = np.array(counts)
    vectorizer = TfidfVectorizer(token_pattern=PATTERN, ngram_range=(1, 2), max_features=5000)
    X = vectorizer.fit_transform(commands)
    model = LogisticRegression(solver="lbfgs", C=C, max_iter=1000).fit(X, labels, sample_weight=s)
    Z = X @ model.coef_.T + model.intercept_
    y = np.searchsorted(model.classes_, labels)
    ce = logsumexp(Z, axis=1) - Z[np.arange(len(y)), y]
    objective = float(np.dot(s, ce) + 0.5 * np.sum(model.coef_ ** 2) / C)
    fixture = {
        "generator": "scikit-learn 1.2 LogisticRegression(solver='lbfgs', C=10, max_iter=1000), default tol",
        "rows": len(commands), "features": X.shape[1], "classes": model.classes_.tolist(), "C": C,
        "objective_sum_form": objective, "iterations": int(model.n_iter_[0]),
        "train_predictions": model.predict(X).tolist(),
    }
    with open(os.path.join(HERE, "sample_default_stopping.json"), "w", encoding="utf-8") as f:
        json.dump(fixture, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
