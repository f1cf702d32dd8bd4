namespace AttackClassifier.Data;

/// <summary>
/// The classes of a dataset in a stable order — ordinal (culture-independent) string order, as scikit-learn's
/// <c>LabelEncoder</c> sorts its classes — and the mapping between labels and class indices 0..K−1.
/// </summary>
public sealed class LabelSet
{
    private readonly string[] _labels;
    private readonly Dictionary<string, int> _index;

    /// <summary>Builds the set of distinct labels, sorted ordinally.</summary>
    public LabelSet(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _labels = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _index = new Dictionary<string, int>(_labels.Length, StringComparer.Ordinal);
        for (int k = 0; k < _labels.Length; k++) _index[_labels[k]] = k;
    }

    /// <summary>K, the number of classes.</summary>
    public int Count => _labels.Length;

    /// <summary>The labels in class-index order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The label of class <paramref name="index"/>.</summary>
    public string this[int index] => _labels[index];

    /// <summary>The class index of <paramref name="label"/>, or −1 when it is not one of the classes.</summary>
    public int IndexOf(string label) => _index.TryGetValue(label, out int k) ? k : -1;

    /// <summary>The class index of every label.</summary>
    /// <exception cref="ArgumentException">A label is not one of the classes (named in the message).</exception>
    public int[] Encode(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Select(label => IndexOf(label) is int k and >= 0
            ? k
            : throw new ArgumentException($"Label '{label}' is not one of the {Count} known classes.", nameof(labels))).ToArray();
    }
}
