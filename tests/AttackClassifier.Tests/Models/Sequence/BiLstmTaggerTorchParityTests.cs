using System.Text.Json;
using AttackClassifier.Models.Sequence;

namespace AttackClassifier.Tests.Models.Sequence;

/// <summary>
/// Logits, loss and the gradient of every parameter tensor and of the inputs against PyTorch 1.13's
/// <c>nn.LSTM(bidirectional=True)</c> + <c>Linear</c> + cross-entropy in float64
/// (Fixtures/Sequence/make_bilstm_fixture.py writes bilstm_parity.json).
/// </summary>
public class BiLstmTaggerTorchParityTests
{
    private sealed record Case(BiLstmTaggerLayout Layout, SessionArrays<double> Data, double[] Theta, double[] Logits, double Loss,
                               double[] Gradient, double[] InputGradient, bool BiasGradientsAgree);

    // PyTorch's gate blocks are i, f, g, o; ours are i, f, o, g: our block q is PyTorch's block TorchBlock[q].
    private static readonly int[] TorchBlock = [0, 1, 3, 2];

    private static Case Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sequence", "bilstm_parity.json")));
        JsonElement c = doc.RootElement.GetProperty("cases").GetProperty(name);
        double[] D(string key) => c.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        int[] I(string key) => c.GetProperty(key).EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var L = new BiLstmTaggerLayout(c.GetProperty("F").GetInt32(), c.GetProperty("H").GetInt32(), c.GetProperty("C").GetInt32());
        int[] lengths = I("lengths");
        var starts = new int[lengths.Length + 1];
        for (int s = 0; s < lengths.Length; s++) starts[s + 1] = starts[s] + lengths[s];
        var data = new SessionArrays<double>(L.F, D("features"), starts, I("labels"), D("weights"));
        double[] theta = ToOurLayout(L, p => D(p));
        // ∂L/∂b = ∂L/∂b_ih = ∂L/∂b_hh (b = b_ih + b_hh): take b_ih's gradient, count b_hh's as zero.
        double[] grad = ToOurLayout(L, p => p.StartsWith("bias_hh", StringComparison.Ordinal) ? new double[4 * L.H] : D("grad_" + p));
        bool agree = D("grad_bias_ih_l0").Zip(D("grad_bias_hh_l0")).Concat(D("grad_bias_ih_l0_reverse").Zip(D("grad_bias_hh_l0_reverse")))
                        .All(p => Math.Abs(p.First - p.Second) < 1e-12);
        return new Case(L, data, theta, D("logits"), c.GetProperty("loss").GetDouble(), grad, D("grad_features"), agree);
    }

    /// <summary>PyTorch tensors → θ: per direction w[q·H + k, :] = [W_ih | W_hh][TorchBlock[q]·H + k, :], b = b_ih + b_hh
    /// permuted the same way; wy = the Linear weight (C, 2H) as it is (forward half first in both).</summary>
    private static double[] ToOurLayout(BiLstmTaggerLayout L, Func<string, double[]> tensor)
    {
        var theta = new double[L.Count];
        int H = L.H, EH = L.InputWidth;
        foreach (var (suffix, w, b) in new[] { ("_l0", L.WForward, L.BForward), ("_l0_reverse", L.WBackward, L.BBackward) })
        {
            double[] wIh = tensor("weight_ih" + suffix), wHh = tensor("weight_hh" + suffix), bIh = tensor("bias_ih" + suffix), bHh = tensor("bias_hh" + suffix);
            for (int q = 0; q < 4; q++)
                for (int k = 0; k < H; k++)
                {
                    int ours = q * H + k, theirs = TorchBlock[q] * H + k;
                    Array.Copy(wIh, theirs * L.F, theta, w + ours * EH, L.F);
                    Array.Copy(wHh, theirs * H, theta, w + ours * EH + L.F, H);
                    theta[b + ours] = bIh[theirs] + bHh[theirs];
                }
        }
        tensor("dense_weight").CopyTo(theta, L.Wy);
        tensor("dense_bias").CopyTo(theta, L.By);
        return theta;
    }

    [Theory]
    [InlineData("small")]
    [InlineData("wide")]
    public void Double_path_matches_PyTorch_float64_forward_and_gradients(string name)
    {
        Case c = Load(name);
        Assert.True(c.BiasGradientsAgree);   // the fixture's own consistency
        BiLstmTaggerLayout L = c.Layout;
        int[] sessions = Enumerable.Range(0, c.Data.Starts.Length - 1).ToArray();
        var engine = new BiLstmTaggerEngine<double>(L, sessionsPerChunk: sessions.Length, sessions.Length);   // one chunk: padded
        var g = new double[L.Count];
        var dx = new double[c.Data.Features.Length];
        int m = BiLstmTaggerEngine<double>.LabelledCount(c.Data, sessions);
        Assert.Equal(c.Loss, engine.LossAndGradient(c.Theta, c.Data, sessions, g, dx) / m, 1e-12);
        var logP = new double[c.Data.Starts[^1] * L.C];
        engine.Forward(c.Theta, c.Data, sessions, logP);
        for (int r = 0; r < c.Data.Starts[^1]; r++)   // logits are defined up to a shift; compare log-probabilities
        {
            double[] z = c.Logits.Skip(r * L.C).Take(L.C).ToArray();
            double logZ = Math.Log(z.Sum(Math.Exp));
            for (int k = 0; k < L.C; k++) Assert.Equal(z[k] - logZ, logP[r * L.C + k], 1e-12);
        }
        AssertClose(L, c.Gradient, g, c.InputGradient, dx, 1e-10);
    }

    [Theory]
    [InlineData("small")]
    [InlineData("wide")]
    public void Float_path_matches_PyTorch_float64_within_float_tolerance(string name)
    {
        Case c = Load(name);
        BiLstmTaggerLayout L = c.Layout;
        int[] sessions = Enumerable.Range(0, c.Data.Starts.Length - 1).ToArray();
        var data = new SessionArrays<float>(L.F, c.Data.Features.Select(v => (float)v).ToArray(), c.Data.Starts, c.Data.Labels,
                                            c.Data.Weights.Select(v => (float)v).ToArray());
        var engine = new BiLstmTaggerEngine<float>(L, sessionsPerChunk: 1, sessions.Length);   // one session per chunk, in parallel
        var g = new float[L.Count];
        var dx = new float[data.Features.Length];
        double loss = engine.LossAndGradient(c.Theta.Select(v => (float)v).ToArray(), data, sessions, g, dx) / BiLstmTaggerEngine<float>.LabelledCount(data, sessions);
        Assert.True(Math.Abs(c.Loss - loss) < 1e-5 * Math.Abs(c.Loss), $"{c.Loss} vs {loss}");
        AssertClose(L, c.Gradient, g.Select(v => (double)v).ToArray(), c.InputGradient, dx.Select(v => (double)v).ToArray(), 1e-5);
    }

    // Each tensor compared relative to its largest entry.
    private static void AssertClose(BiLstmTaggerLayout L, double[] expected, double[] actual, double[] expectedDx, double[] actualDx, double tolerance)
    {
        int G = 4 * L.H;
        (string Name, double[] Expected, double[] Actual, int Start, int Length)[] tensors =
        [
            ("wF", expected, actual, L.WForward, G * L.InputWidth), ("bF", expected, actual, L.BForward, G),
            ("wB", expected, actual, L.WBackward, G * L.InputWidth), ("bB", expected, actual, L.BBackward, G),
            ("wy", expected, actual, L.Wy, 2 * L.H * L.C), ("by", expected, actual, L.By, L.C), ("x", expectedDx, actualDx, 0, expectedDx.Length),
        ];
        foreach (var (name, e, a, start, length) in tensors)
        {
            double scale = Math.Max(1e-300, e.Skip(start).Take(length).Max(Math.Abs));
            for (int j = start; j < start + length; j++)
                Assert.True(Math.Abs(e[j] - a[j]) <= tolerance * scale, $"{name}[{j - start}]: PyTorch {e[j]} vs ours {a[j]}");
        }
    }
}
