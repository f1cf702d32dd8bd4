namespace AttackClassifier.Text;

/// <summary>
/// Reusable buffers for <see cref="NGramAnalyzer"/>. Every term of a document is a slice of <see cref="Text"/>:
/// word n-grams because tokens are written joined by single spaces (a token never contains an ASCII space),
/// character n-grams because they are slices of the whitespace-collapsed (or word-padded) text.
/// </summary>
internal sealed class AnalyzerScratch
{
    public char[] Lower = new char[256];       // (L) the lowercased document
    public char[] Text = new char[256];        // terms are slices of Text[0 .. TextLength)
    public int TextLength;
    public int[] TokenStart = new int[64];     // (T) word analyzer: token t is Text[TokenStart[t] .. TokenEnd[t])
    public int[] TokenEnd = new int[64];
    public int[] TermStart = new int[128];     // (terms) term k is Text[TermStart[k] .. + TermLength[k])
    public int[] TermLength = new int[128];
    public int TermCount;
    public int[] Hits = new int[128];          // (terms) vocabulary index of each term found (used by callers)
    public int[] ColumnCount = [];             // (D) TfidfVectorizer.Weigh: occurrences of each column in the document; all 0 between calls
    public ulong[] ColumnBits = [];            // (≤ D/64 + 1) TfidfVectorizer.Weigh: bitmap of the distinct columns, for sorting; all 0 between calls

    public ReadOnlySpan<char> Term(int k) => Text.AsSpan(TermStart[k], TermLength[k]);

    [ThreadStatic] private static AnalyzerScratch? _perThread;

    /// <summary>One scratch per thread, so a fitted (immutable) vectorizer can transform from many threads.</summary>
    public static AnalyzerScratch ForCurrentThread => _perThread ??= new AnalyzerScratch();

    /// <summary>Drops this thread's scratch if a huge input grew it past ~1M terms, so one megabyte-long command does
    /// not pin hundreds of megabytes to the thread for its lifetime.</summary>
    public static void TrimCurrentThread()
    {
        if (_perThread is { } s && (s.TermStart.Length > 1 << 20 || s.Text.Length > 1 << 22 || s.ColumnCount.Length > 1 << 22)) _perThread = null;
    }

    public static void Grow<T>(ref T[] array, int needed)
    {
        if (array.Length < needed) Array.Resize(ref array, Math.Max(needed, 2 * array.Length));
    }
}

/// <summary>
/// scikit-learn's analyzers (<c>sklearn/feature_extraction/text.py</c>: <c>_word_ngrams</c>, <c>_char_ngrams</c>,
/// <c>_char_wb_ngrams</c>), writing term slices into an <see cref="AnalyzerScratch"/> instead of building strings.
/// Terms come out in scikit-learn's order (all n-grams of the shortest length first), though only their counts matter.
/// </summary>
/// <remarks>
/// A document may also be a list of segments (the command line, its statements, decoded payloads; see
/// <c>AttackClassifier.Normalization.CommandNormalizer</c>): <see cref="AnalyzeSegments"/> analyses each segment on its
/// own and appends its terms, so an n-gram never spans two segments and a term's count is its count summed over the
/// segments. The terms of a one-segment document are exactly those of <see cref="Analyze"/> on that segment.
/// </remarks>
internal static class NGramAnalyzer
{
    /// <summary>Python's <c>\s</c> and <c>str.split()</c> whitespace on UTF-16 units: .NET's plus U+001C–U+001F, so the
    /// character analyzers match scikit-learn even on those control characters.</summary>
    internal static bool IsPythonWhiteSpace(char c) => char.IsWhiteSpace(c) || (uint)(c - '\u001C') <= 3;

    /// <summary>Replaces the scratch's terms with those of <paramref name="document"/>.</summary>
    public static void Analyze(TfidfOptions options, ReadOnlySpan<char> document, AnalyzerScratch s)
    {
        s.TermCount = 0;
        s.TextLength = 0;
        AppendTerms(options, document, s);
    }

    /// <summary>Replaces the scratch's terms with those of a segmented document: each segment's terms, appended in order.</summary>
    /// <exception cref="ArgumentException">A segment is null.</exception>
    public static void AnalyzeSegments(TfidfOptions options, IReadOnlyList<string> segments, AnalyzerScratch s)
    {
        ArgumentNullException.ThrowIfNull(segments);
        s.TermCount = 0;
        s.TextLength = 0;
        for (int g = 0; g < segments.Count; g++)
            AppendTerms(options, segments[g] ?? throw new ArgumentException($"Segment {g} is null.", nameof(segments)), s);
    }

    // Appends the terms of one text after those already in the scratch. Every analyzer writes its text at
    // Text[TextLength ..) and its term slices there, so earlier terms stay valid and no n-gram reaches back into them.
    private static void AppendTerms(TfidfOptions options, ReadOnlySpan<char> document, AnalyzerScratch s)
    {
        ReadOnlySpan<char> x = document;
        if (options.Lowercase)
        {
            AnalyzerScratch.Grow(ref s.Lower, document.Length);
            document.ToLowerInvariant(s.Lower);
            x = s.Lower.AsSpan(0, document.Length);
        }
        switch (options.Analyzer)
        {
            case TextAnalyzer.Word: Words(x, options.NGramRange, s); break;
            case TextAnalyzer.Char: Chars(x, options.NGramRange, s); break;
            default: CharsWithinWords(x, options.NGramRange, s); break;
        }
    }

