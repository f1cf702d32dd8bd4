namespace AttackClassifier.Text;

/// <summary>Turns command lines into sparse feature rows; implemented by <see cref="TfidfVectorizer"/> and
/// <see cref="TfidfFeatureUnion"/>, so a classifier can take either.</summary>
public interface ITextVectorizer
{
    /// <summary>D, the number of feature columns.</summary>
    int FeatureCount { get; }

    /// <summary>One row per document, D columns.</summary>
    CsrMatrix Transform(IReadOnlyList<string> documents);

    /// <summary>
    /// The features of one command written into caller buffers, columns ascending, without allocating.
    /// Returns the number of entries written. Buffers of <see cref="FeatureCount"/> entries always suffice.
    /// </summary>
    /// <exception cref="ArgumentException">The buffers differ in length or are too short for this command.</exception>
    int Transform(ReadOnlySpan<char> command, Span<int> columns, Span<double> values);
}
