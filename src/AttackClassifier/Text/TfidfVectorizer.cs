using System.Collections.ObjectModel;
using AttackClassifier.Kernels;

namespace AttackClassifier.Text;

/// <summary>
/// A fitted, immutable TF-IDF vectorizer with scikit-learn's <c>TfidfVectorizer</c> semantics (1.2), using the
/// study's tokenizer for words. For a document d and term t with raw count c(t, d) over a fitted corpus of N rows:
/// <code>
/// tf(t, d)  = c(t, d)                     or 1 + ln c(t, d) with SublinearTf
/// idf(t)    = ln((1 + N) / (1 + df(t))) + 1   (SmoothIdf; otherwise ln(N / df(t)) + 1)
/// x(t, d)   = tf(t, d) · idf(t),  then each row divided by its L2 norm (Norm = L2)
/// </code>
/// df(t) counts rows containing t (not observation counts). Unlike the textbook idf = ln(N / df), the "+1" keeps
/// terms that occur in every document (idf = 1, not 0), and smoothing acts as if one extra document held every term.
/// </summary>
/// <remarks>
/// Vocabulary indices follow ordinal (UTF-16) term order, which is Python's code-point order except between
/// surrogates and U+E000–U+FFFF. Values are <see cref="double"/>, as <see cref="CsrMatrix"/> explains.
/// Thread-safe: transforms use per-thread scratch buffers.
/// </remarks>
public sealed class TfidfVectorizer : ITextVectorizer, ISegmentedTextVectorizer
{
    private readonly string[] _terms;                                                  // (D) in column order
    private readonly double[] _idf;                                                    // (D)
    private readonly Dictionary<string, int> _index;                                   // term → column
    private readonly TermTable _table;                                                 // term → column, by span (the hot lookup)

    private TfidfVectorizer(TfidfOptions options, string[] terms, double[] idf)
    {
        Options = options;
        _terms = terms;
        _idf = idf;
        _index = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (int j = 0; j < terms.Length; j++) _index.Add(terms[j], j);
        _table = new TermTable(terms);
        Vocabulary = new ReadOnlyDictionary<string, int>(_index);
    }

    /// <summary>The options this vectorizer was fitted with.</summary>
    public TfidfOptions Options { get; }

    /// <summary>Term → column index.</summary>
    public IReadOnlyDictionary<string, int> Vocabulary { get; }

    /// <summary>The terms in column order (ordinal order), like scikit-learn's <c>get_feature_names_out()</c>.</summary>
    public IReadOnlyList<string> Terms => _terms;

    /// <summary>idf of each column (D), as scikit-learn's <c>idf_</c>.</summary>
    public ReadOnlySpan<double> Idf => _idf;

    /// <inheritdoc/>
    public int FeatureCount => _terms.Length;

    /// <summary>
    /// Learns the vocabulary and idf from <paramref name="documents"/> (one row each, duplicates count as rows).
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options, no documents, no terms at all, or no terms left after the
    /// document-frequency and <see cref="TfidfOptions.MaxFeatures"/> pruning.</exception>
    public static TfidfVectorizer Fit(IReadOnlyList<string> documents, TfidfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new TfidfOptions();
        return Fit(documents.Count, options, (d, s) =>
            NGramAnalyzer.Analyze(options, documents[d] ?? throw new ArgumentException($"Document {d} is null.", nameof(documents)), s));
    }

    /// <summary>
    /// <see cref="Fit(IReadOnlyList{string}, TfidfOptions?)"/> over segmented documents: a document's terms are those of
    /// its segments (<see cref="NGramAnalyzer.AnalyzeSegments"/>: no n-gram spans two segments, counts are summed), and
    /// df(t) still counts the documents containing t, once each however many segments hold it. A document of one
    /// segment fits exactly as the plain string does.
    /// </summary>
    /// <exception cref="ArgumentException">As the plain overload, or a null document or segment.</exception>
    internal static TfidfVectorizer FitSegmented(IReadOnlyList<IReadOnlyList<string>> documents, TfidfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new TfidfOptions();
        return Fit(documents.Count, options, (d, s) =>
            NGramAnalyzer.AnalyzeSegments(options, documents[d] ?? throw new ArgumentException($"Document {d} is null.", nameof(documents)), s));
    }

