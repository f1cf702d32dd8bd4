"""PyTorch parity fixtures for the Embedding -> LSTM -> Dense classifier.

Run with the Debian python3-torch package (PyTorch 1.13):  python3 make_fixtures.py
Writes torch_parity.json: weights in PyTorch's own layout and gate order (i, f, g, o), the inputs, and float64
forward logits, the loss and the gradient of every parameter tensor. Dropout is off. The loss is Keras's
weighted batch loss  sum_n s_n * CE_n / B  (B = rows in the batch).
Two cases: 'last' reads h at step T-1 (padding fed through, the study's setup); 'masked' reads h at each
row's last non-zero token.
"""
import json

import numpy as np
import torch

torch.set_default_dtype(torch.float64)


def case(seed, V, E, H, K, T, N, masked):
    rng = np.random.default_rng(seed)
    emb = torch.nn.Embedding(V, E)
    lstm = torch.nn.LSTM(E, H, batch_first=True)
    dense = torch.nn.Linear(H, K)
    with torch.no_grad():
        for p in [emb.weight, lstm.weight_ih_l0, lstm.weight_hh_l0, lstm.bias_ih_l0, lstm.bias_hh_l0, dense.weight, dense.bias]:
            p.copy_(torch.from_numpy(rng.normal(0.0, 0.5, size=tuple(p.shape))))
    lengths = rng.integers(1, T + 1, size=N)
    lengths[0] = T
    tokens = np.zeros((N, T), dtype=np.int64)
    for n in range(N):
        tokens[n, : lengths[n]] = rng.integers(1, V, size=lengths[n])
    labels = rng.integers(0, K, size=N)
    weights = rng.uniform(0.25, 3.0, size=N)

    x = emb(torch.from_numpy(tokens))                       # (N, T, E)
    out, _ = lstm(x)                                        # (N, T, H)
    last = torch.from_numpy(lengths - 1) if masked else torch.full((N,), T - 1)
    h = out[torch.arange(N), last]                          # (N, H)
    z = dense(h)                                            # (N, K)
    ce = torch.nn.functional.cross_entropy(z, torch.from_numpy(labels), reduction="none")
    loss = (torch.from_numpy(weights) * ce).sum() / N
    loss.backward()

    def t(p):
        return p.detach().reshape(-1).tolist()

    return {
        "V": V, "E": E, "H": H, "K": K, "T": T, "N": N, "masked": masked,
        "tokens": tokens.reshape(-1).tolist(), "labels": labels.tolist(), "weights": weights.tolist(),
        "embedding": t(emb.weight), "weight_ih": t(lstm.weight_ih_l0), "weight_hh": t(lstm.weight_hh_l0),
        "bias_ih": t(lstm.bias_ih_l0), "bias_hh": t(lstm.bias_hh_l0),
        "dense_weight": t(dense.weight), "dense_bias": t(dense.bias),
        "logits": t(z), "loss": loss.item(),
        "grad_embedding": t(emb.weight.grad), "grad_weight_ih": t(lstm.weight_ih_l0.grad),
        "grad_weight_hh": t(lstm.weight_hh_l0.grad), "grad_bias_ih": t(lstm.bias_ih_l0.grad),
        "grad_bias_hh": t(lstm.bias_hh_l0.grad), "grad_dense_weight": t(dense.weight.grad),
        "grad_dense_bias": t(dense.bias.grad),
    }


fixtures = {
    "torch_version": torch.__version__,
    "cases": {
        "last": case(1, V=23, E=7, H=6, K=5, T=8, N=9, masked=False),
        "masked": case(2, V=23, E=7, H=6, K=5, T=8, N=9, masked=True),
        "wide": case(3, V=50, E=20, H=24, K=7, T=12, N=20, masked=False),
    },
}
with open("torch_parity.json", "w") as f:
    json.dump(fixtures, f)
