using AttackClassifier.Kernels;
using AttackClassifier.Text;

namespace AttackClassifier.Sessions;

/// <summary>
/// The feature row of statement t of a session: its own TF-IDF row, then the word-unigram TF-IDF rows of the statements just
/// before and after it, scaled by the context weight c, then a single-command classifier's state probabilities r_t (benign and
/// tactics, see <c>SessionTagger.CommandStates</c>) scaled by the command-feature weight w_f — optionally also those of the
/// statements just before and after it — each in its own columns:
///   x_t = [ current(stmt_t) (D_c) | c · context(stmt_{t−1}) (D_x) | c · context(stmt_{t+1}) (D_x) | w_f · r_t (S) | w_f · r_{t−1} (S) | w_f · r_{t+1} (S) ]
/// (a missing neighbour, at either end of the session, gives an empty block). So <c>grep name</c> after <c>cat /proc/cpuinfo</c>
/// reads differently from <c>grep name</c> after <c>cat ~/.ssh/id_rsa</c>, and the statement model learns how far to trust the
/// command model's view of each statement rather than having it blended in afterwards with one fixed weight. With no context
/// vectorizer the neighbour blocks are absent, with w_f = 0 the command block.
/// </summary>
internal sealed class StatementFeatures
{
    [ThreadStatic] private static int[]? t_columns;
    [ThreadStatic] private static double[]? t_values;

    internal StatementFeatures(TfidfFeatureUnion current, TfidfVectorizer? context, double contextWeight, double commandFeatureWeight = 0, int commandStateCount = 0,
                               bool commandNeighbours = false)
    {
        CommandNeighbours = commandFeatureWeight > 0 && commandNeighbours;
        if (!(commandFeatureWeight >= 0) || !double.IsFinite(commandFeatureWeight))
            throw new ArgumentOutOfRangeException(nameof(commandFeatureWeight), commandFeatureWeight, "The command-feature weight must be ≥ 0 and finite.");
        if (commandFeatureWeight > 0 && commandStateCount < 1)
            throw new ArgumentOutOfRangeException(nameof(commandStateCount), commandStateCount, "A command-feature block needs at least one state.");
        CommandFeatureWeight = commandFeatureWeight;
        CommandStateCount = commandFeatureWeight > 0 ? commandStateCount : 0;
        if (context is not null && !(contextWeight > 0 && double.IsFinite(contextWeight)))
            throw new ArgumentOutOfRangeException(nameof(contextWeight), contextWeight, "The context weight must be positive and finite.");
        Current = current;
        Context = context;
        ContextWeight = context is null ? 0 : contextWeight;
    }

    internal TfidfFeatureUnion Current { get; }

    internal TfidfVectorizer? Context { get; }

    internal double ContextWeight { get; }

    /// <summary>w_f, the weight of the command classifier's state probabilities (0: no such block).</summary>
    internal double CommandFeatureWeight { get; }

    /// <summary>S of the command block (0 when w_f = 0).</summary>
    internal int CommandStateCount { get; }

    /// <summary>Whether the command block also holds the neighbours' views r_{t−1}, r_{t+1} (3 S columns instead of S).</summary>
    internal bool CommandNeighbours { get; }

    /// <summary>D = D_c + 2 D_x + S or 3 S (each term only when its block is present).</summary>
    internal int FeatureCount => Current.FeatureCount + (Context is null ? 0 : 2 * Context.FeatureCount) + (CommandNeighbours ? 3 : 1) * CommandStateCount;

    /// <summary>Fits the vectorizers on <paramref name="statements"/> (every statement is a document of each).</summary>
    internal static StatementFeatures Fit(IReadOnlyList<string> statements, IReadOnlyList<TfidfOptions> current, TfidfOptions? context, double contextWeight,
                                          double commandFeatureWeight = 0, int commandStateCount = 0, bool commandNeighbours = false)
    {
        TfidfFeatureUnion c = TfidfFeatureUnion.Fit(statements, current);
        TfidfVectorizer? x = context is null || contextWeight == 0 ? null : TfidfVectorizer.Fit(statements, context);
        return new StatementFeatures(c, x, contextWeight, commandFeatureWeight, commandStateCount, commandNeighbours);
    }

    /// <summary>Writes row t's entries, columns ascending; returns their count. Buffers of <see cref="FeatureCount"/> suffice.</summary>
    /// <param name="statements">The T statements of the session.</param>
    /// <param name="r">(T, S) the command classifier's state probabilities; may be empty when w_f = 0.</param>
    /// <param name="t">The row.</param>
    /// <param name="columns">Written: column indices.</param>
    /// <param name="values">Written: values.</param>
    internal int Write(IReadOnlyList<string> statements, ReadOnlySpan<double> r, int t, Span<int> columns, Span<double> values)
    {
        int n = Current.Transform(statements[t], columns, values);
        int offset = Current.FeatureCount;
        if (Context is not null)
        {
            int dx = Context.FeatureCount;
            if (t > 0) n += Block(statements[t - 1], offset, columns[n..], values[n..]);
            if (t + 1 < statements.Count) n += Block(statements[t + 1], offset + dx, columns[n..], values[n..]);
            offset += 2 * dx;
        }
        int s = CommandStateCount;
        if (s == 0) return n;
        if (r.Length != statements.Count * s)
            throw new ArgumentException($"r has {r.Length} entries; the command-feature block needs T·S = {statements.Count * s}: give the command classifier.", nameof(r));
        n += CommandBlock(r, t, offset, columns[n..], values[n..]);
        if (!CommandNeighbours) return n;
        if (t > 0) n += CommandBlock(r, t - 1, offset + s, columns[n..], values[n..]);
        if (t + 1 < statements.Count) n += CommandBlock(r, t + 1, offset + 2 * s, columns[n..], values[n..]);
        return n;
    }

    // columns offset + j, values w_f · r_u(j), zeros skipped; returns the count.
    private int CommandBlock(ReadOnlySpan<double> r, int u, int offset, Span<int> columns, Span<double> values)
    {
        int s = CommandStateCount, n = 0;
        for (int j = 0; j < s; j++)
        {
            double v = CommandFeatureWeight * r[u * s + j];
            if (v == 0) continue;
            columns[n] = offset + j;
            values[n++] = v;
        }
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

    /// <summary>The rows of every statement of every session, stacked: (Σ T, D). <paramref name="r"/>: per session its (T, S) command
    /// state probabilities, or null when w_f = 0.</summary>
    internal CsrMatrix Rows(IReadOnlyList<IReadOnlyList<string>> sessions, IReadOnlyList<double[]>? r = null)
    {
        var index = new List<(int Session, int T)>();
        for (int s = 0; s < sessions.Count; s++)
            for (int t = 0; t < sessions[s].Count; t++) index.Add((s, t));
        return CsrMatrix.Stack(FeatureCount, index.Count, (n, columns, values) =>
            Write(sessions[index[n].Session], r is null ? default : r[index[n].Session], index[n].T, columns, values));
    }

    /// <summary>Row t into per-thread buffers (no allocation after the first call on a thread).</summary>
    internal int Row(IReadOnlyList<string> statements, ReadOnlySpan<double> r, int t, out int[] columns, out double[] values)
    {
        int d = FeatureCount;
        if (t_columns is null || t_columns.Length < d) { t_columns = new int[d]; t_values = new double[d]; }
        columns = t_columns;
        values = t_values!;
        return Write(statements, r, t, columns.AsSpan(0, d), values.AsSpan(0, d));
    }
}
