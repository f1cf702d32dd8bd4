using AttackClassifier.Kernels;
using AttackClassifier.Text;

namespace AttackClassifier.Sessions;

/// <summary>
/// The feature row of statement t of a session: its own TF-IDF row, then the word-unigram TF-IDF rows of the statements just
/// before and after it, scaled by the context weight c, each in its own columns:
///   x_t = [ current(stmt_t) (D_c) | c · context(stmt_{t−1}) (D_x) | c · context(stmt_{t+1}) (D_x) ]
/// (a missing neighbour, at either end of the session, gives an empty block). So <c>grep name</c> after <c>cat /proc/cpuinfo</c>
/// reads differently from <c>grep name</c> after <c>cat ~/.ssh/id_rsa</c>. With no context vectorizer x_t is the current block alone.
/// </summary>
internal sealed class StatementFeatures
{
    [ThreadStatic] private static int[]? t_columns;
    [ThreadStatic] private static double[]? t_values;

    internal StatementFeatures(TfidfFeatureUnion current, TfidfVectorizer? context, double contextWeight)
    {
        if (context is not null && !(contextWeight > 0 && double.IsFinite(contextWeight)))
            throw new ArgumentOutOfRangeException(nameof(contextWeight), contextWeight, "The context weight must be positive and finite.");
        Current = current;
        Context = context;
        ContextWeight = context is null ? 0 : contextWeight;
    }

    internal TfidfFeatureUnion Current { get; }

    internal TfidfVectorizer? Context { get; }

    internal double ContextWeight { get; }

    /// <summary>D = D_c + 2 D_x.</summary>
    internal int FeatureCount => Current.FeatureCount + (Context is null ? 0 : 2 * Context.FeatureCount);

    /// <summary>Fits the vectorizers on <paramref name="statements"/> (every statement is a document of each).</summary>
    internal static StatementFeatures Fit(IReadOnlyList<string> statements, IReadOnlyList<TfidfOptions> current, TfidfOptions? context, double contextWeight)
    {
        TfidfFeatureUnion c = TfidfFeatureUnion.Fit(statements, current);
        TfidfVectorizer? x = context is null || contextWeight == 0 ? null : TfidfVectorizer.Fit(statements, context);
        return new StatementFeatures(c, x, contextWeight);
    }

    /// <summary>Writes row t's entries, columns ascending; returns their count. Buffers of <see cref="FeatureCount"/> suffice.</summary>
    internal int Write(IReadOnlyList<string> statements, int t, Span<int> columns, Span<double> values)
    {
        int n = Current.Transform(statements[t], columns, values);
        if (Context is null) return n;
        int dc = Current.FeatureCount, dx = Context.FeatureCount;
        if (t > 0) n += Block(statements[t - 1], dc, columns[n..], values[n..]);
        if (t + 1 < statements.Count) n += Block(statements[t + 1], dc + dx, columns[n..], values[n..]);
        return n;
    }

    private int Block(string statement, int offset, Span<int> columns, Span<double> values)
    {
        int dx = Context!.FeatureCount;
        int m = Context.Transform(statement, columns[..Math.Min(dx, columns.Length)], values[..Math.Min(dx, values.Length)]);
        for (int k = 0; k < m; k++)
        {
            columns[k] += offset;
            values[k] *= ContextWeight;
        }
        return m;
    }

    /// <summary>The rows of every statement of every session, stacked: (Σ T, D).</summary>
    internal CsrMatrix Rows(IReadOnlyList<IReadOnlyList<string>> sessions)
    {
        var index = new List<(int Session, int T)>();
        for (int s = 0; s < sessions.Count; s++)
            for (int t = 0; t < sessions[s].Count; t++) index.Add((s, t));
        return CsrMatrix.Stack(FeatureCount, index.Count, (n, columns, values) => Write(sessions[index[n].Session], index[n].T, columns, values));
    }

    /// <summary>Row t into per-thread buffers (no allocation after the first call on a thread).</summary>
    internal int Row(IReadOnlyList<string> statements, int t, out int[] columns, out double[] values)
    {
        int d = FeatureCount;
        if (t_columns is null || t_columns.Length < d) { t_columns = new int[d]; t_values = new double[d]; }
        columns = t_columns;
        values = t_values!;
        return Write(statements, t, columns.AsSpan(0, d), values.AsSpan(0, d));
    }
}
