using System.Text.Json;
using AttackClassifier.Models.Lstm;

namespace AttackClassifier.Tests.Models.Lstm;

/// <summary>
/// Forward logits, loss and every parameter gradient against PyTorch 1.13 in float64
/// (Fixtures/Lstm/make_fixtures.py writes torch_parity.json).
/// </summary>
public class TorchParityTests
{
    private sealed record Case(LstmLayout Layout, int T, int N, bool Masked, int[] Tokens, int[] Labels, double[] Weights,
                               double[] Theta, double[] Logits, double Loss, double[] Gradient, double[] GradBiasIh, double[] GradBiasHh);

    // PyTorch's gate blocks are i, f, g, o; ours are i, f, o, g: our block q is PyTorch's block TorchBlock[q].
    private static readonly int[] TorchBlock = [0, 1, 3, 2];

    private static Case Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lstm", "torch_parity.json")));
        JsonElement c = doc.RootElement.GetProperty("cases").GetProperty(name);
        double[] D(string key) => c.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        int[] I(string key) => c.GetProperty(key).EnumerateArray().Select(e => e.GetInt32()).ToArray();
        int Int(string key) => c.GetProperty(key).GetInt32();
        var L = new LstmLayout(Int("V"), Int("E"), Int("H"), Int("K"));
        double[] theta = ToOurLayout(L, D("embedding"), D("weight_ih"), D("weight_hh"), D("bias_ih"), D("bias_hh"), D("dense_weight"), D("dense_bias"));
        // ∂L/∂b = ∂L/∂b_ih = ∂L/∂b_hh (b = b_ih + b_hh), so the bias gradient goes in once.
        double[] grad = ToOurLayout(L, D("grad_embedding"), D("grad_weight_ih"), D("grad_weight_hh"), D("grad_bias_ih"), new double[4 * L.H], D("grad_dense_weight"), D("grad_dense_bias"));
        return new Case(L, Int("T"), Int("N"), c.GetProperty("masked").GetBoolean(), I("tokens"), I("labels"), D("weights"),
                        theta, D("logits"), c.GetProperty("loss").GetDouble(), grad, D("grad_bias_ih"), D("grad_bias_hh"));
    }

    /// <summary>PyTorch tensors → θ: w[q·H + k, :] = [W_ih | W_hh][TorchBlock[q]·H + k, :], b = b_ih + b_hh permuted the same way.</summary>
    private static double[] ToOurLayout(LstmLayout L, double[] embedding, double[] wIh, double[] wHh, double[] bIh, double[] bHh, double[] wy, double[] by)
    {
        var theta = new double[L.Count];
        embedding.CopyTo(theta, 0);
        int H = L.H, EH = L.InputWidth;
        for (int q = 0; q < 4; q++)
            for (int k = 0; k < H; k++)
            {
                int ours = q * H + k, theirs = TorchBlock[q] * H + k;
                Array.Copy(wIh, theirs * L.E, theta, L.W + ours * EH, L.E);
                Array.Copy(wHh, theirs * H, theta, L.W + ours * EH + L.E, H);
                theta[L.B + ours] = bIh[theirs] + bHh[theirs];
            }
        wy.CopyTo(theta, L.Wy);
        by.CopyTo(theta, L.By);
        return theta;
    }

    [Theory]
    [InlineData("last")]
    [InlineData("masked")]
    [InlineData("wide")]
    public void Double_path_matches_PyTorch_float64_forward_and_gradients(string name)
    {
        Case c = Load(name);
        Assert.All(c.GradBiasIh.Zip(c.GradBiasHh), p => Assert.Equal(p.First, p.Second, 1e-12));   // the fixture's own consistency
        var engine = new LstmBatchEngine<double>(c.Layout, c.T, c.N, rowsPerChunk: 4, c.Masked);
        var logP = new double[c.N * c.Layout.K];
        var g = new double[c.Layout.Count];
        double loss = engine.LossAndGradient(c.Theta, c.Tokens, c.Labels, c.Weights, ReadOnlyMemory<double>.Empty, c.N, g) / c.N;
        Assert.Equal(c.Loss, loss, 1e-12);
        engine.Forward(c.Theta, c.Tokens, c.Labels, c.Weights, c.N, logP);
        for (int n = 0; n < c.N; n++)   // logits are defined up to a shift; compare log-probabilities
        {
            double[] z = c.Logits.Skip(n * c.Layout.K).Take(c.Layout.K).ToArray();
            double logZ = Math.Log(z.Sum(Math.Exp));
            for (int k = 0; k < c.Layout.K; k++) Assert.Equal(z[k] - logZ, logP[n * c.Layout.K + k], 1e-12);
        }
        AssertClose(c.Layout, c.Gradient, g, 1e-10);
    }

    [Theory]
    [InlineData("last")]
    [InlineData("masked")]
    [InlineData("wide")]
    public void Float_path_matches_PyTorch_float64_within_float_tolerance(string name)
    {
        Case c = Load(name);
        var engine = new LstmBatchEngine<float>(c.Layout, c.T, c.N, rowsPerChunk: 16, c.Masked);
        var g = new float[c.Layout.Count];
        double loss = engine.LossAndGradient(c.Theta.Select(v => (float)v).ToArray(), c.Tokens, c.Labels, c.Weights.Select(v => (float)v).ToArray(),
                                             ReadOnlyMemory<float>.Empty, c.N, g) / c.N;
        Assert.True(Math.Abs(c.Loss - loss) < 1e-5 * Math.Abs(c.Loss), $"{c.Loss} vs {loss}");
        AssertClose(c.Layout, c.Gradient, g.Select(v => (double)v).ToArray(), 1e-5);
    }

    // Each tensor compared relative to its largest entry.
    private static void AssertClose(LstmLayout L, double[] expected, double[] actual, double tolerance)
    {
        (string Name, int Start, int Length)[] tensors =
            [("embedding", 0, L.W), ("w", L.W, L.B - L.W), ("b", L.B, 4 * L.H), ("wy", L.Wy, L.K * L.H), ("by", L.By, L.K)];
        foreach (var (tensorName, start, length) in tensors)
        {
            double scale = Math.Max(1e-300, expected.Skip(start).Take(length).Max(Math.Abs));
            for (int j = start; j < start + length; j++)
                Assert.True(Math.Abs(expected[j] - actual[j]) <= tolerance * scale, $"{tensorName}[{j - start}]: PyTorch {expected[j]} vs ours {actual[j]}");
        }
    }
}
