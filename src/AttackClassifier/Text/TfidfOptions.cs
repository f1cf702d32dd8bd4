namespace AttackClassifier.Text;

/// <summary>What a TF-IDF term is (scikit-learn's <c>analyzer</c>).</summary>
public enum TextAnalyzer
{
    /// <summary>Word n-grams over <see cref="CommandLineTokenizer"/> tokens, joined by one space (<c>"word"</c>).</summary>
    Word,

    /// <summary>Character n-grams over the whole text, whitespace runs collapsed to one space (<c>"char"</c>).</summary>
    Char,

    /// <summary>Character n-grams inside each whitespace-separated word padded with one space on each side (<c>"char_wb"</c>).</summary>
    CharWordBoundary,
}

/// <summary>Row normalisation applied after weighting (scikit-learn's <c>norm</c>).</summary>
public enum TfidfNorm
{
    /// <summary>Each non-empty row is divided by its Euclidean norm (<c>"l2"</c>).</summary>
    L2,

    /// <summary>Rows are left as tf·idf (<c>None</c>).</summary>
    None,
}

/// <summary>The n-gram lengths to extract, <paramref name="Min"/> ≤ n ≤ <paramref name="Max"/> (scikit-learn's <c>ngram_range</c>).</summary>
/// <param name="Min">Shortest n-gram, ≥ 1 (in tokens for <see cref="TextAnalyzer.Word"/>, characters otherwise).</param>
/// <param name="Max">Longest n-gram, ≥ <paramref name="Min"/>.</param>
public readonly record struct NGramRange(int Min, int Max);

/// <summary>
/// A document-frequency bound (scikit-learn's <c>min_df</c>/<c>max_df</c>): either an absolute number of documents
/// or a fraction of the fitted corpus. scikit-learn tells them apart by the Python type (int vs float); here the
/// factory name says which, so <c>1</c> and <c>1.0</c> can never be confused.
/// </summary>
public readonly record struct DocumentFrequency
{
    private DocumentFrequency(bool isFraction, double value) { IsFraction = isFraction; Value = value; }

    /// <summary>True for a fraction of the corpus, false for a number of documents.</summary>
    public bool IsFraction { get; }

    /// <summary>The number of documents (a whole number ≥ 1), or the fraction in [0, 1].</summary>
    public double Value { get; }

    /// <summary>A bound of <paramref name="count"/> documents (≥ 1), like an int <c>min_df</c>/<c>max_df</c>.</summary>
    public static DocumentFrequency Documents(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new(false, count);
    }

    /// <summary>A bound of <paramref name="fraction"/> · N documents, fraction in [0, 1], like a float <c>min_df</c>/<c>max_df</c>.</summary>
    public static DocumentFrequency Fraction(double fraction)
    {
        if (!(fraction >= 0.0 && fraction <= 1.0)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A document-frequency fraction must lie in [0, 1].");
        return new(true, fraction);
    }

    /// <summary>The bound in documents for a corpus of <paramref name="n"/> rows (a fraction is not rounded, as in scikit-learn).</summary>
    internal double ToDocumentCount(int n) => IsFraction ? Value * n : Value;

    /// <inheritdoc/>
    public override string ToString() => IsFraction ? $"Fraction({Value})" : $"Documents({Value})";
}

/// <summary>Options of <see cref="TfidfVectorizer"/>, with scikit-learn's <c>TfidfVectorizer</c> defaults except
/// <see cref="NGramRange"/>, which defaults to the study's (1, 2).</summary>
public sealed record TfidfOptions
{
    /// <summary>What a term is. Default <see cref="TextAnalyzer.Word"/>.</summary>
    public TextAnalyzer Analyzer { get; init; } = TextAnalyzer.Word;

    /// <summary>n-gram lengths. Default (1, 2): unigrams and bigrams. Typical for characters: (2, 5).</summary>
    public NGramRange NGramRange { get; init; } = new(1, 2);

    /// <summary>Drop terms found in fewer documents. Default 1 document (keep all).</summary>
    public DocumentFrequency MinDocumentFrequency { get; init; } = DocumentFrequency.Documents(1);

    /// <summary>Drop terms found in more documents. Default fraction 1.0 (keep all).</summary>
    public DocumentFrequency MaxDocumentFrequency { get; init; } = DocumentFrequency.Fraction(1.0);

    /// <summary>Keep only this many terms, the most frequent by total count over the corpus; null keeps all. Ties at
    /// the cut go to the term that sorts first (ordinal), where scikit-learn's choice is arbitrary.</summary>
    public int? MaxFeatures { get; init; }

    /// <summary>idf = ln((1 + N)/(1 + df)) + 1 when true (default), ln(N/df) + 1 when false.</summary>
    public bool SmoothIdf { get; init; } = true;

    /// <summary>tf = 1 + ln(count) instead of count. Default false.</summary>
    public bool SublinearTf { get; init; }

    /// <summary>Row normalisation. Default <see cref="TfidfNorm.L2"/>.</summary>
    public TfidfNorm Norm { get; init; } = TfidfNorm.L2;

    /// <summary>Lowercase (invariant culture) before analysis. Default true.</summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>The block's weight in a feature union (scikit-learn's <c>FeatureUnion(transformer_weights=…)</c>): every value
    /// of the row, after normalisation, is multiplied by it. Default 1; finite and ≥ 0.</summary>
    public double BlockWeight { get; init; } = 1.0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(Analyzer)) throw new ArgumentException($"Unknown analyzer {Analyzer}.", nameof(Analyzer));
        if (!Enum.IsDefined(Norm)) throw new ArgumentException($"Unknown norm {Norm}.", nameof(Norm));
        if (NGramRange.Min < 1 || NGramRange.Max < NGramRange.Min)
            throw new ArgumentException($"NGramRange ({NGramRange.Min}, {NGramRange.Max}) is invalid: need 1 ≤ Min ≤ Max.", nameof(NGramRange));
        if (!(double.IsFinite(BlockWeight) && BlockWeight >= 0)) throw new ArgumentException($"BlockWeight must be finite and ≥ 0, not {BlockWeight}.", nameof(BlockWeight));
        if (MaxFeatures is < 1) throw new ArgumentException($"MaxFeatures must be at least 1 (or null), not {MaxFeatures}.", nameof(MaxFeatures));
        if (MinDocumentFrequency == default || MaxDocumentFrequency == default)
            throw new ArgumentException("Document-frequency bounds must be made with DocumentFrequency.Documents or DocumentFrequency.Fraction.");
    }
}