    // _word_ngrams: for n in [min, min(max, T)], every run of n consecutive tokens, joined by " ".
    private static void Words(ReadOnlySpan<char> x, NGramRange range, AnalyzerScratch s)
    {
        int T = 0;
        foreach (Range r in CommandLineTokenizer.EnumerateTokens(x))
        {
            ReadOnlySpan<char> token = x[r];
            AnalyzerScratch.Grow(ref s.Text, s.TextLength + token.Length + 1);
            AnalyzerScratch.Grow(ref s.TokenStart, T + 1);
            AnalyzerScratch.Grow(ref s.TokenEnd, T + 1);
            if (T > 0) s.Text[s.TextLength++] = ' ';
            s.TokenStart[T] = s.TextLength;
            token.CopyTo(s.Text.AsSpan(s.TextLength));
            s.TextLength += token.Length;
            s.TokenEnd[T++] = s.TextLength;
        }
        int maxN = Math.Min(range.Max, T);
        for (int n = range.Min; n <= maxN; n++)
            for (int i = 0; i + n <= T; i++)
                AddTerm(s, s.TokenStart[i], s.TokenEnd[i + n - 1] - s.TokenStart[i]);
    }

    // _char_ngrams: re.sub(r"\s\s+", " ", doc), then every slice of length n for n in [min, min(max, L)].
    // A run of two or more whitespace characters becomes one space; a single tab or newline stays as it is.
    private static void Chars(ReadOnlySpan<char> x, NGramRange range, AnalyzerScratch s)
    {
        AnalyzerScratch.Grow(ref s.Text, s.TextLength + x.Length);
        int o = s.TextLength;                      // this text is Text[o .. o + L)
        int L = CollapseWhiteSpace(x, s.Text.AsSpan(o));
        s.TextLength += L;
        int maxN = Math.Min(range.Max, L);
        long count = 0;
        for (int n = range.Min; n <= maxN; n++) count += L - n + 1;
        EnsureTerms(s, (int)Math.Min(s.TermCount + count, int.MaxValue));
        for (int n = range.Min; n <= maxN; n++)
            for (int i = 0; i + n <= L; i++)
                AddTerm(s, o + i, n);
    }

    // _char_wb_ngrams: for each word of doc.split(), w = " " + word + " "; for each n: the slices of length n
    // (one slice, the whole w, if w is shorter than n), and stop at the first n that already covered all of w.
    private static void CharsWithinWords(ReadOnlySpan<char> x, NGramRange range, AnalyzerScratch s)
    {
        AnalyzerScratch.Grow(ref s.Text, s.TextLength + 3 * x.Length / 2 + 2);
        int i = 0;
        while (i < x.Length)
        {
            while (i < x.Length && IsPythonWhiteSpace(x[i])) i++;
            int start = i;
            while (i < x.Length && !IsPythonWhiteSpace(x[i])) i++;
            if (i == start) break;
            ReadOnlySpan<char> word = x[start..i];
            AnalyzerScratch.Grow(ref s.Text, s.TextLength + word.Length + 2);
            int o = s.TextLength;                  // w = Text[o .. o + wLength)
            s.Text[o] = ' ';
            word.CopyTo(s.Text.AsSpan(o + 1));
            s.Text[o + 1 + word.Length] = ' ';
            int wLength = word.Length + 2;
            s.TextLength += wLength;
            for (int n = range.Min; n <= range.Max; n++)
            {
                int offset = 0;
                AddTerm(s, o, Math.Min(n, wLength));   // w[0 : n], shorter when w is
                while (offset + n < wLength)
                {
                    offset++;
                    AddTerm(s, o + offset, n);
                }
                if (offset == 0) break;                // w was no longer than n: larger n add nothing new
            }
        }
    }

    /// <summary>Writes <paramref name="x"/> with every run of ≥ 2 whitespace characters replaced by one space; returns the length.</summary>
    internal static int CollapseWhiteSpace(ReadOnlySpan<char> x, Span<char> destination)
    {
        int L = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (IsPythonWhiteSpace(x[i]) && i + 1 < x.Length && IsPythonWhiteSpace(x[i + 1]))
            {
                while (i + 1 < x.Length && IsPythonWhiteSpace(x[i + 1])) i++;
                destination[L++] = ' ';
            }
            else destination[L++] = x[i];
        }
        return L;
    }

    private static void EnsureTerms(AnalyzerScratch s, int needed)
    {
        AnalyzerScratch.Grow(ref s.TermStart, needed);
        AnalyzerScratch.Grow(ref s.TermLength, needed);
    }

    /// <summary>Appends the term Text[start .. start+length) to the scratch's term list (shared with the sequence encoder).</summary>
    internal static void AddTerm(AnalyzerScratch s, int start, int length)
    {
        if (s.TermCount == s.TermStart.Length) EnsureTerms(s, s.TermCount + 1);
        s.TermStart[s.TermCount] = start;
        s.TermLength[s.TermCount++] = length;
    }
}
