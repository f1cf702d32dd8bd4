"""Golden fixtures for StratifiedSplit and SeededRandom (needs scikit-learn >= 1.2 and numpy).

    python3 make_fixtures.py > split_cases.json

* train_test / train_validation_test: per-class counts of each part from scikit-learn's train_test_split(stratify=y),
  kept only for label vectors where those counts do not depend on random_state (no tie between fractional parts decides
  them; checked over 25 seeds), so a different generator must reproduce them exactly.
* study_protocol: the same for the study's notebook protocol, train_test_split(test_size=val+test) and then
  train_test_split(held_out, test_size=test/(val+test)) whose train part is validation (SplitProtocol.Study).
* kfold: StratifiedKFold(shuffle=True) per-fold, per-class test counts, which never depend on the seed.
* random: an independent Python implementation of SplitMix64 + xoshiro256**, Lemire's bounded integers and Fisher-Yates,
  so the C# generator is checked against a second implementation of the published algorithms.
"""
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn.model_selection import StratifiedKFold, train_test_split

MASK = (1 << 64) - 1


def per_class_counts(y, idx, k):
    return [int(v) for v in np.bincount(np.asarray(y)[idx], minlength=k)]


def labels(counts, rng):
    """A shuffled label vector with the given class sizes (class c appears counts[c] times)."""
    y = np.repeat(np.arange(len(counts)), counts)
    rng.shuffle(y)
    return [int(v) for v in y]


def train_test_counts(y, test_size, seeds=range(25)):
    k = max(y) + 1
    outcomes = set()
    for s in seeds:
        train, test = train_test_split(np.arange(len(y)), test_size=test_size, random_state=s, stratify=y)
        outcomes.add((tuple(per_class_counts(y, train, k)), tuple(per_class_counts(y, test, k))))
    return outcomes


def train_validation_test_counts(y, val, test, seeds=range(25)):
    k = max(y) + 1
    y = np.asarray(y)
    outcomes = set()
    for s in seeds:
        rest, te = train_test_split(np.arange(len(y)), test_size=test, random_state=s, stratify=y)
        tr, va = train_test_split(rest, test_size=val / (1 - test), random_state=s, stratify=y[rest])
        outcomes.add(tuple(tuple(per_class_counts(y, p, k)) for p in (tr, va, te)))
    return outcomes


def study_protocol_counts(y, val, test, seeds=range(25)):
    k = max(y) + 1
    y = np.asarray(y)
    outcomes = set()
    for s in seeds:
        tr, held = train_test_split(np.arange(len(y)), test_size=val + test, random_state=s, stratify=y)
        va, te = train_test_split(held, test_size=test / (val + test), random_state=s, stratify=y[held])
        outcomes.add(tuple(tuple(per_class_counts(y, p, k)) for p in (tr, va, te)))
    return outcomes


# --- SplitMix64 / xoshiro256** / Lemire / Fisher-Yates, written from the papers -----------------------------------
def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        x = seed & MASK
        self.s = []
        for _ in range(4):
            x, out = splitmix64(x)
            self.s.append(out)

    def next_u64(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def next_double(self):
        return (self.next_u64() >> 11) * 2.0 ** -53

    def next_int(self, n):
        m = self.next_u64() * n
        low = m & MASK
        if low < n:
            threshold = (-n % (1 << 64)) % n
            while low < threshold:
                m = self.next_u64() * n
                low = m & MASK
        return m >> 64

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.next_int(i + 1)
            items[i], items[j] = items[j], items[i]


def random_reference():
    out = []
    for seed in (0, 1, 42, -1, 123456789):
        g = Xoshiro256StarStar(seed)
        u64 = [str(g.next_u64()) for _ in range(6)]
        doubles = [g.next_double() for _ in range(4)]
        bounded = {str(n): [g.next_int(n) for _ in range(8)] for n in (1, 2, 3, 7, 1000, 2**31 - 1)}
        perm = list(range(20))
        g.shuffle(perm)
        out.append({"seed": seed, "u64": u64, "doubles": doubles, "ints": bounded, "shuffle20": perm})
    return out


def main():
    rng = np.random.default_rng(7)
    size_sets = [[10, 10], [30, 20, 10], [50, 7, 13, 2, 28], [3, 3, 4, 5, 9, 11], [100, 60, 25, 9, 4, 2],
                 [17, 23, 41, 5], [2, 2, 2, 8], [120, 80, 40, 20, 10, 5]]
    train_test, tvt, study, kfold = [], [], [], []
    for sizes in size_sets:
        y = labels(sizes, rng)
        for test_size in (0.1, 0.2, 0.25, 0.3, 1 / 3, 0.5):
            try:
                outcomes = train_test_counts(y, test_size)
            except ValueError:
                continue
            if len(outcomes) == 1:
                (tr, te), = outcomes
                train_test.append({"y": y, "test_fraction": test_size, "train_counts": list(tr), "test_counts": list(te)})
        for val, test in ((0.2, 0.2), (0.15, 0.25), (0.1, 0.1)):
            try:
                outcomes = train_validation_test_counts(y, val, test)
            except ValueError:
                continue
            if len(outcomes) == 1:
                (tr, va, te), = outcomes
                tvt.append({"y": y, "validation_fraction": val, "test_fraction": test,
                            "train_counts": list(tr), "validation_counts": list(va), "test_counts": list(te)})
            try:
                outcomes = study_protocol_counts(y, val, test)
            except ValueError:
                continue
            if len(outcomes) == 1:
                (tr, va, te), = outcomes
                study.append({"y": y, "validation_fraction": val, "test_fraction": test,
                              "train_counts": list(tr), "validation_counts": list(va), "test_counts": list(te)})
        for folds in (2, 3, 5):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)   # a class smaller than the fold count: allowed, as ours
                try:
                    splits = list(StratifiedKFold(folds, shuffle=True, random_state=0).split(np.zeros(len(y)), y))
                except ValueError:
                    continue
            k = max(y) + 1
            kfold.append({"y": y, "folds": folds, "test_counts": [per_class_counts(y, te, k) for _, te in splits]})

    json.dump({"generator": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
               "train_test": train_test, "train_validation_test": tvt, "study_protocol": study, "kfold": kfold, "random": random_reference()},
              sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
