using System.Numerics.Tensors;
using AttackClassifier.Kernels;
using AttackClassifier.Randomness;

namespace AttackClassifier.Review;

/// <summary>
/// k-means over sparse rows with k-means++ seeding (Arthur &amp; Vassilvitskii, "k-means++: the advantages of careful
/// seeding", SODA 2007) and Lloyd's iterations, in squared Euclidean distance:
/// <code>
/// seeding:  c₁ = a row drawn uniformly; then cⱼ = row x drawn with probability D(x)² / Σ D², D(x) = distance to the nearest chosen centre
/// assign:   a(x) = argminⱼ ‖x − cⱼ‖² = argminⱼ (‖cⱼ‖² − 2 x·cⱼ)      (‖x‖² is the same for every j)
/// update:   cⱼ = mean of the rows assigned to j (an empty cluster keeps its centre)
/// </code>
/// Stops when no assignment changes, or after <see cref="MaxIterations"/>. Ties go to the lower centre index. Lloyd's
/// iterations only reach a local optimum, and an unlucky seeding (two centres in one tight group) stays there, so the whole
/// run is repeated <see cref="Restarts"/> times from the same generator and the clustering with the least inertia
/// Σₙ ‖xₙ − c_a(n)‖² is kept (scikit-learn's <c>n_init</c>; the first of equal ones).
/// </summary>
internal static class KMeans
{
    internal const int MaxIterations = 50;
    internal const int Restarts = 10;

    /// <summary>The cluster (in [0, k)) of every row of <paramref name="x"/>, (N). Fewer than k distinct rows give fewer
    /// clusters (seeding stops when every remaining row sits on a centre).</summary>
    internal static int[] Cluster(CsrMatrix x, int k, SeededRandom rng)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        int[] best = [];
        double bestInertia = double.PositiveInfinity;
        for (int restart = 0; restart < Restarts; restart++)
        {
            int[] assignment = ClusterOnce(x, k, rng, out double inertia);
            if (inertia < bestInertia) (best, bestInertia) = (assignment, inertia);
        }
        return best;
    }

    // One seeding and Lloyd run; inertia = Σₙ ‖xₙ − c_a(n)‖² at the end.
    private static int[] ClusterOnce(CsrMatrix x, int k, SeededRandom rng, out double inertia)
    {
        int N = x.RowCount, D = x.ColumnCount;
        var assignment = new int[N];
        inertia = 0;
        if (N == 0) return assignment;

        // Seeding: D² sampling. nearest[n] = min over chosen centres of ‖xₙ − c‖².
        var centres = new List<double[]>();   // k × (D), dense
        var nearest = new double[N];
        Array.Fill(nearest, double.PositiveInfinity);
        int first = rng.NextInt(N);
        while (true)
        {
            double[] c = Dense(x, first, D);
            centres.Add(c);
            double cc = TensorPrimitives.Dot<double>(c, c);
            for (int n = 0; n < N; n++) nearest[n] = Math.Min(nearest[n], SquaredDistance(x, n, c, cc));
            if (centres.Count == k) break;
            double total = 0;
            foreach (double d in nearest) total += d;
            if (!(total > 1e-12)) break;   // every row sits on a centre: no further distinct centre exists
            double r = rng.NextDouble() * total;
            first = -1;
            for (int n = 0; n < N; n++)
            {
                if (nearest[n] <= 0) continue;   // a row on a centre is never drawn
                first = n;                       // also the fallback when rounding leaves r ≥ 0 at the end
                r -= nearest[n];
                if (r < 0) break;
            }
        }

        // Lloyd's iterations.
        Array.Fill(assignment, -1);
        var norms = new double[centres.Count];   // ‖cⱼ‖²
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            for (int j = 0; j < centres.Count; j++) norms[j] = TensorPrimitives.Dot<double>(centres[j], centres[j]);
            bool changed = false;
            for (int n = 0; n < N; n++)
            {
                int best = 0;
                double bestDistance = double.PositiveInfinity;
                for (int j = 0; j < centres.Count; j++)
                {
                    double distance = norms[j] - 2 * Dot(x, n, centres[j]);
                    if (distance < bestDistance) (best, bestDistance) = (j, distance);
                }
                if (assignment[n] != best) { assignment[n] = best; changed = true; }
            }
            if (!changed) break;
            var sums = new double[centres.Count][];
            var counts = new int[centres.Count];
            for (int n = 0; n < N; n++)
            {
                int j = assignment[n];
                sums[j] ??= new double[D];
                counts[j]++;
                ReadOnlySpan<int> columns = x.RowColumns(n);
                ReadOnlySpan<double> values = x.RowValues(n);
                for (int e = 0; e < columns.Length; e++) sums[j][columns[e]] += values[e];
            }
            for (int j = 0; j < centres.Count; j++)
                if (counts[j] > 0) TensorPrimitives.Multiply(sums[j], 1.0 / counts[j], centres[j]);   // cⱼ = Σ x / |j|
        }
        for (int n = 0; n < N; n++)
        {
            double[] c = centres[assignment[n]];
            inertia += SquaredDistance(x, n, c, TensorPrimitives.Dot<double>(c, c));
        }
        return assignment;
    }

    private static double[] Dense(CsrMatrix x, int n, int D)
    {
        var c = new double[D];
        ReadOnlySpan<int> columns = x.RowColumns(n);
        ReadOnlySpan<double> values = x.RowValues(n);
        for (int e = 0; e < columns.Length; e++) c[columns[e]] = values[e];
        return c;
    }

    // x·c for sparse row n.
    private static double Dot(CsrMatrix x, int n, double[] c)
    {
        ReadOnlySpan<int> columns = x.RowColumns(n);
        ReadOnlySpan<double> values = x.RowValues(n);
        double s = 0;
        for (int e = 0; e < columns.Length; e++) s += values[e] * c[columns[e]];
        return s;
    }

    // ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖², clamped at 0 against rounding.
    private static double SquaredDistance(CsrMatrix x, int n, double[] c, double cc)
    {
        double xx = 0;
        foreach (double v in x.RowValues(n)) xx += v * v;
        return Math.Max(0, xx - 2 * Dot(x, n, c) + cc);
    }
}
