using AttackClassifier.Models.Sequence;
using AttackClassifier.Tests.Models.Lstm;
using Xunit.Abstractions;

namespace AttackClassifier.Tests.Models.Sequence;

/// <summary>The tagger's BPTT against central finite differences of its forward pass, in double, for every coordinate.</summary>
public class BiLstmTaggerGradientTests(ITestOutputHelper output)
{
    /// <summary>Sessions of lengths 4, 1, 6, 2, 3 (so chunks of two pad), one unlabelled and one zero-weight statement.</summary>
    internal static SessionArrays<double> TinySessions(Random rng, int F, int C, int[] lengths)
    {
        int[] starts = new int[lengths.Length + 1];
        for (int s = 0; s < lengths.Length; s++) starts[s + 1] = starts[s] + lengths[s];
        int S = starts[^1];
        double[] x = LstmProblem.Gaussian(rng, S * F, 1.0);
        int[] y = Enumerable.Range(0, S).Select(_ => rng.Next(C)).ToArray();
        double[] w = Enumerable.Range(0, S).Select(_ => 0.25 + 2 * rng.NextDouble()).ToArray();
        y[1] = -1;
        w[3] = 0;
        return new SessionArrays<double>(F, x, starts, y, w);
    }

    private static double MeanLoss(BiLstmTaggerEngine<double> engine, double[] theta, SessionArrays<double> data, int[] sessions)
        => engine.Forward(theta, data, sessions, null) / BiLstmTaggerEngine<double>.LabelledCount(data, sessions);

    /// <summary>
    /// ∂f/∂v[i] by the fourth-order central difference (−f(v+2h) + 8f(v+h) − 8f(v−h) + f(v−2h)) / 12h, h = 1e-4: truncation
    /// O(h⁴) ≈ 1e-16 and rounding ≈ ε·f/h ≈ 1e-12. The second-order stencil's rounding (ε·f/1e-6 ≈ 1e-10 at its best h) is
    /// larger than the smallest gradient entries here (~1e-7), which made their relative error look like 1e-4 though PyTorch agrees to 1e-10.
    /// </summary>
    private static double Derivative(double[] v, int i, Func<double> f)
    {
        const double h = 1e-4;
        double saved = v[i];
        double F(double offset) { v[i] = saved + offset; return f(); }
        double d = (-F(2 * h) + 8 * F(h) - 8 * F(-h) + F(-2 * h)) / (12 * h);
        v[i] = saved;
        return d;
    }

    // |a − n| / max(|a|, |n|), with an absolute floor of 1e-7 for entries that are zero up to rounding.
    private static double RelativeError(double a, double n) => Math.Abs(a - n) / Math.Max(1e-7, Math.Max(Math.Abs(a), Math.Abs(n)));

    [Theory]
    [InlineData(2)]   // sessions of different lengths share a chunk: padding in both directions
    [InlineData(5)]   // all five in one chunk
    public void Every_parameter_and_input_gradient_matches_central_differences_in_double(int sessionsPerChunk)
    {
        var rng = new Random(17);
        var L = new BiLstmTaggerLayout(F: 3, H: 4, C: 3);
        SessionArrays<double> data = TinySessions(rng, L.F, L.C, [4, 1, 6, 2, 3]);
        int[] sessions = [0, 1, 2, 3, 4];
        var engine = new BiLstmTaggerEngine<double>(L, sessionsPerChunk, sessions.Length);
        double[] theta = LstmProblem.Gaussian(rng, L.Count, 0.6);
        var g = new double[L.Count];
        var dx = new double[data.Features.Length];
        engine.LossAndGradient(theta, data, sessions, g, dx);

        var worst = new Dictionary<string, double>();
        var where = new Dictionary<string, string>();
        void Record(string tensor, double analytic, double numeric)
        {
            double error = RelativeError(analytic, numeric);
            if (error >= worst.GetValueOrDefault(tensor)) (worst[tensor], where[tensor]) = (error, $"analytic {analytic:E6} vs numeric {numeric:E6}");
        }
        for (int j = 0; j < theta.Length; j++)
            Record(Region(L, j), g[j], Derivative(theta, j, () => MeanLoss(engine, theta, data, sessions)));
        for (int i = 0; i < data.Features.Length; i++)
            Record("x", dx[i], Derivative(data.Features, i, () => MeanLoss(engine, theta, data, sessions)));
        foreach (var (tensor, error) in worst) output.WriteLine($"{tensor}: max relative error {error:E2} ({where[tensor]})");
        Assert.Equal(["bB", "bF", "by", "wB", "wF", "wy", "x"], worst.Keys.Order());
        Assert.All(worst, p => Assert.True(p.Value < 1e-5, $"{p.Key}: max relative error {p.Value:E2}"));
    }

    [Fact]
    public void Batching_sessions_together_changes_nothing_no_padding_bleeds()
    {
        var rng = new Random(23);
        var L = new BiLstmTaggerLayout(F: 5, H: 6, C: 4);
        SessionArrays<double> data = TinySessions(rng, L.F, L.C, [7, 1, 3, 5]);
        int[] sessions = [0, 1, 2, 3];
        double[] theta = LstmProblem.Gaussian(rng, L.Count, 0.5);
        var together = new double[L.Count];
        var dxTogether = new double[data.Features.Length];
        double lossTogether = new BiLstmTaggerEngine<double>(L, 4, 4).LossAndGradient(theta, data, sessions, together, dxTogether);

        // One session at a time, each scaled by the batch's labelled count, then summed.
        int m = BiLstmTaggerEngine<double>.LabelledCount(data, sessions);
        var alone = new double[L.Count];
        var dxAlone = new double[data.Features.Length];
        double lossAlone = 0;
        foreach (int s in sessions)
        {
            var g = new double[L.Count];
            var dx = new double[data.Features.Length];
            lossAlone += new BiLstmTaggerEngine<double>(L, 1, 1).LossAndGradient(theta, data, new[] { s }, g, dx);
            double share = (double)BiLstmTaggerEngine<double>.LabelledCount(data, [s]) / m;   // its gradient was divided by its own count
            for (int j = 0; j < g.Length; j++) alone[j] += g[j] * share;
            for (int i = data.Starts[s] * L.F; i < data.Starts[s + 1] * L.F; i++) dxAlone[i] = dx[i] * share;
        }
        Assert.Equal(lossAlone, lossTogether, 1e-12);
        for (int j = 0; j < L.Count; j++) Assert.True(Math.Abs(alone[j] - together[j]) < 1e-12, $"θ[{j}] ({Region(L, j)}): {alone[j]} vs {together[j]}");
        for (int i = 0; i < dxAlone.Length; i++) Assert.True(Math.Abs(dxAlone[i] - dxTogether[i]) < 1e-12, $"x[{i}]: {dxAlone[i]} vs {dxTogether[i]}");
    }

    internal static string Region(BiLstmTaggerLayout L, int j) =>
        j < L.BForward ? "wF" : j < L.WBackward ? "bF" : j < L.BBackward ? "wB" : j < L.Wy ? "bB" : j < L.By ? "wy" : "by";
}
