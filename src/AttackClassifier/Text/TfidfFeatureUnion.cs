using AttackClassifier.Kernels;
namespace AttackClassifier.Text;

/// <summary>
/// Several fitted TF-IDF vectorizers side by side, like scikit-learn's <c>FeatureUnion</c>: the columns of the first
/// part, then those of the second, and so on. Each part normalises its own block, so with two L2 parts a non-empty
/// row has norm √2. Typical use: word (1, 2) n-grams beside char_wb (2, 5) n-grams.
/// </summary>
public sealed class TfidfFeatureUnion : ITextVectorizer, ISegmentedTextVectorizer
{
    private readonly TfidfVectorizer[] _parts;
    private readonly int[] _offset;   // (parts + 1) first column of each part; the last entry is D

    private TfidfFeatureUnion(TfidfVectorizer[] parts)
    {
        _parts = parts;
        _offset = new int[parts.Length + 1];
        for (int p = 0; p < parts.Length; p++) _offset[p + 1] = _offset[p] + parts[p].FeatureCount;
    }

    /// <summary>The fitted parts, in column order.</summary>
    public IReadOnlyList<TfidfVectorizer> Parts => _parts;

    /// <inheritdoc/>
    public int FeatureCount => _offset[^1];

    /// <summary>The first column of part <paramref name="part"/>.</summary>
    public int ColumnOffset(int part) => _offset[part];

