namespace AttackClassifier.Calibration;

/// <summary>
/// Chooses the default abstention threshold on validation rows. Rule: the lowest calibrated top probability t such that
/// the rows answered at t (top probability ≥ t) are right with count-weighted precision ≥ <see cref="TargetPrecision"/>;
/// when no t reaches it, the t of highest answered precision (the lowest such t on ties). Rows are answered from the most
/// confident down, so the candidates are the distinct top probabilities of the validation rows.
/// </summary>
internal static class AbstentionThreshold
{
    internal const double TargetPrecision = 0.8;

    internal static string Rule => $"lowest validation top probability at which answered rows have count-weighted precision ≥ {TargetPrecision:0.00}";

    internal static double Choose(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, ReadOnlySpan<double> weight)
    {
        int n = confidence.Length;
        if (correct.Length != n || weight.Length != n) throw new ArgumentException("confidence, correct and weight must have one entry per row.");
        int[] order = RankByConfidence(confidence);
        double answered = 0, right = 0, best = -1, bestThreshold = 0;
        double lowestReaching = double.NaN;
        for (int r = 0; r < n;)
        {
            double c = confidence[order[r]];
            for (; r < n && confidence[order[r]] == c; r++)   // every row tied at c is answered together
            {
                answered += weight[order[r]];
                if (correct[order[r]]) right += weight[order[r]];
            }
            if (!(answered > 0)) continue;
            double precision = right / answered;
            if (precision >= TargetPrecision) lowestReaching = c;
            if (precision >= best) (best, bestThreshold) = (precision, c);
        }
        return double.IsNaN(lowestReaching) ? bestThreshold : lowestReaching;
    }

    /// <summary>Row indices by descending confidence (stable: input order among ties).</summary>
    internal static int[] RankByConfidence(ReadOnlySpan<double> confidence)
    {
        int[] order = new int[confidence.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        double[] keys = confidence.ToArray();
        Array.Sort(order, (a, b) => keys[b].CompareTo(keys[a]) is var c && c != 0 ? c : a.CompareTo(b));
        return order;
    }
}
