using AttackClassifier.Kernels;

namespace AttackClassifier.Text;

/// <summary>The batch Transform shared by every vectorizer: a row per document, stacked into a <see cref="CsrMatrix"/>.</summary>
internal static class VectorizerRows
{
    /// <summary>Stacks the rows <paramref name="vectorizer"/> gives each document: the shared body of every vectorizer's batch Transform.</summary>
    internal static CsrMatrix FromRows(ITextVectorizer vectorizer, IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return CsrMatrix.Stack(vectorizer.FeatureCount, documents.Count, (n, columns, values) =>
            vectorizer.Transform(documents[n] ?? throw new ArgumentException($"Document {n} is null.", nameof(documents)), columns, values));
    }

    /// <summary>Stacks the rows <paramref name="vectorizer"/> gives each segmented document (one list of segments per row).</summary>
    internal static CsrMatrix FromSegmentedRows(ISegmentedTextVectorizer vectorizer, IReadOnlyList<IReadOnlyList<string>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return CsrMatrix.Stack(vectorizer.FeatureCount, documents.Count, (n, columns, values) =>
            vectorizer.TransformSegmented(documents[n] ?? throw new ArgumentException($"Document {n} is null.", nameof(documents)), columns, values));
    }
}
