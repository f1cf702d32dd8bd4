using AttackClassifier.Kernels;
namespace AttackClassifier.Text;

/// <summary>Turns command lines into sparse feature rows: what <see cref="TfidfVectorizer"/> and <see cref="TfidfFeatureUnion"/>
/// share, so their batch Transform is written once (<see cref="VectorizerRows"/>). Internal: a classifier always holds a
/// <see cref="TfidfFeatureUnion"/>, and no outside type can stand in for one.</summary>
internal interface ITextVectorizer
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

/// <summary>
/// A vectorizer that also takes a document made of several segments (see <c>AttackClassifier.Normalization.NormalizedCommand.Segments</c>):
/// term counts are summed over the segments and no n-gram spans two of them; weighting and normalisation are as for a
/// plain document, and a one-segment document gives the plain document's row bit for bit.
/// </summary>
internal interface ISegmentedTextVectorizer : ITextVectorizer
{
    /// <summary>The features of one segmented document written into caller buffers, columns ascending; returns the entry count.</summary>
    /// <exception cref="ArgumentException">The buffers differ in length or are too short, or a segment is null.</exception>
    int TransformSegmented(IReadOnlyList<string> segments, Span<int> columns, Span<double> values);

    /// <summary>One row per segmented document, D columns.</summary>
    CsrMatrix TransformSegmented(IReadOnlyList<IReadOnlyList<string>> documents);
}
