#!/usr/bin/env python3
"""One scikit-learn fit of the TF-IDF + LR presets, in this process, for benchmarks/scaling.py.

Usage (the system python3 with scikit-learn): sklearn_fit_once.py study|default|default-df2 CORPUS.csv
CORPUS.csv is written by `AttackClassifier.Benchmarks write-corpus ROWS FILE` (the study's schema). Prints one JSON line:
fit seconds (vectorizer fit + transform + LogisticRegression.fit, as our `fit-once` times Train) and the process's peak
resident memory (VmHWM of /proc/self/status), data included.

The pipelines are the library's presets in scikit-learn's words:
  study:   TfidfVectorizer(word 1-2, max_features=5000, the study's token pattern), LogisticRegression(C=10)
  default: FeatureUnion(word 1-2 and char_wb 2-5, both sublinear_tf, no cap), LogisticRegression(C=100), balanced class
           weights computed as ours are (from count-weighted class totals) and multiplied into the counts.
  default-df2: the default with min_df=2 on both vectorizers (a term must occur in two rows).
Not reproduced: the default preset's command normalisation (statement splitting, payload decoding), which adds segments
to our features; scikit-learn sees the raw line.
"""
import csv, json, sys, time

PATTERN = (r"(?u)(?:https?://[^\s]+)|(?:\b(?:\d{1,3}\.){3}\d{1,3}\b)|(?:[A-Za-z]:\\[^\s]+)"
           r"|(?:/(?:[^ \t\n\r\f\v/]+/)*[^ \t\n\r\f\v]+)|(?:--?[\w-]+(?:=[^\s]+)?)|(?:\$\{?\w+\}?)"
           r"|(?:0x[0-9a-fA-F]+)|(?:[A-Za-z_]\w+)|(?:\d+)")


def peak_rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def main(kind, path):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    X = [r["proctitle"] for r in rows]
    y = [r["technique_grouped"] for r in rows]
    w = np.array([float(r["count"]) for r in rows])
    t0 = time.perf_counter()
    if kind == "study":
        vec = TfidfVectorizer(ngram_range=(1, 2), lowercase=True, max_features=5000, token_pattern=PATTERN)
        C = 10.0
    elif kind in ("default", "default-df2"):
        min_df = 2 if kind == "default-df2" else 1
        vec = FeatureUnion([
            ("word", TfidfVectorizer(ngram_range=(1, 2), lowercase=True, sublinear_tf=True, token_pattern=PATTERN, min_df=min_df)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=True, sublinear_tf=True, min_df=min_df)),
        ])
        C = 100.0
        classes = sorted(set(y))
        total = {c: 0.0 for c in classes}
        for c, s in zip(y, w):
            total[c] += s
        all_ = w.sum()
        w = np.array([s * all_ / (len(classes) * total[c]) for c, s in zip(y, w)])
    else:
        raise SystemExit(f"unknown kind {kind!r}: study, default or default-df2")
    A = vec.fit_transform(X)
    clf = LogisticRegression(solver="lbfgs", C=C, max_iter=1000).fit(A, y, sample_weight=w)
    seconds = time.perf_counter() - t0
    print(json.dumps({"impl": "sklearn", "kind": kind, "rows": len(rows), "seconds": seconds, "peak_rss_mib": peak_rss_mib(),
                      "features": A.shape[1], "classes": len(clf.classes_), "iterations": int(clf.n_iter_[0])}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
