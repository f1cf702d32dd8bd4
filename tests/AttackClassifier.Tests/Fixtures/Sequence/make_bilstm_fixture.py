"""PyTorch parity fixture for the bidirectional LSTM session tagger (Models/Sequence).

Run with the Debian python3-torch package (PyTorch 1.13):  python3 make_bilstm_fixture.py
Writes bilstm_parity.json: per case, weights in PyTorch's own layout and gate order (i, f, g, o) for both directions
(nn.LSTM(bidirectional=True): *_l0 reads the session forward, *_l0_reverse backward), the dense layer, the statement
vectors of sessions of different lengths, labels (-1 = unlabelled) and weights, and in float64 the logits, the loss and
the gradient of every parameter tensor and of the inputs.

Each session is run through the LSTM on its own (batch of one), which is the definition the C# engine must meet when it
batches sessions with padding; the script also checks that PyTorch's packed batch of all sessions gives the same outputs.
The loss is the tagger's: sum over labelled statements of s * CE, divided by the number of labelled statements.
"""
import json

import numpy as np
import torch

torch.set_default_dtype(torch.float64)


def case(seed, F, H, C, lengths):
    rng = np.random.default_rng(seed)
    lstm = torch.nn.LSTM(F, H, batch_first=True, bidirectional=True)
    dense = torch.nn.Linear(2 * H, C)
    names = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
             "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse"]
    with torch.no_grad():
        for p in [getattr(lstm, n) for n in names] + [dense.weight, dense.bias]:
            p.copy_(torch.from_numpy(rng.normal(0.0, 0.5, size=tuple(p.shape))))
    S = int(sum(lengths))
    x = torch.from_numpy(rng.normal(0.0, 1.0, size=(S, F))).requires_grad_(True)
    labels = rng.integers(0, C, size=S)
    labels[1] = -1                                          # one unlabelled statement
    weights = rng.uniform(0.25, 3.0, size=S)
    weights[2] = 0.0                                        # one zero-weight (but counted) statement
    starts = np.concatenate([[0], np.cumsum(lengths)]).astype(int)

    outs = []
    for s in range(len(lengths)):
        out, _ = lstm(x[starts[s]:starts[s + 1]].unsqueeze(0))   # (1, T_s, 2H) = [h_fwd ; h_bwd]
        outs.append(out[0])
    h = torch.cat(outs, 0)                                  # (S, 2H)

    # The same outputs from a padded, packed batch of all sessions (no bleed between sessions).
    with torch.no_grad():
        padded = torch.zeros(len(lengths), max(lengths), F)
        for s in range(len(lengths)):
            padded[s, : lengths[s]] = x[starts[s]:starts[s + 1]]
        packed = torch.nn.utils.rnn.pack_padded_sequence(padded, torch.tensor(lengths), batch_first=True, enforce_sorted=False)
        out, _ = lstm(packed)
        out, _ = torch.nn.utils.rnn.pad_packed_sequence(out, batch_first=True)
        for s in range(len(lengths)):
            assert torch.allclose(out[s, : lengths[s]], outs[s], atol=1e-12)

    z = dense(h)                                            # (S, C)
    y = torch.from_numpy(labels)
    mask = (y >= 0).to(torch.float64)
    ce = torch.nn.functional.cross_entropy(z, y.clamp(min=0), reduction="none")
    loss = (torch.from_numpy(weights) * mask * ce).sum() / mask.sum()
    loss.backward()

    def t(p):
        return p.detach().reshape(-1).tolist()

    result = {
        "F": F, "H": H, "C": C, "lengths": [int(v) for v in lengths],
        "features": t(x), "labels": labels.tolist(), "weights": weights.tolist(),
        "dense_weight": t(dense.weight), "dense_bias": t(dense.bias),
        "logits": t(z), "loss": loss.item(),
        "grad_dense_weight": t(dense.weight.grad), "grad_dense_bias": t(dense.bias.grad), "grad_features": t(x.grad),
    }
    for n in names:
        result[n] = t(getattr(lstm, n))
        result["grad_" + n] = t(getattr(lstm, n).grad)
    return result


fixtures = {
    "torch_version": torch.__version__,
    "cases": {
        "small": case(1, F=4, H=3, C=5, lengths=[5, 2]),
        "wide": case(2, F=20, H=24, C=14, lengths=[9, 4]),
    },
}
with open("bilstm_parity.json", "w") as f:
    json.dump(fixtures, f)
