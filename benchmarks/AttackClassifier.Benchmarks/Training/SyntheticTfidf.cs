using AttackClassifier.Kernels;
using AttackClassifier.Text;

namespace AttackClassifier.Benchmarks.Training;

/// <summary>A seeded TF-IDF-like classification problem: sparse non-negative rows with L2 norm 1, labels from a hidden
/// linear model plus Gumbel noise (so the classes are learnable but not separable), integer observation counts as weights.</summary>
internal sealed record SyntheticTfidf(CsrMatrix X, int[] Y, double[] Weights, int ClassCount)
{
    public static SyntheticTfidf Create(int rows, int features, int nonZerosPerRow, int classes, int seed)
    {
        var rng = new Random(seed);
        var hidden = new double[features * classes];   // (D, K)
        for (int i = 0; i < hidden.Length; i++) hidden[i] = 4 * (rng.NextDouble() - 0.5);
        var rowStart = new int[rows + 1];
        var columns = new int[rows * nonZerosPerRow];
        var values = new double[rows * nonZerosPerRow];
        var y = new int[rows];
        var weights = new double[rows];
        var picked = new SortedSet<int>();
        var z = new double[classes];
        for (int n = 0; n < rows; n++)
        {
            picked.Clear();
            while (picked.Count < nonZerosPerRow) picked.Add(Zipf(rng, features));   // frequent tokens are frequent, as in TF-IDF
            int e = n * nonZerosPerRow;
            double norm = 0;
            foreach (int j in picked) { columns[e] = j; values[e] = 0.2 + rng.NextDouble(); norm += values[e] * values[e]; e++; }
            norm = Math.Sqrt(norm);
            Array.Clear(z);
            for (e = n * nonZerosPerRow; e < (n + 1) * nonZerosPerRow; e++)
            {
                values[e] /= norm;
                for (int k = 0; k < classes; k++) z[k] += values[e] * hidden[columns[e] * classes + k];
            }
            int best = 0;
            double bestValue = double.NegativeInfinity;
            for (int k = 0; k < classes; k++)
            {
                double v = z[k] - Math.Log(-Math.Log(1 - rng.NextDouble()));   // + Gumbel noise
                if (v > bestValue) (best, bestValue) = (k, v);
            }
            y[n] = best;
            weights[n] = 1 + rng.Next(5);
            rowStart[n + 1] = (n + 1) * nonZerosPerRow;
        }
        return new SyntheticTfidf(new CsrMatrix(rows, features, rowStart, columns, values), y, weights, classes);
    }

    // Approximately Zipf-distributed index in [0, d): ⌊d^u⌋ − 1 with u uniform has density ∝ 1/j.
    private static int Zipf(Random rng, int d) => Math.Min(d - 1, (int)Math.Pow(d + 1, rng.NextDouble()) - 1);
}
