using AttackClassifier.Kernels;
using AttackClassifier.Text;

namespace AttackClassifier.Tests.Testing;

/// <summary>Small seeded inputs for tests.</summary>
internal static class TinyProblems
{
    /// <summary>n sparse non-negative rows over d columns with L2 norm 1 (TF-IDF-like); every row has 1..d entries.</summary>
    public static CsrMatrix SparseRows(Random rng, int n, int d, double density = 0.4)
    {
        var rowStart = new int[n + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (int r = 0; r < n; r++)
        {
            var row = new List<(int Column, double Value)>();
            for (int j = 0; j < d; j++)
                if (rng.NextDouble() < density) row.Add((j, 0.1 + rng.NextDouble()));
            if (row.Count == 0) row.Add((rng.Next(d), 1.0));
            double norm = Math.Sqrt(row.Sum(e => e.Value * e.Value));
            foreach (var (c, v) in row) { columns.Add(c); values.Add(v / norm); }
            rowStart[r + 1] = columns.Count;
        }
        return new CsrMatrix(n, d, rowStart, columns.ToArray(), values.ToArray());
    }

    /// <summary>n labels in [0, k), every class present when n ≥ k.</summary>
    public static int[] Labels(Random rng, int n, int k) => Enumerable.Range(0, n).Select(i => i < k ? i : rng.Next(k)).ToArray();

    /// <summary>n positive weights in [0.5, 3).</summary>
    public static double[] Weights(Random rng, int n) => Enumerable.Range(0, n).Select(_ => 0.5 + 2.5 * rng.NextDouble()).ToArray();

    /// <summary>n independent N(0, scale²) values (Box–Muller).</summary>
    public static double[] Gaussian(Random rng, int n, double scale)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++)
            v[i] = scale * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return v;
    }

    /// <summary>A uniformly random unit vector of length n.</summary>
    public static double[] UnitVector(Random rng, int n)
    {
        double[] v = Gaussian(rng, n, 1.0);
        double norm = Math.Sqrt(v.Sum(e => e * e));
        return v.Select(e => e / norm).ToArray();
    }
}