    /// <summary>
    /// The terms <paramref name="options"/> make of <paramref name="document"/>, as scikit-learn's
    /// <c>TfidfVectorizer(...).build_analyzer()(document)</c> returns them: lowercased when asked, then the word (over the
    /// command-line tokenizer), char or char_wb n-grams in scikit-learn's order (every n-gram of the shortest length first),
    /// repeats kept. Needs no fit: these are the terms a fitted vectorizer looks up, before any vocabulary pruning.
    /// </summary>
    public static string[] Analyze(string document, TfidfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= new TfidfOptions();
        options.Validate();
        var s = new AnalyzerScratch();
        NGramAnalyzer.Analyze(options, document, s);
        var terms = new string[s.TermCount];
        for (int k = 0; k < terms.Length; k++) terms[k] = new string(s.Term(k));
        return terms;
    }

    /// <summary>
    /// <see cref="Fit(IReadOnlyList{string}, TfidfOptions?)"/> and <see cref="Transform(IReadOnlyList{string})"/> of the same
    /// documents in one pass (scikit-learn's <c>fit_transform</c>): each document is analysed once, its term counts kept
    /// while the vocabulary is fitted, and <paramref name="rows"/> is bit for bit what the separate Transform gives.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Fit(IReadOnlyList{string}, TfidfOptions?)"/>.</exception>
    public static TfidfVectorizer FitTransform(IReadOnlyList<string> documents, TfidfOptions? options, out CsrMatrix rows)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new TfidfOptions();
        return FitTransformAnalyzed(documents.Count, options, (d, s) =>
            NGramAnalyzer.Analyze(options, documents[d] ?? throw new ArgumentException($"Document {d} is null.", nameof(documents)), s), out rows);
    }

    /// <summary><see cref="FitTransform(IReadOnlyList{string}, TfidfOptions?, out CsrMatrix)"/> over segmented documents (see <see cref="FitSegmented"/>).</summary>
    internal static TfidfVectorizer FitTransformSegmented(IReadOnlyList<IReadOnlyList<string>> documents, TfidfOptions? options, out CsrMatrix rows)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new TfidfOptions();
        return FitTransformAnalyzed(documents.Count, options, (d, s) =>
            NGramAnalyzer.AnalyzeSegments(options, documents[d] ?? throw new ArgumentException($"Document {d} is null.", nameof(documents)), s), out rows);
    }

    // The shared fit_transform: the fit keeps each document's (provisional id, count) pairs, which then become the rows
    // through the same weighting step as Transform (WriteRow), so no document is analysed twice.
    private static TfidfVectorizer FitTransformAnalyzed(int N, TfidfOptions options, Action<int, AnalyzerScratch> analyze, out CsrMatrix rows)
    {
        var counted = new DocumentTerms(N);
        TfidfVectorizer fitted = Fit(N, options, analyze, counted, out int[] provisionalToColumn);
        rows = CsrMatrix.Stack(fitted.FeatureCount, N, (n, columns, values) =>
        {
            AnalyzerScratch s = AnalyzerScratch.ForCurrentThread;
            if (s.ColumnCount.Length < fitted.FeatureCount) s.ColumnCount = new int[fitted.FeatureCount];
            int m = 0;
            for (int e = counted.Start[n]; e < counted.Start[n + 1]; e++)
            {
                int j = provisionalToColumn[counted.Ids[e]];
                if (j < 0) continue;                                   // pruned from the vocabulary
                s.ColumnCount[j] = counted.Counts[e];
                columns[m++] = j;
            }
            columns[..m].Sort();
            return fitted.WriteRow(columns[..m], s.ColumnCount, columns, values);
        });
        return fitted;
    }

    // The shared fit: analyze(d, s) leaves the terms of document d in s.
    private static TfidfVectorizer Fit(int N, TfidfOptions options, Action<int, AnalyzerScratch> analyze) =>
        Fit(N, options, analyze, counted: null, out _);

    // The shared fit; with `counted`, also each document's (provisional id, count) pairs and the column of each provisional
    // id (−1 when pruned), for FitTransform.
    private static TfidfVectorizer Fit(int N, TfidfOptions options, Action<int, AnalyzerScratch> analyze, DocumentTerms? counted, out int[] provisionalToColumn)
    {
        options.Validate();
        if (N == 0) throw new ArgumentException("Cannot fit a vectorizer on zero documents.", "documents");
        var (provisionalTerms, df, total) = CountTerms(N, analyze, counted);
        if (provisionalTerms.Count == 0)
            throw new ArgumentException("Empty vocabulary: the documents contain no terms (every token is a single letter or punctuation?).", "documents");

        // _sort_features: columns in sorted term order.
        int[] order = Enumerable.Range(0, provisionalTerms.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(provisionalTerms[a], provisionalTerms[b]));

        // _limit_features: max_df/min_df in documents (a fraction is multiplied by N, not rounded), then max_features.
        double high = options.MaxDocumentFrequency.ToDocumentCount(N);
        double low = options.MinDocumentFrequency.ToDocumentCount(N);
        if (high < low)
            throw new ArgumentException($"MaxDocumentFrequency ({options.MaxDocumentFrequency} = {high} documents) is below MinDocumentFrequency ({options.MinDocumentFrequency} = {low} documents).", nameof(options));
        List<int> kept = order.Where(id => df[id] <= high && df[id] >= low).ToList();   // in column order
        if (options.MaxFeatures is int limit && kept.Count > limit)
        {
            // scikit-learn ranks by total count with an unstable sort, so ties at the cut are arbitrary there.
            // Ours: total count descending, then column (ordinal term) order — what a stable sort would give.
            var rank = Enumerable.Range(0, kept.Count).OrderByDescending(k => total[kept[k]]).ThenBy(k => k).Take(limit).Order();
            kept = rank.Select(k => kept[k]).ToList();
        }
        if (kept.Count == 0)
            throw new ArgumentException("After pruning, no terms remain. Try a lower MinDocumentFrequency or a higher MaxDocumentFrequency.", nameof(options));

        // TfidfTransformer.fit: idf = ln(n / df) + 1 with n, df each incremented by one when smoothing.
        int smooth = options.SmoothIdf ? 1 : 0;
        var terms = new string[kept.Count];
        var idf = new double[kept.Count];
        provisionalToColumn = counted is null ? [] : new int[provisionalTerms.Count];
        provisionalToColumn.AsSpan().Fill(-1);
        for (int j = 0; j < kept.Count; j++)
        {
            terms[j] = provisionalTerms[kept[j]];
            idf[j] = Math.Log((double)(N + smooth) / (df[kept[j]] + smooth)) + 1.0;
            if (counted is not null) provisionalToColumn[kept[j]] = j;
        }
        return new TfidfVectorizer(options, terms, idf);
    }

    // CountVectorizer._count_vocab: provisional ids in order of first appearance; df (documents holding the term) and
    // total occurrences per id. analyze(d, s) leaves the terms of document d in s. With `counted`, each document's distinct
    // ids (ascending) and their counts are appended to it.
    private static (List<string> Terms, List<int> Df, List<long> Total) CountTerms(int N, Action<int, AnalyzerScratch> analyze, DocumentTerms? counted = null)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var provisionalTerms = new List<string>();
        var df = new List<int>();
        var total = new List<long>();
        var s = new AnalyzerScratch();
        for (int d = 0; d < N; d++)
        {
            analyze(d, s);
            AnalyzerScratch.Grow(ref s.Hits, s.TermCount);
            for (int k = 0; k < s.TermCount; k++)
            {
                ReadOnlySpan<char> term = s.Term(k);
                if (!lookup.TryGetValue(term, out int id))
                {
                    id = provisionalTerms.Count;
                    string t = new(term);
                    ids.Add(t, id);
                    provisionalTerms.Add(t);
                    df.Add(0);
                    total.Add(0);
                }
                s.Hits[k] = id;
            }
            Span<int> hits = s.Hits.AsSpan(0, s.TermCount);
            hits.Sort();
            for (int k = 0; k < hits.Length; k++)
            {
                bool first = k == 0 || hits[k] != hits[k - 1];
                if (first) df[hits[k]]++;
                total[hits[k]]++;
                counted?.Add(hits[k], first);
            }
            counted?.EndDocument(d);
        }
        return (provisionalTerms, df, total);
    }

    // Each document's distinct provisional term ids (ascending) and their counts, in CSR form: document n holds the
    // entries [Start[n], Start[n + 1]).
    private sealed class DocumentTerms(int N)
    {
        public readonly int[] Start = new int[N + 1];
        public readonly List<int> Ids = [];
        public readonly List<int> Counts = [];

        public void Add(int id, bool first)
        {
            if (first) { Ids.Add(id); Counts.Add(1); }
            else Counts[^1]++;
        }

        public void EndDocument(int d) => Start[d + 1] = Ids.Count;
    }

    /// <summary>
    /// This vocabulary grown by the terms of <paramref name="documents"/> it lacks (for retraining from a parent model on new
    /// rows, with <paramref name="otherDocuments"/> older rows trained on beside them). Every old term keeps its idf, so the
    /// parent's coefficient of a term means the same in the child. A new term gets idf = ln((1 + N) / (1 + df)) + 1 with
    /// N = new + other documents and df counted in the new documents: a term the vocabulary lacks is taken to be absent from
    /// the older rows, which is exact when they are the parent's own training rows (every term of those is in the
    /// vocabulary unless pruned) and spares analysing them again. New terms pass the same document-frequency bounds (on N),
    /// and <see cref="TfidfOptions.MaxFeatures"/>
    /// caps the grown vocabulary (most frequent new terms first, ties in ordinal order). Columns stay in ordinal term order —
    /// the order model files require — so an old term's column moves when new terms sort before it:
    /// <paramref name="oldToNew"/>[j] is the grown column of old column j.
    /// </summary>
    internal TfidfVectorizer Extend(IReadOnlyList<string> documents, int otherDocuments, out int[] oldToNew)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Extend(documents.Count, otherDocuments, (d, s) => NGramAnalyzer.Analyze(Options, documents[d] ?? throw new ArgumentException($"Document {d} is null.", nameof(documents)), s), out oldToNew);
    }

    /// <summary><see cref="Extend(IReadOnlyList{string}, int, out int[])"/> over segmented documents (see <see cref="FitSegmented"/>).</summary>
    internal TfidfVectorizer ExtendSegmented(IReadOnlyList<IReadOnlyList<string>> documents, int otherDocuments, out int[] oldToNew)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Extend(documents.Count, otherDocuments, (d, s) => NGramAnalyzer.AnalyzeSegments(Options, documents[d] ?? throw new ArgumentException($"Document {d} is null.", nameof(documents)), s), out oldToNew);
    }

    private TfidfVectorizer Extend(int newDocuments, int otherDocuments, Action<int, AnalyzerScratch> analyze, out int[] oldToNew)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(otherDocuments);
        var (terms, df, total) = CountTerms(newDocuments, analyze);
        int N = newDocuments + otherDocuments;   // df of a new term counts in the new documents only: see the summary
        double high = Options.MaxDocumentFrequency.ToDocumentCount(N);
        double low = Options.MinDocumentFrequency.ToDocumentCount(N);
        List<int> fresh = Enumerable.Range(0, terms.Count).Where(id => !_index.ContainsKey(terms[id]) && df[id] <= high && df[id] >= low).ToList();
        if (Options.MaxFeatures is int limit)
            fresh = fresh.OrderByDescending(id => total[id]).ThenBy(id => terms[id], StringComparer.Ordinal).Take(Math.Max(0, limit - _terms.Length)).ToList();
        fresh.Sort((a, b) => string.CompareOrdinal(terms[a], terms[b]));

        // Merge two ordinal-sorted lists: the old terms and the new ones.
        int smooth = Options.SmoothIdf ? 1 : 0;
        var merged = new string[_terms.Length + fresh.Count];
        var idf = new double[merged.Length];
        oldToNew = new int[_terms.Length];
        for (int i = 0, j = 0, m = 0; m < merged.Length; m++)
        {
            if (j >= fresh.Count || (i < _terms.Length && string.CompareOrdinal(_terms[i], terms[fresh[j]]) < 0))
            {
                (merged[m], idf[m]) = (_terms[i], _idf[i]);
                oldToNew[i++] = m;
            }
            else
            {
                int id = fresh[j++];
                merged[m] = terms[id];
                idf[m] = Math.Log((double)(N + smooth) / (df[id] + smooth)) + 1.0;   // as Fit: ln(n / df) + 1, both +1 when smoothing
            }
        }
        return new TfidfVectorizer(Options, merged, idf);
    }

    /// <summary>
    /// Rebuilds a fitted vectorizer from its full state (what a model file stores): options, terms in column order
    /// (strictly ascending ordinal order) and idf (finite, ≥ 1 — the least ln(N/df) + 1 can be).
    /// </summary>
    internal static TfidfVectorizer FromState(TfidfOptions options, IReadOnlyList<string> terms, IReadOnlyList<double> idf)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(idf);
        options.Validate();
        if (terms.Count == 0) throw new ArgumentException("A fitted vectorizer has at least one term.", nameof(terms));
        if (terms.Count != idf.Count) throw new ArgumentException($"{terms.Count} terms but {idf.Count} idf values.", nameof(idf));
        for (int j = 0; j < terms.Count; j++)
        {
            if (terms[j] is null || terms[j].Length == 0) throw new ArgumentException($"Term {j} is null or empty.", nameof(terms));
            if (j > 0 && string.CompareOrdinal(terms[j - 1], terms[j]) >= 0)
                throw new ArgumentException($"Terms must be strictly ascending (ordinal): '{terms[j - 1]}' then '{terms[j]}' at {j}.", nameof(terms));
            if (!double.IsFinite(idf[j]) || idf[j] < 1.0) throw new ArgumentException($"idf[{j}] = {idf[j]} is not a finite value ≥ 1.", nameof(idf));
        }
        return new TfidfVectorizer(options, terms.ToArray(), idf.ToArray());
    }

    /// <inheritdoc/>
    public CsrMatrix Transform(IReadOnlyList<string> documents) => VectorizerRows.FromRows(this, documents);

    /// <inheritdoc/>
    public int Transform(ReadOnlySpan<char> command, Span<int> columns, Span<double> values) => Transform(command, columns, values, out _);

    /// <summary>As <see cref="Transform(ReadOnlySpan{char}, Span{int}, Span{double})"/>, also counting the term occurrences
    /// outside the vocabulary (0 means the row would not change if the vocabulary grew).</summary>
    internal int Transform(ReadOnlySpan<char> command, Span<int> columns, Span<double> values, out int unknown)
    {
        if (columns.Length != values.Length) throw new ArgumentException($"columns ({columns.Length}) and values ({values.Length}) differ in length.", nameof(values));
        AnalyzerScratch s = AnalyzerScratch.ForCurrentThread;
        NGramAnalyzer.Analyze(Options, command, s);
        return Weigh(s, columns, values, out unknown);
    }

    /// <summary>One row per segmented document (see <see cref="FitSegmented"/>), D columns.</summary>
    internal CsrMatrix TransformSegmented(IReadOnlyList<IReadOnlyList<string>> documents) => VectorizerRows.FromSegmentedRows(this, documents);

    int ISegmentedTextVectorizer.TransformSegmented(IReadOnlyList<string> segments, Span<int> columns, Span<double> values) => TransformSegmented(segments, columns, values);

    CsrMatrix ISegmentedTextVectorizer.TransformSegmented(IReadOnlyList<IReadOnlyList<string>> documents) => TransformSegmented(documents);

    /// <summary>
    /// The features of one segmented document into caller buffers, as <see cref="Transform(ReadOnlySpan{char}, Span{int}, Span{double})"/>
    /// does for a string: term counts summed over the segments (no n-gram spans two), then tf·idf and the row norm.
    /// A one-segment document gives the plain string's row, bit for bit.
    /// </summary>
    /// <exception cref="ArgumentException">The buffers differ in length or are too short, or a segment is null.</exception>
    internal int TransformSegmented(IReadOnlyList<string> segments, Span<int> columns, Span<double> values) => TransformSegmented(segments, columns, values, out _);

    /// <summary>As the overload above, also counting the term occurrences outside the vocabulary.</summary>
    internal int TransformSegmented(IReadOnlyList<string> segments, Span<int> columns, Span<double> values, out int unknown)
    {
        if (columns.Length != values.Length) throw new ArgumentException($"columns ({columns.Length}) and values ({values.Length}) differ in length.", nameof(values));
        AnalyzerScratch s = AnalyzerScratch.ForCurrentThread;
        NGramAnalyzer.AnalyzeSegments(Options, segments, s);
        return Weigh(s, columns, values, out unknown);
    }

    // The terms in the scratch → the row: in-vocabulary columns ascending, x = tf·idf, then the row norm.
    // Counting: ColumnCount[j] holds each column's occurrences and Hits the distinct columns in order of first occurrence,
    // so only the distinct columns are sorted (a document repeats many of its n-grams); the counts are zeroed on the way out.
    // Tuned against WeighNaive below (same row bit for bit, tested): the lookups use the table's tag bytes, the distinct columns
    // are sorted by a bitmap walk when that is shorter than a comparison sort, 1 + ln(count) comes from a table, and the
    // norm and block weight are one vectorised pass (IEEE division and multiplication are exact per element, so the same bits).
    private int Weigh(AnalyzerScratch s, Span<int> columns, Span<double> values, out int unknown)
    {
        AnalyzerScratch.Grow(ref s.Hits, s.TermCount);
        if (s.ColumnCount.Length < FeatureCount) s.ColumnCount = new int[FeatureCount];
        int[] counts = s.ColumnCount;
        int[] hits = s.Hits;
        int m = 0, found = 0;
        for (int k = 0; k < s.TermCount; k++)
        {
            if (!_table.TryGetColumn(s.Term(k), out int j)) continue;   // terms outside the vocabulary are ignored
            found++;
            if (counts[j]++ == 0) hits[m++] = j;
        }
        unknown = s.TermCount - found;
        Span<int> distinct = hits.AsSpan(0, m);
        if (m > columns.Length)
        {
            foreach (int j in distinct) counts[j] = 0;
            throw new ArgumentException($"The buffers ({columns.Length} entries) are too short for this command; {FeatureCount} always suffice.", nameof(columns));
        }
        SortColumns(distinct, s);
        int nnz = WriteRow(distinct, counts, columns, values);
        AnalyzerScratch.TrimCurrentThread();
        return nnz;
    }

    // The weighting step Transform and FitTransform share: distinct columns (ascending) with their counts[j] → the row,
    // x = tf·idf, then the row norm and the block weight. Zeroes counts[j] on the way out. `distinct` may alias
    // `columns` (each entry is read before it is written).
    private int WriteRow(ReadOnlySpan<int> distinct, int[] counts, Span<int> columns, Span<double> values)
    {
        // x(t, d) = tf · idf over the distinct columns, ascending.
        int nnz = 0;
        double sumOfSquares = 0.0;
        bool sublinear = Options.SublinearTf;
        foreach (int j in distinct)
        {
            int count = counts[j];
            counts[j] = 0;
            double tf = !sublinear ? count : (uint)count < (uint)SublinearTf.Length ? SublinearTf[count] : 1.0 + Math.Log(count);
            double x = tf * _idf[j];
            columns[nnz] = j;
            values[nnz++] = x;
            sumOfSquares += x * x;   // in column order, as the reference: the norm's last bit depends on the order
        }
        Span<double> row = values[..nnz];
        if (Options.Norm == TfidfNorm.L2 && sumOfSquares > 0.0)
            DivideThenMultiply(row, Math.Sqrt(sumOfSquares), Options.BlockWeight);   // divide, as scikit-learn's inplace_csr_row_normalize_l2 does
        else if (Options.BlockWeight != 1.0)
            DivideThenMultiply(row, 1.0, Options.BlockWeight);                      // x / 1 is x exactly
        return nnz;
    }

    // 1 + ln(c) for c < 256 (index 0 unused): the same Math.Log values, computed once; most counts are 1–3.
    private static readonly double[] SublinearTf = [.. Enumerable.Range(0, 256).Select(c => 1.0 + Math.Log(c))];

    // values[e] = values[e] / norm · weight (FeatureUnion's transformer weight, after the norm), two roundings as two loops.
    private static void DivideThenMultiply(Span<double> values, double norm, double weight)
    {
        int e = 0, width = System.Numerics.Vector<double>.Count;
        var n = new System.Numerics.Vector<double>(norm);
        var w = new System.Numerics.Vector<double>(weight);
        for (; e <= values.Length - width; e += width)
            (new System.Numerics.Vector<double>(values[e..]) / n * w).CopyTo(values[e..]);
        for (; e < values.Length; e++) values[e] = values[e] / norm * weight;   // scalar tail
    }

    // Sorts the distinct columns ascending. A bitmap over [min, max] of the columns, walked word by word, costs
    // (max − min)/64 + m steps against a comparison sort's ~m log₂ m; take whichever is fewer (small rows keep Sort, whose
    // insertion sort wins below ~16 elements). The bitmap is left all zero for the next call.
    private static void SortColumns(Span<int> distinct, AnalyzerScratch s)
    {
        int m = distinct.Length;
        if (m < 24) { distinct.Sort(); return; }
        int min = int.MaxValue, max = 0;
        foreach (int j in distinct) { min = Math.Min(min, j); max = Math.Max(max, j); }
        int first = min >> 6, words = (max >> 6) - first + 1;
        if (words > m * System.Numerics.BitOperations.Log2((uint)m)) { distinct.Sort(); return; }
        AnalyzerScratch.Grow(ref s.ColumnBits, words);
        ulong[] bits = s.ColumnBits;
        foreach (int j in distinct) bits[(j >> 6) - first] |= 1UL << j;   // the shift count is taken mod 64
        int at = 0;
        for (int w = 0; w < words; w++)
        {
            ulong word = bits[w];
            if (word == 0) continue;
            bits[w] = 0;
            int @base = (first + w) << 6;
            do
            {
                distinct[at++] = @base + System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;   // clear the lowest set bit
            } while (word != 0);
        }
    }

    // The reference for Weigh: the row as it was first written — one lookup per term without the tag bytes, Span.Sort,
    // Math.Log per column, then a division loop and a weight loop. Weigh must give the same columns and values bit for bit.
    internal int WeighNaive(AnalyzerScratch s, Span<int> columns, Span<double> values, out int unknown)
    {
        AnalyzerScratch.Grow(ref s.Hits, s.TermCount);
        if (s.ColumnCount.Length < FeatureCount) s.ColumnCount = new int[FeatureCount];
        int[] counts = s.ColumnCount;
        int m = 0, found = 0;
        for (int k = 0; k < s.TermCount; k++)
        {
            if (!_table.TryGetColumnUntagged(s.Term(k), out int j)) continue;
            found++;
            if (counts[j]++ == 0) s.Hits[m++] = j;
        }
        unknown = s.TermCount - found;
        Span<int> distinct = s.Hits.AsSpan(0, m);
        distinct.Sort();
        if (m > columns.Length)
        {
            foreach (int j in distinct) counts[j] = 0;
            throw new ArgumentException($"The buffers ({columns.Length} entries) are too short for this command; {FeatureCount} always suffice.", nameof(columns));
        }
        int nnz = 0;
        double sumOfSquares = 0.0;
        foreach (int j in distinct)
        {
            int count = counts[j];
            counts[j] = 0;
            double tf = Options.SublinearTf ? 1.0 + Math.Log(count) : count;
            double x = tf * _idf[j];
            columns[nnz] = j;
            values[nnz++] = x;
            sumOfSquares += x * x;
        }
        if (Options.Norm == TfidfNorm.L2 && sumOfSquares > 0.0)
        {
            double norm = Math.Sqrt(sumOfSquares);
            for (int e = 0; e < nnz; e++) values[e] /= norm;
        }
        if (Options.BlockWeight != 1.0)
            for (int e = 0; e < nnz; e++) values[e] *= Options.BlockWeight;
        AnalyzerScratch.TrimCurrentThread();
        return nnz;
    }

    /// <summary>As <see cref="Transform(ReadOnlySpan{char}, Span{int}, Span{double}, out int)"/> through <see cref="WeighNaive"/>:
    /// the reference row, for tests and as the benchmark baseline.</summary>
    internal int TransformNaive(ReadOnlySpan<char> command, Span<int> columns, Span<double> values)
    {
        AnalyzerScratch s = AnalyzerScratch.ForCurrentThread;
        NGramAnalyzer.Analyze(Options, command, s);
        return WeighNaive(s, columns, values, out _);
    }
}