    /// <summary>The term (n-gram) behind union column <paramref name="column"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is outside [0, D).</exception>
    public string Term(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, FeatureCount);
        int part = _parts.Length - 1;
        while (column < _offset[part]) part--;
        return _parts[part].Terms[column - _offset[part]];
    }

    /// <summary>Fits one vectorizer per options record on the same documents.</summary>
    /// <exception cref="ArgumentException">No parts, or a part fails to fit.</exception>
    public static TfidfFeatureUnion Fit(IReadOnlyList<string> documents, params IReadOnlyList<TfidfOptions> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("A feature union needs at least one part.", nameof(parts));
        return new TfidfFeatureUnion(parts.Select(options => TfidfVectorizer.Fit(documents, options)).ToArray());
    }

    /// <summary>Fits one vectorizer per options record on the same segmented documents (see <see cref="TfidfVectorizer.FitSegmented"/>).</summary>
    /// <exception cref="ArgumentException">No parts, or a part fails to fit.</exception>
    internal static TfidfFeatureUnion FitSegmented(IReadOnlyList<IReadOnlyList<string>> documents, params IReadOnlyList<TfidfOptions> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("A feature union needs at least one part.", nameof(parts));
        return new TfidfFeatureUnion(parts.Select(options => TfidfVectorizer.FitSegmented(documents, options)).ToArray());
    }

    /// <summary>
    /// <see cref="Fit"/> and <see cref="Transform(IReadOnlyList{string})"/> of the same documents in one pass per part (see
    /// <see cref="TfidfVectorizer.FitTransform"/>): <paramref name="rows"/> is bit for bit what the separate Transform gives.
    /// </summary>
    /// <exception cref="ArgumentException">No parts, or a part fails to fit.</exception>
    public static TfidfFeatureUnion FitTransform(IReadOnlyList<string> documents, IReadOnlyList<TfidfOptions> parts, out CsrMatrix rows)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return FitTransformParts(parts, (TfidfOptions options, out CsrMatrix partRows) => TfidfVectorizer.FitTransform(documents, options, out partRows), documents.Count, out rows);
    }

    /// <summary><see cref="FitTransform"/> over segmented documents (see <see cref="TfidfVectorizer.FitSegmented"/>).</summary>
    internal static TfidfFeatureUnion FitTransformSegmented(IReadOnlyList<IReadOnlyList<string>> documents, IReadOnlyList<TfidfOptions> parts, out CsrMatrix rows)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return FitTransformParts(parts, (TfidfOptions options, out CsrMatrix partRows) => TfidfVectorizer.FitTransformSegmented(documents, options, out partRows), documents.Count, out rows);
    }

    private delegate TfidfVectorizer PartFitTransform(TfidfOptions options, out CsrMatrix rows);

    // Each part's fit_transform, then the parts' rows side by side (part p's columns shifted by its offset, as Transform does).
    private static TfidfFeatureUnion FitTransformParts(IReadOnlyList<TfidfOptions> parts, PartFitTransform fitTransform, int N, out CsrMatrix rows)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("A feature union needs at least one part.", nameof(parts));
        var partRows = new CsrMatrix[parts.Count];
        var union = new TfidfFeatureUnion(parts.Select((options, p) => fitTransform(options, out partRows[p])).ToArray());
        rows = CsrMatrix.Stack(union.FeatureCount, N, (n, columns, values) =>
        {
            int nnz = 0;
            for (int p = 0; p < partRows.Length; p++)
            {
                ReadOnlySpan<int> c = partRows[p].RowColumns(n);
                partRows[p].RowValues(n).CopyTo(values[nnz..]);
                c.CopyTo(columns[nnz..]);
                nnz += union.Shift(p, nnz, c.Length, columns);
            }
            return nnz;
        });
        return union;
    }

    /// <summary>Joins already fitted vectorizers (e.g. read back from a model file).</summary>
    internal static TfidfFeatureUnion FromParts(IReadOnlyList<TfidfVectorizer> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("A feature union needs at least one part.", nameof(parts));
        return new TfidfFeatureUnion(parts.ToArray());
    }

    /// <summary>Each part grown as <see cref="TfidfVectorizer.Extend(IReadOnlyList{string}, int, out int[])"/> does;
    /// <paramref name="oldToNew"/>[j] is the grown union column of old union column j.</summary>
    internal TfidfFeatureUnion Extend(Func<TfidfVectorizer, (TfidfVectorizer Grown, int[] OldToNew)> extendPart, out int[] oldToNew)
    {
        ArgumentNullException.ThrowIfNull(extendPart);
        var grown = new TfidfVectorizer[_parts.Length];
        var maps = new int[_parts.Length][];
        for (int p = 0; p < _parts.Length; p++) (grown[p], maps[p]) = extendPart(_parts[p]);
        var union = new TfidfFeatureUnion(grown);
        oldToNew = new int[FeatureCount];
        for (int p = 0; p < _parts.Length; p++)
            for (int j = 0; j < maps[p].Length; j++) oldToNew[_offset[p] + j] = union._offset[p] + maps[p][j];
        return union;
    }

    /// <inheritdoc/>
    public CsrMatrix Transform(IReadOnlyList<string> documents) => VectorizerRows.FromRows(this, documents);

    /// <inheritdoc/>
    public int Transform(ReadOnlySpan<char> command, Span<int> columns, Span<double> values) => Transform(command, columns, values, out _);

    /// <summary>As the public overload, also counting the term occurrences outside every part's vocabulary.</summary>
    internal int Transform(ReadOnlySpan<char> command, Span<int> columns, Span<double> values, out int unknown)
    {
        if (columns.Length != values.Length) throw new ArgumentException($"columns ({columns.Length}) and values ({values.Length}) differ in length.", nameof(values));
        int nnz = 0;
        unknown = 0;
        for (int p = 0; p < _parts.Length; p++)
        {
            nnz += Shift(p, nnz, _parts[p].Transform(command, columns[nnz..], values[nnz..], out int partUnknown), columns);
            unknown += partUnknown;
        }
        return nnz;
    }

    /// <summary>One row per segmented document, D columns.</summary>
    internal CsrMatrix TransformSegmented(IReadOnlyList<IReadOnlyList<string>> documents) => VectorizerRows.FromSegmentedRows(this, documents);

    /// <summary>The features of one segmented document: each part's segmented row (see
    /// <see cref="TfidfVectorizer.TransformSegmented(IReadOnlyList{string}, Span{int}, Span{double})"/>), side by side.</summary>
    /// <exception cref="ArgumentException">The buffers differ in length or are too short, or a segment is null.</exception>
    internal int TransformSegmented(IReadOnlyList<string> segments, Span<int> columns, Span<double> values) => TransformSegmented(segments, columns, values, out _);

    /// <summary>As the overload above, also counting the term occurrences outside every part's vocabulary.</summary>
    internal int TransformSegmented(IReadOnlyList<string> segments, Span<int> columns, Span<double> values, out int unknown)
    {
        if (columns.Length != values.Length) throw new ArgumentException($"columns ({columns.Length}) and values ({values.Length}) differ in length.", nameof(values));
        int nnz = 0;
        unknown = 0;
        for (int p = 0; p < _parts.Length; p++)
        {
            nnz += Shift(p, nnz, _parts[p].TransformSegmented(segments, columns[nnz..], values[nnz..], out int partUnknown), columns);
            unknown += partUnknown;
        }
        return nnz;
    }

    int ISegmentedTextVectorizer.TransformSegmented(IReadOnlyList<string> segments, Span<int> columns, Span<double> values) => TransformSegmented(segments, columns, values);

    CsrMatrix ISegmentedTextVectorizer.TransformSegmented(IReadOnlyList<IReadOnlyList<string>> documents) => TransformSegmented(documents);

    // Part p wrote `written` entries at columns[nnz ..) in its own numbering: move them to union columns; returns written.
    private int Shift(int p, int nnz, int written, Span<int> columns)
    {
        for (int e = nnz; e < nnz + written; e++) columns[e] += _offset[p];
        return written;
    }
}
