using AttackClassifier.Models.Lstm;

namespace AttackClassifier.Tests.Models.Lstm;

/// <summary>Backward against central finite differences of Forward, in double (h = 1e-6) and float (h = 1e-3).</summary>
public class LstmGradientTests
{
    // f(θ) = Σₙ sₙ·lossₙ / B, evaluated by the same engine that produces the gradient.
    private static double Loss(LstmBatchEngine<double> engine, LstmProblem p, double[] theta, double[] keep)
    {
        var logP = new double[p.Rows * p.Layout.K];
        double sum = engine.Forward(theta, p.Tokens, p.Labels, p.Weights, p.Rows, logP);
        if (keep.Length == 0) return sum / p.Rows;
        // With a fixed dropout mask the loss is a different function: recompute it through LossAndGradient.
        return engine.LossAndGradient(theta, p.Tokens, p.Labels, p.Weights, keep, p.Rows, new double[theta.Length]) / p.Rows;
    }

    private static double[] KeepMask(Random rng, int count, double rate)
        => Enumerable.Range(0, count).Select(_ => rng.NextDouble() < rate ? 0.0 : 1 / (1 - rate)).ToArray();

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Every_coordinate_of_the_gradient_matches_central_differences_in_double(bool masked, bool dropout)
    {
        var p = LstmProblem.Tiny(seed: masked ? 11 : 12);
        var rng = new Random(3);
        var engine = new LstmBatchEngine<double>(p.Layout, p.Steps, p.Rows, rowsPerChunk: 2, masked);
        double[] theta = LstmProblem.Gaussian(rng, p.Layout.Count, 0.6);
        double[] keep = dropout ? KeepMask(rng, p.Rows * p.Layout.H, 0.5) : [];
        var g = new double[theta.Length];
        engine.LossAndGradient(theta, p.Tokens, p.Labels, p.Weights, keep, p.Rows, g);
        const double h = 1e-6;
        for (int j = 0; j < theta.Length; j++)
        {
            double saved = theta[j];
            theta[j] = saved + h; double fPlus = Loss(engine, p, theta, keep);
            theta[j] = saved - h; double fMinus = Loss(engine, p, theta, keep);
            theta[j] = saved;
            double numeric = (fPlus - fMinus) / (2 * h);
            // Entries with no influence (unused embedding rows) must be exactly zero on both sides.
            Assert.True(Math.Abs(g[j] - numeric) < 1e-9 || LstmProblem.RelativeError(g[j], numeric) < 1e-6,
                        $"θ[{j}] ({Region(p.Layout, j)}): analytic {g[j]} vs numeric {numeric}");
        }
    }

    [Fact]
    public void Gradient_matches_central_differences_along_random_directions_on_a_larger_model()
    {
        var p = LstmProblem.Tiny(seed: 21, rows: 9, steps: 7, layout: new LstmLayout(V: 30, E: 10, H: 12, K: 5));
        var rng = new Random(5);
        var engine = new LstmBatchEngine<double>(p.Layout, p.Steps, p.Rows, rowsPerChunk: 4, masked: false);
        double[] theta = LstmProblem.Gaussian(rng, p.Layout.Count, 0.4);
        var g = new double[theta.Length];
        engine.LossAndGradient(theta, p.Tokens, p.Labels, p.Weights, ReadOnlyMemory<double>.Empty, p.Rows, g);
        for (int trial = 0; trial < 10; trial++)
        {
            double[] u = LstmProblem.UnitVector(rng, theta.Length);
            const double h = 1e-6;
            double fPlus = Loss(engine, p, theta.Zip(u, (a, b) => a + h * b).ToArray(), []);
            double fMinus = Loss(engine, p, theta.Zip(u, (a, b) => a - h * b).ToArray(), []);
            double numeric = (fPlus - fMinus) / (2 * h), analytic = g.Zip(u, (a, b) => a * b).Sum();
            Assert.True(LstmProblem.RelativeError(analytic, numeric) < 1e-6, $"trial {trial}: {analytic} vs {numeric}");
        }
    }

    [Fact]
    public void Float_gradient_matches_central_differences_with_float_tolerance()
    {
        var p = LstmProblem.Tiny(seed: 31, rows: 6, steps: 5, layout: new LstmLayout(V: 12, E: 8, H: 16, K: 4));
        var rng = new Random(7);
        var engine = new LstmBatchEngine<float>(p.Layout, p.Steps, p.Rows, rowsPerChunk: 4, masked: false);
        float[] theta = LstmProblem.Gaussian(rng, p.Layout.Count, 0.5).Select(v => (float)v).ToArray();
        float[] weights = p.Weights.Select(v => (float)v).ToArray();
        var g = new float[theta.Length];
        engine.LossAndGradient(theta, p.Tokens, p.Labels, weights, ReadOnlyMemory<float>.Empty, p.Rows, g);
        var logP = new float[p.Rows * p.Layout.K];
        double F(float[] th) => engine.Forward(th, p.Tokens, p.Labels, weights, p.Rows, logP) / p.Rows;
        for (int trial = 0; trial < 10; trial++)
        {
            double[] u = LstmProblem.UnitVector(rng, theta.Length);
            const double h = 1e-2;   // along a unit direction; each coordinate moves by ~1e-3
            double numeric = (F(theta.Select((a, i) => (float)(a + h * u[i])).ToArray()) - F(theta.Select((a, i) => (float)(a - h * u[i])).ToArray())) / (2 * h);
            double analytic = g.Select((a, i) => a * u[i]).Sum();
            Assert.True(LstmProblem.RelativeError(analytic, numeric) < 1e-2, $"trial {trial}: {analytic} vs {numeric}");
        }
    }

    [Fact]
    public void Float_and_double_engines_agree_on_loss_and_gradient()
    {
        var p = LstmProblem.Tiny(seed: 41, rows: 20, steps: 6, layout: new LstmLayout(V: 40, E: 20, H: 24, K: 6));
        var rng = new Random(9);
        double[] theta = LstmProblem.Gaussian(rng, p.Layout.Count, 0.3);
        var gd = new double[theta.Length];
        double ld = new LstmBatchEngine<double>(p.Layout, p.Steps, p.Rows, 8, false).LossAndGradient(theta, p.Tokens, p.Labels, p.Weights, ReadOnlyMemory<double>.Empty, p.Rows, gd);
        var gf = new float[theta.Length];
        double lf = new LstmBatchEngine<float>(p.Layout, p.Steps, p.Rows, 8, false).LossAndGradient(theta.Select(v => (float)v).ToArray(), p.Tokens, p.Labels,
            p.Weights.Select(v => (float)v).ToArray(), ReadOnlyMemory<float>.Empty, p.Rows, gf);
        Assert.True(LstmProblem.RelativeError(ld, lf) < 1e-5, $"{ld} vs {lf}");
        double scale = gd.Max(Math.Abs);
        for (int j = 0; j < theta.Length; j++) Assert.True(Math.Abs(gd[j] - gf[j]) < 1e-5 * scale, $"θ[{j}]: {gd[j]} vs {gf[j]}");
    }

    internal static string Region(LstmLayout L, int j) =>
        j < L.W ? "embedding" : j < L.B ? "w" : j < L.Wy ? "b" : j < L.By ? "wy" : "by";
}
