using AttackClassifier.Models.Lstm;

namespace AttackClassifier.Tests.Models.Lstm;

/// <summary>Small seeded problems for the LSTM tests.</summary>
internal sealed record LstmProblem(LstmLayout Layout, int Steps, int Rows, int[] Tokens, int[] Labels, double[] Weights)
{
    public static LstmProblem Tiny(int seed, int rows = 5, int steps = 4, LstmLayout? layout = null, bool postPadded = true)
    {
        var L = layout ?? new LstmLayout(V: 5, E: 3, H: 4, K: 3);
        var rng = new Random(seed);
        var tokens = new int[rows * steps];
        for (int n = 0; n < rows; n++)
        {
            int length = postPadded ? rng.Next(0, steps + 1) : steps;   // some rows all padding, some full
            for (int t = 0; t < length; t++) tokens[n * steps + t] = rng.Next(1, L.V);
        }
        var labels = Enumerable.Range(0, rows).Select(_ => rng.Next(L.K)).ToArray();
        var weights = Enumerable.Range(0, rows).Select(_ => 0.25 + 2 * rng.NextDouble()).ToArray();
        return new LstmProblem(L, steps, rows, tokens, labels, weights);
    }

    public static double[] Gaussian(Random rng, int count, double scale)
    {
        var x = new double[count];
        for (int i = 0; i < count; i++) x[i] = scale * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return x;
    }

    public static double[] UnitVector(Random rng, int count)
    {
        double[] u = Gaussian(rng, count, 1);
        double norm = Math.Sqrt(u.Sum(v => v * v));
        return u.Select(v => v / norm).ToArray();
    }

    public static double RelativeError(double a, double b) => Math.Abs(a - b) / Math.Max(1e-12, Math.Max(Math.Abs(a), Math.Abs(b)));
}
